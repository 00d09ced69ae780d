import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { findCommand } from '../../protocol/catalogue';
import { escapeText } from '../../protocol/escape';
import { decodeRfc2217, encodeRfc2217 } from '../../protocol/rfc2217';
import type { CommandEntry, Text } from '../../protocol/types';
import { validateParam } from '../../protocol/validate';
import { BAUD_RATES, type DataBits, type Parity, type UartSettings } from '../../protocol/uart';
import '../components/dialog/dialog';
import { LanguageController } from '../controllers/language-controller';
import { SessionController } from '../controllers/session-controller';
import { S } from '../i18n/strings';
import { bytesToHex } from '../logic/bytes';
import { smsLength } from '../../protocol/sms-length';
import { MANAGE_ACTIONS } from '../../session/ops/manage';
import type { ManageAction } from '../services/session-service';
import { base, tokens } from '../styles/shared';
import { viewStyles } from './view-styles';

const ACTIONS: readonly ManageAction[] = ['Z', 'REBOOT', 'CFGTF', 'RELD', 'CLEAR'];
/** Actions that lose settings: their confirm button is red. */
const DESTRUCTIVE: ReadonlySet<ManageAction> = new Set(['RELD', 'CLEAR']);

function smsEntry(): CommandEntry {
  const entry = findCommand('SMSEND');
  if (!entry) throw new Error('SMSEND missing from the catalogue');
  return entry;
}

/** Tools: the SMS sender, the RFC2217-like frame generator, restart and restore with confirmation. */
@customElement('dtu-tools-view')
export class DtuToolsView extends LitElement {
  static override styles = [
    tokens,
    base,
    viewStyles,
    css`
      textarea {
        width: 100%;
        min-height: 90px;
        resize: vertical;
      }
      .full {
        display: flex;
        width: 100%;
      }
      .full input {
        width: 100%;
      }
      .frame {
        font-family: var(--dtu-mono);
        font-size: 1.3rem;
        letter-spacing: 0.05em;
        background: #10161f;
        color: #e6edf3;
        padding: 8px 12px;
        border-radius: var(--dtu-radius);
        word-break: break-all;
      }
      .uart {
        display: flex;
        flex-wrap: wrap;
        gap: 10px 14px;
        margin-bottom: 12px;
      }
      .manage {
        display: grid;
        gap: 8px;
      }
      .manage li {
        display: flex;
        flex-wrap: wrap;
        gap: 4px 12px;
        align-items: center;
        justify-content: space-between;
        border-bottom: 1px solid var(--dtu-border);
        padding: 8px 0;
      }
      .manage ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .manage p {
        margin: 0;
        flex: 1 1 260px;
        font-size: 0.9rem;
      }
      .msg {
        font-size: 0.85rem;
      }
    `,
  ];

  private readonly i18n = new LanguageController(this);
  private readonly session = new SessionController(this);

  @state() private number = '';
  @state() private text = '';
  @state() private smsResult: { ok: boolean; text: string } | undefined;
  @state() private uart: UartSettings = { baud: 9600, dataBits: 8, stopBits: 1, parity: 'NONE' };
  @state() private confirming: ManageAction | undefined;
  @state() private running: ManageAction | undefined;
  @state() private manageResult: { ok: boolean; text: string } | undefined;

  private async sendSms(): Promise<void> {
    this.smsResult = undefined;
    const outcome = await this.session.api.sendSms(this.number, this.text).catch((e: unknown) => ({
      ok: false as const,
      error: { raw: e instanceof Error ? e.message : String(e), meaning: { en: '', zh: '' } },
    }));
    this.smsResult = outcome.ok
      ? { ok: true, text: this.i18n.t(S.tools.smsSent) }
      : { ok: false, text: `${outcome.error.raw} ${this.i18n.t(outcome.error.meaning)}` };
  }

  private async manage(action: ManageAction): Promise<void> {
    this.confirming = undefined;
    this.running = action;
    this.manageResult = undefined;
    const label = this.i18n.t(S.tools.action[action]);
    try {
      const outcome = await this.session.api.manage(action);
      this.manageResult = outcome.ok
        ? { ok: true, text: this.i18n.f(S.tools.done, { action: label }) }
        : { ok: false, text: `${label}: ${outcome.error.raw} ${this.i18n.t(outcome.error.meaning)}` };
    } catch (e) {
      this.manageResult = { ok: false, text: `${label}: ${e instanceof Error ? e.message : String(e)}` };
    } finally {
      this.running = undefined;
    }
  }

  private renderSms() {
    const t = this.i18n.t.bind(this.i18n);
    const f = this.i18n.f.bind(this.i18n);
    const entry = smsEntry();
    const len = smsLength(this.text);
    const numberCheck = validateParam(entry, 0, this.number);
    const textCheck = validateParam(entry, 1, escapeText(this.text));
    const numberError: Text | undefined =
      this.number !== '' && !numberCheck.ok ? numberCheck.error.message : undefined;
    const textError: Text | undefined =
      this.text !== '' && !textCheck.ok ? textCheck.error.message : undefined;
    const canSend = numberCheck.ok && textCheck.ok && this.session.ready;
    return html`<section class="card" aria-labelledby="h-sms">
      <h3 id="h-sms">${t(S.tools.sms)}</h3>
      <form
        @submit=${(e: Event) => {
          e.preventDefault();
          void this.sendSms();
        }}
      >
        <p class="full">
          <label style="width:100%"
            >${t(S.tools.smsNumber)}
            <input
              inputmode="numeric"
              autocomplete="off"
              placeholder="8613854123456"
              .value=${this.number}
              aria-invalid=${numberError ? 'true' : 'false'}
              aria-describedby="number-help"
              @input=${(e: Event) => (this.number = (e.target as HTMLInputElement).value)}
            />
            <span id="number-help" class=${numberError ? 'msg error' : 'msg muted'}
              >${numberError ? t(numberError) : t(S.tools.smsNumberHint)}</span
            >
          </label>
        </p>
        <p>
          <label style="width:100%"
            >${t(S.tools.smsText)}
            <textarea
              .value=${this.text}
              aria-invalid=${textError ? 'true' : 'false'}
              aria-describedby="sms-length"
              @input=${(e: Event) => (this.text = (e.target as HTMLTextAreaElement).value)}
            ></textarea>
          </label>
        </p>
        <p id="sms-length" class="small" data-testid="sms-length" data-encoding=${len.encoding}>
          ${f(S.tools.smsLength, {
            n: len.characters,
            encoding: t(len.encoding === 'gsm7' ? S.tools.smsGsm : S.tools.smsUcs2),
            parts: len.parts,
          })}
          ${len.parts > 1 ? html`<br /><span class="muted">${t(S.tools.smsLong)}</span>` : nothing}
          ${textError ? html`<br /><span class="error">${t(textError)}</span>` : nothing}
        </p>
        <button class="primary" type="submit" ?disabled=${!canSend}>${t(S.tools.smsSend)}</button>
        ${this.session.ready ? nothing : html`<span class="muted small">${t(S.app.notConnected)}</span>`}
      </form>
      ${
        this.smsResult
          ? html`<p
              class=${`notice ${this.smsResult.ok ? 'ok' : 'error'}`}
              role="status"
              data-testid="sms-result"
            >
              ${this.smsResult.text}
            </p>`
          : nothing
      }
    </section>`;
  }

  private renderRfc() {
    const t = this.i18n.t.bind(this.i18n);
    const f = this.i18n.f.bind(this.i18n);
    const frame = encodeRfc2217(this.uart);
    const decoded = decodeRfc2217(frame);
    const hex = bytesToHex(frame, ' ');
    const set = (patch: Partial<UartSettings>) => (this.uart = { ...this.uart, ...patch });
    return html`<section class="card" aria-labelledby="h-rfc">
      <h3 id="h-rfc">${t(S.tools.rfc)}</h3>
      <p class="muted">${t(S.tools.rfcIntro)}</p>
      <div class="uart">
        <label
          >${t(S.connect.baud)}
          <select @change=${(e: Event) => set({ baud: Number((e.target as HTMLSelectElement).value) })}>
            ${BAUD_RATES.map((b) => html`<option value=${b} ?selected=${b === this.uart.baud}>${b}</option>`)}
          </select>
        </label>
        <label
          >${t(S.connect.dataBits)}
          <select
            @change=${(e: Event) => set({ dataBits: Number((e.target as HTMLSelectElement).value) as DataBits })}
          >
            ${[8, 7, 6, 5].map((b) => html`<option value=${b} ?selected=${b === this.uart.dataBits}>${b}</option>`)}
          </select>
        </label>
        <label
          >${t(S.connect.stopBits)}
          <select
            @change=${(e: Event) => set({ stopBits: Number((e.target as HTMLSelectElement).value) as 1 | 2 })}
          >
            ${[1, 2].map((b) => html`<option value=${b} ?selected=${b === this.uart.stopBits}>${b}</option>`)}
          </select>
        </label>
        <label
          >${t(S.connect.parity)}
          <select @change=${(e: Event) => set({ parity: (e.target as HTMLSelectElement).value as Parity })}>
            ${(['NONE', 'ODD', 'EVEN', 'MARK'] as const).map(
              (p) => html`<option value=${p} ?selected=${p === this.uart.parity}>${p}</option>`,
            )}
          </select>
        </label>
      </div>
      <p><strong>${t(S.tools.rfcFrame)}</strong></p>
      <div class="row">
        <output class="frame" data-testid="rfc-frame" aria-live="polite">${hex}</output>
        <button type="button" @click=${() => void navigator.clipboard?.writeText(hex.replace(/ /g, ''))}>
          ${t(S.app.copy)}
        </button>
      </div>
      <p class="muted small" style="margin-top:8px">
        ${f(S.tools.rfcParts, {
          baud: bytesToHex(frame.slice(3, 6), ' '),
          param: bytesToHex(frame.slice(6, 7)),
          sum: bytesToHex(frame.slice(7, 8)),
        })}
      </p>
      ${decoded.ok ? nothing : html`<p class="notice">${f(S.tools.rfcNotApplied, { reason: t(decoded.reason) })}</p>`}
    </section>`;
  }

  private renderManage() {
    const t = this.i18n.t.bind(this.i18n);
    const f = this.i18n.f.bind(this.i18n);
    const c = this.confirming;
    return html`<section class="card manage" aria-labelledby="h-manage">
      <h3 id="h-manage">${t(S.tools.manage)}</h3>
      <p class="muted">${t(S.tools.manageIntro)}</p>
      <ul>
        ${ACTIONS.map(
          (a) =>
            html`<li>
              <p>${t(MANAGE_ACTIONS[a].consequence)}</p>
              <button
                type="button"
                class=${DESTRUCTIVE.has(a) ? 'danger' : ''}
                data-action=${a}
                ?disabled=${!this.session.ready || this.running !== undefined}
                @click=${() => (this.confirming = a)}
              >
                ${t(S.tools.action[a])}
              </button>
            </li>`,
        )}
      </ul>
      ${this.running ? html`<p class="muted" role="status">${t(S.operation.manage)}: ${t(S.tools.action[this.running])}…</p>` : nothing}
      ${
        this.manageResult
          ? html`<p
              class=${`notice ${this.manageResult.ok ? 'ok' : 'error'}`}
              role="status"
              data-testid="manage-result"
            >
              ${this.manageResult.text}
            </p>`
          : nothing
      }
      <dtu-dialog
        .heading=${c ? f(S.tools.confirmTitle, { action: t(S.tools.action[c]) }) : ''}
        .closeLabel=${t(S.app.close)}
        ?open=${c !== undefined}
        @dtu-close=${() => (this.confirming = undefined)}
      >
        ${c ? html`<p>${t(MANAGE_ACTIONS[c].consequence)}</p>` : nothing}
        <button slot="footer" type="button" @click=${() => (this.confirming = undefined)}>
          ${t(S.app.cancel)}
        </button>
        <button
          slot="footer"
          type="button"
          data-testid="confirm"
          class=${c && DESTRUCTIVE.has(c) ? 'danger primary' : 'primary'}
          @click=${() => c && void this.manage(c)}
        >
          ${c ? f(S.tools.confirm, { action: t(S.tools.action[c]) }) : ''}
        </button>
      </dtu-dialog>
    </section>`;
  }

  override render() {
    return html`
      <div class="head"><h2>${this.i18n.t(S.tools.heading)}</h2></div>
      <div class="grid">${this.renderSms()} ${this.renderRfc()}</div>
      ${this.renderManage()}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-tools-view': DtuToolsView;
  }
}

import { ContextConsumer } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { BAUD_RATES, type Parity, type UartSettings } from '../../protocol/uart';
import { webSerialFromGlobals } from '../../serial/web-serial';
import { AUTO_DETECT } from '../auto-detect/strings';
import { LanguageController } from '../controllers/language-controller';
import { SessionController } from '../controllers/session-controller';
import { StoreController } from '../controllers/store-controller';
import { simulatorContext } from '../context';
import { dtuEvent } from '../events';
import { S } from '../i18n/strings';
import type { Transport } from '../services/session-service';
import { base, tokens } from '../styles/shared';
import { viewStyles } from './view-styles';

const PARITIES: readonly Exclude<Parity, 'MARK'>[] = ['NONE', 'ODD', 'EVEN'];

export function lineText(line: UartSettings): string {
  return `${line.baud} ${line.dataBits}${line.parity.charAt(0)}${line.stopBits}`;
}

/**
 * Connect: choose USB serial or the simulator (the default without Web Serial or a granted port), the line
 * settings or auto-detect, connect, and the help when it fails. Auto-detect says before it starts, and
 * while it runs, that a wrong baud rate sends the module bytes that in working mode reach the server.
 */
@customElement('dtu-connect-view')
export class DtuConnectView extends LitElement {
  static override styles = [
    tokens,
    base,
    viewStyles,
    css`
      .choices {
        display: grid;
        gap: 10px;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 280px), 1fr));
      }
      .choice {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 4px 10px;
        align-items: start;
        border: 1px solid var(--dtu-border);
        border-radius: var(--dtu-radius);
        padding: 12px;
        cursor: pointer;
        flex-direction: row;
      }
      .choice:has(input:checked) {
        border-color: var(--dtu-accent);
        box-shadow: 0 0 0 1px var(--dtu-accent);
      }
      .choice input {
        margin-top: 3px;
      }
      .choice strong {
        display: block;
      }
      .choice .muted {
        grid-column: 2;
        font-size: 0.88rem;
      }
      .line {
        display: flex;
        flex-wrap: wrap;
        gap: 10px 14px;
        align-items: flex-end;
      }
      .line label {
        min-width: 100px;
      }
    `,
  ];

  private readonly i18n = new LanguageController(this);
  private readonly session = new SessionController(this);
  private readonly store = new StoreController(this);
  private readonly simulator = new ContextConsumer(this, { context: simulatorContext });

  @state() private transport: Transport = 'simulator';
  @state() private auto = true;
  @state() private line: UartSettings = { baud: 115200, dataBits: 8, stopBits: 1, parity: 'NONE' };
  @state() private showAll = false;
  private chosen = false;

  override firstUpdated(): void {
    // The simulated module boots as long as a real one (~18 s from power-on): start it while the person
    // reads this page, so "Connect" does not wait for all of it.
    setTimeout(() => {
      if (this.transport === 'simulator') void this.simulator.value?.get();
    }, 300);
    // A port this site was granted before means hardware is probably there: offer USB serial first.
    const serial = webSerialFromGlobals(globalThis);
    if (!serial.available) return;
    void serial
      .grantedPorts()
      .then((ports) => {
        if (ports.length > 0 && !this.chosen) this.transport = 'serial';
      })
      .catch(() => undefined);
  }

  private async connect(): Promise<void> {
    this.store.value.forgetDevice();
    try {
      await this.session.api.connect({
        transport: this.transport,
        line: this.auto ? 'auto' : this.line,
        showAllPorts: this.showAll,
      });
      this.store.value.setIdentity(await this.session.api.identify());
    } catch {
      // The state is `failed` now; the shell opens the help.
    }
  }

  private setLine(patch: Partial<UartSettings>): void {
    this.line = { ...this.line, ...patch };
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const s = this.session.state;
    const webSerial = this.session.available ? this.session.api.webSerialAvailable : false;
    const connected =
      s.kind === 'command' || s.kind === 'working' || s.kind === 'busy' || s.kind === 'entering';
    const working = s.kind === 'opening' || s.kind === 'entering' || s.kind === 'busy';
    const detecting = s.kind === 'busy' && s.operation === 'detect';
    return html`
      <div class="head"><h2>${t(S.connect.heading)}</h2></div>
      <p class="muted">${t(S.connect.intro)}</p>
      ${
        detecting
          ? html`<p class="notice" role="status" data-testid="auto-detect-running">
              ${t(AUTO_DETECT.running)}
            </p>`
          : nothing
      }
      ${
        connected && s.kind !== 'entering' && !detecting
          ? html`<div class="notice ok" role="status" data-testid="connected">
              <p>
                ${this.i18n.f(S.connect.connected, {
                  transport: t(s.transport === 'simulator' ? S.transport.simulator : S.transport.serial),
                  line: lineText(s.line),
                })}
              </p>
              <p><strong>${t(S.connect.next)}:</strong></p>
              <div class="actions">
                <a class="button primary" href="#settings">${t(S.connect.readSettings)}</a>
                <a class="button" href="#dashboard">${t(S.connect.openDashboard)}</a>
              </div>
            </div>`
          : nothing
      }
      ${
        s.kind === 'failed'
          ? html`<div class="notice error" role="alert" data-testid="connect-failed">
              <p><strong>${t(s.problem.error)}</strong></p>
              <p>${t(s.problem.advice)}</p>
              <button type="button" @click=${() => this.dispatchEvent(dtuEvent('dtu-show-help', undefined))}>
                ${t(S.state.showHelp)}
              </button>
            </div>`
          : nothing
      }
      <form
        class="card"
        @submit=${(e: Event) => {
          e.preventDefault();
          void this.connect();
        }}
      >
        <fieldset ?disabled=${connected || working}>
          <legend>${t(S.transport.legend)}</legend>
          <div class="choices">
            <label class="choice">
              <input
                type="radio"
                name="transport"
                value="serial"
                ?disabled=${!webSerial}
                .checked=${this.transport === 'serial'}
                @change=${() => {
                  this.chosen = true;
                  this.transport = 'serial';
                }}
              />
              <span><strong>${t(S.transport.serial)}</strong></span>
              <span class="muted"
                >${webSerial ? t(S.transport.serialHint) : t(S.transport.serialUnavailable)}</span
              >
            </label>
            <label class="choice">
              <input
                type="radio"
                name="transport"
                value="simulator"
                .checked=${this.transport === 'simulator'}
                @change=${() => {
                  this.chosen = true;
                  this.transport = 'simulator';
                }}
              />
              <span><strong>${t(S.transport.simulator)}</strong></span>
              <span class="muted">${t(S.transport.simulatorHint)}</span>
            </label>
          </div>
        </fieldset>
        <fieldset ?disabled=${connected || working}>
          <legend>${t(S.connect.line)}</legend>
          <p class="muted small">${t(S.connect.lineHint)}</p>
          <label class="inline">
            <input
              type="checkbox"
              aria-describedby="auto-hint"
              .checked=${this.auto}
              @change=${(e: Event) => (this.auto = (e.target as HTMLInputElement).checked)}
            />
            ${t(S.connect.auto)}
          </label>
          <p class="muted small" id="auto-hint">${t(AUTO_DETECT.hint)}</p>
          <div class="line">
            <label
              >${t(S.connect.baud)}
              <select
                ?disabled=${this.auto}
                @change=${(e: Event) => this.setLine({ baud: Number((e.target as HTMLSelectElement).value) })}
              >
                ${BAUD_RATES.map((b) => html`<option value=${b} ?selected=${b === this.line.baud}>${b}</option>`)}
              </select>
            </label>
            <label
              >${t(S.connect.dataBits)}
              <select
                ?disabled=${this.auto}
                @change=${(e: Event) => this.setLine({ dataBits: Number((e.target as HTMLSelectElement).value) as 7 | 8 })}
              >
                ${[8, 7].map((b) => html`<option value=${b} ?selected=${b === this.line.dataBits}>${b}</option>`)}
              </select>
            </label>
            <label
              >${t(S.connect.stopBits)}
              <select
                ?disabled=${this.auto}
                @change=${(e: Event) => this.setLine({ stopBits: Number((e.target as HTMLSelectElement).value) as 1 | 2 })}
              >
                ${[1, 2].map((b) => html`<option value=${b} ?selected=${b === this.line.stopBits}>${b}</option>`)}
              </select>
            </label>
            <label
              >${t(S.connect.parity)}
              <select
                ?disabled=${this.auto}
                @change=${(e: Event) => this.setLine({ parity: (e.target as HTMLSelectElement).value as Parity })}
              >
                ${PARITIES.map((p) => html`<option value=${p} ?selected=${p === this.line.parity}>${p}</option>`)}
              </select>
            </label>
          </div>
          ${
            this.transport === 'serial'
              ? html`<p>
                  <label class="inline">
                    <input
                      type="checkbox"
                      .checked=${this.showAll}
                      @change=${(e: Event) => (this.showAll = (e.target as HTMLInputElement).checked)}
                    />
                    ${t(S.connect.showAll)}
                  </label>
                </p>`
              : nothing
          }
        </fieldset>
        <div class="actions">
          ${
            connected
              ? html`<button type="button" @click=${() => void this.session.api.disconnect()}>
                  ${t(S.connect.disconnect)}
                </button>`
              : html`<button class="primary" type="submit" ?disabled=${working}>
                  ${working ? t(S.connect.connecting) : t(S.connect.connect)}
                </button>`
          }
          <button
            type="button"
            class="link"
            @click=${() => this.dispatchEvent(dtuEvent('dtu-show-help', undefined))}
          >
            ${t(S.connect.troubleshooting)}
          </button>
        </div>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-connect-view': DtuConnectView;
  }
}

import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { SupportBundle } from '../../profile/bundle/format';
import type { UnknownSetting } from '../../profile/bundle/read';
import { SETTING_NAMES } from '../../protocol/catalogue';
import { visibleText } from '../../protocol/visible-text';
import '../components/byte-log/byte-log';
import type { ByteLogEntry } from '../components/byte-log/byte-log';
import { LanguageController } from '../controllers/language-controller';
import { settingLabel } from '../logic/profile-format';
import type { LogView } from '../logic/traffic-log';
import { base, tokens } from '../styles/shared';
import { tableStyles } from '../styles/tables';
import { SUPPORT } from './strings';

const V = SUPPORT.view;

/** A row of the before/after table. */
interface Row {
  readonly name: string;
  readonly before: string | undefined;
  readonly after: string | undefined;
  readonly changed: boolean;
}

/**
 * A support bundle, read-only (support side): the module's identity, app and browser, what the sender
 * withheld, the configuration before and after with what changed, the apply report with its link check,
 * and the traffic log in the same byte-log view as the terminal. No control here writes to a device.
 */
@customElement('dtu-bundle-viewer')
export class DtuBundleViewer extends LitElement {
  static override styles = [
    tokens,
    base,
    tableStyles,
    css`
      table {
        border-collapse: collapse;
        width: 100%;
      }
      th,
      td {
        text-align: left;
        padding: 4px 8px;
        border-bottom: 1px solid var(--dtu-border);
        vertical-align: top;
      }
      tr.changed td {
        background: var(--dtu-changed-bg);
      }
      .mark {
        font-style: italic;
        color: var(--dtu-muted);
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 2px 12px;
        margin: 0 0 8px;
      }
      dt {
        color: var(--dtu-muted);
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      dtu-byte-log {
        --log-height: min(50vh, 360px);
      }
      section + section {
        margin-top: 16px;
      }
    `,
  ];

  @property({ attribute: false }) bundle!: SupportBundle;
  @property({ attribute: false }) unknownSettings: readonly UnknownSetting[] = [];
  @state() private changedOnly = true;
  @state() private view: LogView = 'text';

  private readonly i18n = new LanguageController(this);
  private logFor: SupportBundle | undefined;
  private logEntries: ByteLogEntry[] = [];

  private rows(): Row[] {
    const b = this.bundle;
    const names = new Set([...Object.keys(b.before), ...Object.keys(b.after), ...b.withheld]);
    const ordered = [
      ...SETTING_NAMES.filter((n) => names.has(n)),
      ...[...names].filter((n) => !SETTING_NAMES.includes(n)),
    ];
    return ordered.map((name) => {
      const before = b.before[name];
      const after = b.after[name];
      return { name, before, after, changed: before !== after };
    });
  }

  private value(name: string, v: string | undefined) {
    if (v !== undefined) return html`<code>${visibleText(v, { max: 300 })}</code>`;
    return this.bundle.withheld.includes(name)
      ? html`<span class="mark" data-testid="withheld-mark">${this.i18n.t(V.withheldMark)}</span>`
      : html`<span class="mark">${this.i18n.t(V.notRead)}</span>`;
  }

  private renderHead() {
    const t = this.i18n.t.bind(this.i18n);
    const f = this.i18n.f.bind(this.i18n);
    const b = this.bundle;
    const lang = this.i18n.lang;
    const list = (names: readonly string[]): string =>
      names.map((n) => settingLabel(n, lang)).join(lang === 'zh' ? '、' : ', ');
    const date = new Date(b.createdAt);
    const when = Number.isNaN(date.getTime())
      ? visibleText(b.createdAt)
      : date.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en');
    const id = b.identity;
    const what = b.transport ? t(V.transport[b.transport]) : t(V.transport.none);
    return html`
      <h3>${f(V.heading, { date: when })}</h3>
      <p class="notice" role="note" data-testid="bundle-read-only">${t(V.readOnly)}</p>
      ${
        id
          ? html`<dl data-testid="bundle-identity">
              <dt>VER</dt>
              <dd>${visibleText(id.version)}</dd>
              <dt>SN</dt>
              <dd>${visibleText(id.sn)}</dd>
              <dt>IMEI</dt>
              <dd>${visibleText(id.imei)}</dd>
              <dt>ICCID</dt>
              <dd>${visibleText(id.iccid)}</dd>
            </dl>`
          : html`<p class="muted">${t(V.noIdentity)}</p>`
      }
      <p class="muted small" data-testid="bundle-app">
        ${f(V.app, { version: visibleText(b.app.version), browser: visibleText(b.app.browser, { max: 200 }) })}
        · ${f(V.connectedTo, { what })}
        ${b.firmware ? html` · ${f(V.firmware, { list: b.firmware.length === 0 ? t(V.manualFirmware) : b.firmware.join(', ') })}` : nothing}
      </p>
      ${
        b.secrets === 'included'
          ? html`<p class="notice error" data-testid="bundle-secrets">${t(V.secretsIncluded)}</p>`
          : b.withheld.length > 0 || b.redactedLines > 0
            ? html`<p class="notice" data-testid="bundle-secrets">
                ${f(V.secretsWithheld, { list: list(b.withheld), n: b.redactedLines })}
              </p>`
            : nothing
      }
      ${
        this.unknownSettings.length > 0
          ? html`<p class="notice" data-testid="bundle-unknown">
              ${f(V.unknown, { list: this.unknownSettings.map((u) => `${visibleText(u.name, { max: 40 })} (${u.where})`).join(', ') })}
            </p>`
          : nothing
      }
    `;
  }

  private renderConfig() {
    const t = this.i18n.t.bind(this.i18n);
    const rows = this.rows();
    const changed = rows.filter((r) => r.changed);
    const shown = this.changedOnly ? changed : rows;
    return html`<section aria-labelledby="cfg">
      <h3 id="cfg">${t(V.config)}</h3>
      <label class="inline">
        <input
          type="checkbox"
          data-testid="bundle-changed-only"
          .checked=${this.changedOnly}
          @change=${(e: Event) => (this.changedOnly = (e.target as HTMLInputElement).checked)}
        />
        ${t(V.changedOnly)}
      </label>
      ${
        shown.length === 0
          ? html`<p class="muted">${t(V.noChanges)}</p>`
          : html`<div class="table-wrap">
              <table data-testid="bundle-diff">
                <thead>
                  <tr>
                    <th scope="col">${t(V.setting)}</th>
                    <th scope="col">${t(V.before)}</th>
                    <th scope="col">${t(V.after)}</th>
                  </tr>
                </thead>
                <tbody>
                  ${shown.map(
                    (r) =>
                      html`<tr
                        class=${r.changed ? 'changed' : ''}
                        data-setting=${r.name}
                        data-changed=${String(r.changed)}
                      >
                        <td data-label=${t(V.setting)}>
                          ${settingLabel(r.name, this.i18n.lang)} <code>AT+${r.name}</code>
                          ${r.changed ? html`<span class="visually-hidden">(${t(V.changed)})</span>` : nothing}
                        </td>
                        <td data-label=${t(V.before)}>${this.value(r.name, r.before)}</td>
                        <td data-label=${t(V.after)}>${this.value(r.name, r.after)}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
      }
    </section>`;
  }

  private renderReport() {
    const t = this.i18n.t.bind(this.i18n);
    const f = this.i18n.f.bind(this.i18n);
    const apply = this.bundle.apply;
    const proof = this.bundle.linkProof;
    return html`<section aria-labelledby="rep">
      <h3 id="rep">${t(V.report)}</h3>
      ${
        !apply
          ? html`<p class="muted">${t(V.noReport)}</p>`
          : html`<div class="table-wrap">
                <table data-testid="bundle-report">
                  <thead>
                    <tr>
                      <th scope="col">${t(V.setting)}</th>
                      <th scope="col">${t(V.after)}</th>
                      <th scope="col">${t(V.result)}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${apply.results.map(
                      (r) =>
                        html`<tr data-setting=${r.name} data-outcome=${r.outcome}>
                          <td data-label=${t(V.setting)}>
                            ${settingLabel(r.name, this.i18n.lang)} <code>AT+${r.name}</code>
                          </td>
                          <td data-label=${t(V.after)}><code>${visibleText(r.value, { max: 300 })}</code></td>
                          <td data-label=${t(V.result)}>
                            ${t(V.outcome[r.outcome])}
                            ${r.error ? html`<br /><code>${visibleText(r.error.raw)}</code> ${visibleText(this.i18n.t(r.error.meaning))}` : nothing}
                          </td>
                        </tr>`,
                    )}
                  </tbody>
                </table>
              </div>
              ${apply.restarted ? html`<p class="muted small">${t(V.restarted)}</p>` : nothing}`
      }
      ${
        proof
          ? html`<h3>${t(V.links)}</h3>
              <p class="muted small" data-testid="bundle-proof-state">
                ${
                  proof.state === 'done'
                    ? f(V.linkState.done, { time: proof.at ? new Date(proof.at).toLocaleTimeString() : '' })
                    : proof.state === 'failed'
                      ? f(V.linkState.failed, { error: visibleText(proof.error ?? '') })
                      : t(V.linkState[proof.state])
                }
              </p>
              <ul data-testid="bundle-proof">
                ${proof.sockets.map(
                  (s) =>
                    html`<li data-socket=${s.socket} data-verdict=${s.verdict}>
                      Socket ${s.socket}${s.server ? html` <code>${visibleText(s.server)}</code>` : nothing}:
                      ${t(V.verdict[s.verdict])}${s.upAfterMs !== undefined ? ` ${f(V.upAfter, { s: (s.upAfterMs / 1000).toFixed(1) })}` : ''}${s.reason ? ` — ${t(V.reason[s.reason])}` : ''}
                    </li>`,
                )}
              </ul>`
          : nothing
      }
    </section>`;
  }

  private entries(): ByteLogEntry[] {
    if (this.logFor !== this.bundle) {
      this.logFor = this.bundle;
      this.logEntries = this.bundle.log.entries.map((e, id) => ({ id, at: e.t, dir: e.dir, bytes: e.bytes }));
    }
    return this.logEntries;
  }

  private renderLog() {
    const t = this.i18n.t.bind(this.i18n);
    const dropped = this.bundle.log.dropped;
    return html`<section aria-labelledby="log">
      <h3 id="log">${t(V.log)}</h3>
      ${dropped.entries > 0 ? html`<p class="muted small">${this.i18n.f(V.logNote, { n: dropped.entries })}</p>` : nothing}
      <div class="row" role="radiogroup" aria-label=${t(V.log)}>
        <label class="inline"
          ><input
            type="radio"
            name="view"
            .checked=${this.view === 'text'}
            @change=${() => (this.view = 'text')}
          />
          ${t(V.text)}</label
        >
        <label class="inline"
          ><input
            type="radio"
            name="view"
            .checked=${this.view === 'hex'}
            @change=${() => (this.view = 'hex')}
          />
          ${t(V.hex)}</label
        >
      </div>
      <dtu-byte-log
        data-testid="bundle-log"
        .entries=${this.entries()}
        .view=${this.view}
        .label=${t(V.log)}
        .emptyText=${t(V.empty)}
        .dirLabels=${{ tx: t(V.tx), rx: t(V.rx), note: t(V.note) }}
      ></dtu-byte-log>
    </section>`;
  }

  override render() {
    if (!this.bundle) return nothing;
    return html`${this.renderHead()} ${this.renderConfig()} ${this.renderReport()} ${this.renderLog()}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-bundle-viewer': DtuBundleViewer;
  }
}

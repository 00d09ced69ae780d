import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { csqToSignal, parseCsqValue, type Signal } from '../../protocol/signal';
import { parseSysinfo, type SysinfoResult } from '../../protocol/sysinfo';
import '../components/led/led';
import '../components/signal-bars/signal-bars';
import { LanguageController } from '../controllers/language-controller';
import { SessionController } from '../controllers/session-controller';
import { StoreController } from '../controllers/store-controller';
import { S } from '../i18n/strings';
import { langTag } from '../i18n/language';
import { causeText, findingsOf } from '../link-proof/findings';
import { LINK_PROOF } from '../link-proof/strings';
import { deviceText } from '../device-text/device-text';
import { netBlinksFor } from '../logic/leds';
import type { LinkFlag } from '../services/session-service';
import { base, tokens } from '../styles/shared';
import { viewStyles } from './view-styles';

const LETTERS = ['A', 'B', 'C', 'D'] as const;

/** The signal for a CSQ value on the network SYSINFO reported. */
export function signalOf(csq: string | undefined, sysinfo: SysinfoResult | undefined): Signal | undefined {
  const value = csq === undefined ? undefined : parseCsqValue(csq);
  if (!value) return undefined;
  return csqToSignal(value.rssi, sysinfo?.ok ? sysinfo.networkType : 'LTE');
}

/**
 * Dashboard: identity (VER, SN, IMEI, ICCID), network (SYSINFO), signal bars and dBm from CSQ, the four
 * sockets' link state, and the module's lights, with a refresh.
 */
@customElement('dtu-dashboard-view')
export class DtuDashboardView extends LitElement {
  static override styles = [
    tokens,
    base,
    viewStyles,
    css`
      .signal {
        display: flex;
        align-items: center;
        gap: 12px;
      }
      .sockets {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 8px;
      }
      .sockets li {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 2px 10px;
        align-items: center;
        padding: 8px;
        border: 1px solid var(--dtu-border);
        border-radius: var(--dtu-radius);
      }
      .link-dot {
        width: 14px;
        height: 14px;
        border-radius: 50%;
        background: #8592a3;
        grid-row: span 2;
      }
      .link-dot.ON {
        background: #1f9d4a;
        box-shadow: 0 0 6px #1f9d4a;
      }
      .link-dot.disabled {
        background: transparent;
        border: 2px dashed #8592a3;
      }
      .why {
        grid-column: 2;
        color: var(--dtu-warn);
        overflow-wrap: anywhere;
      }
      .leds {
        display: flex;
        flex-wrap: wrap;
        gap: 16px;
        justify-content: space-around;
        background: #1b2430;
        color: #e6edf3;
        border-radius: var(--dtu-radius);
        padding: 16px 8px 12px;
        --dtu-muted: #c8d6e8;
      }
    `,
  ];

  private readonly i18n = new LanguageController(this);
  private readonly session = new SessionController(this);
  private readonly store = new StoreController(this);

  @state() private refreshing = false;
  @state() private error: string | undefined;
  private autoRefreshed = false;

  override updated(): void {
    if (!this.autoRefreshed && this.session.ready && this.store.available) {
      this.autoRefreshed = true;
      void this.refresh();
    }
  }

  private async refresh(): Promise<void> {
    this.refreshing = true;
    this.error = undefined;
    try {
      const store = this.store.value;
      store.setIdentity(await this.session.api.identify());
      store.setStatus(await this.session.api.readStatus(), new Date());
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    } finally {
      this.refreshing = false;
    }
  }

  /**
   * Why socket `s` is down, from the last link check after an apply, while the link is still down and the
   * socket still points at the server that was checked.
   */
  private downReason(
    s: (typeof LETTERS)[number],
    flag: LinkFlag,
    server: string | undefined,
  ): string | undefined {
    const check = this.store.value.linkProof;
    if (flag === 'ON' || check?.kind !== 'done') return undefined;
    const found = findingsOf(check.proof, check.trace).find((f) => f.socket === s);
    if (found?.verdict !== 'down' || !found.cause || (server !== undefined && found.server !== server))
      return undefined;
    const lang = this.i18n.lang;
    return this.i18n.f(LINK_PROOF.lastCheck, {
      time: new Date(check.at).toLocaleTimeString(langTag(lang), { hour12: false }),
      cause: causeText(found.cause, lang),
    });
  }

  private linkText(flag: LinkFlag, enabled: boolean): string {
    if (!enabled) return this.i18n.t(S.dashboard.linkDisabled);
    return this.i18n.t(
      flag === 'ON' ? S.dashboard.linkOn : flag === 'OFF' ? S.dashboard.linkOff : S.dashboard.linkUnknown,
    );
  }

  override render() {
    if (!this.store.available) return nothing;
    const t = this.i18n.t.bind(this.i18n);
    const f = this.i18n.f.bind(this.i18n);
    const store = this.store.value;
    const id = store.identity;
    const status = store.status;
    // Settings as the device model knows them (device-model/): a terminal set shows here too.
    const known: Readonly<Record<string, string>> = { ...status?.value.settings, ...store.device };
    const sysinfo = status?.value.sysinfo === undefined ? undefined : parseSysinfo(status.value.sysinfo);
    const signal = signalOf(status?.value.csq, sysinfo);
    const dash = t(S.dashboard.unknown);
    const ready = this.session.ready;
    const powered = ready || status !== undefined;
    const blinks = netBlinksFor(sysinfo?.ok ? sysinfo.network : undefined);
    return html`
      <div class="head">
        <h2>${t(S.dashboard.heading)}</h2>
        <div class="actions">
          ${
            status
              ? html`<span class="muted small" data-testid="updated"
                  >${f(S.dashboard.updated, { time: status.at.toLocaleTimeString(langTag(this.i18n.lang)) })}</span
                >`
              : nothing
          }
          <button
            type="button"
            data-testid="refresh"
            ?disabled=${!ready || this.refreshing}
            @click=${() => void this.refresh()}
          >
            ${t(this.refreshing ? S.dashboard.refreshing : S.dashboard.refresh)}
          </button>
        </div>
      </div>
      ${ready || status ? nothing : html`<p class="notice">${t(S.app.notConnected)} <a href="#connect">${t(S.app.goConnect)}</a></p>`}
      ${this.error ? html`<p class="notice error" role="alert">${this.error}</p>` : nothing}
      <div class="grid">
        <section class="card" aria-labelledby="h-id">
          <h3 id="h-id">${t(S.dashboard.identity)}</h3>
          <dl class="stacked" data-testid="identity">
            <dt>${t(S.dashboard.version)}</dt>
            <dd>${id?.version ? deviceText(id.version) : dash}</dd>
            <dt>${t(S.dashboard.sn)}</dt>
            <dd>${id?.sn ? deviceText(id.sn) : dash}</dd>
            <dt>${t(S.dashboard.imei)}</dt>
            <dd>${id?.imei ? deviceText(id.imei) : dash}</dd>
            <dt>${t(S.dashboard.iccid)}</dt>
            <dd>${id?.iccid ? deviceText(id.iccid) : dash}</dd>
          </dl>
        </section>
        <section class="card" aria-labelledby="h-net">
          <h3 id="h-net">${t(S.dashboard.network)}</h3>
          <dl class="stacked" data-testid="network">
            <dt>${t(S.dashboard.service)}</dt>
            <dd>${sysinfo?.ok ? t(sysinfo.stateText) : sysinfo ? t(sysinfo.reason) : dash}</dd>
            <dt>${t(S.dashboard.networkType)}</dt>
            <dd>${sysinfo?.ok ? t(sysinfo.networkText) : dash}</dd>
            <dt>${t(S.dashboard.signal)}</dt>
            <dd>
              ${
                signal
                  ? html`<span class="signal" data-testid="signal">
                      <dtu-signal-bars
                        .bars=${signal.bars}
                        .label=${f(S.dashboard.signalBars, { bars: signal.bars, text: t(signal.text) })}
                      ></dtu-signal-bars>
                      <span
                        >${t(signal.text)}<br /><span class="muted small"
                          >${f(S.dashboard.raw, { value: deviceText(status?.value.csq ?? '') })}</span
                        ></span
                      >
                    </span>`
                  : dash
              }
            </dd>
            <dt>${t(S.dashboard.workMode)}</dt>
            <dd>${deviceText(known['WKMOD'] ?? '') || dash}</dd>
          </dl>
        </section>
        <section class="card" aria-labelledby="h-sock">
          <h3 id="h-sock">${t(S.dashboard.sockets)}</h3>
          <ul class="sockets" data-testid="sockets">
            ${LETTERS.map((s) => {
              const flag = status?.value.links[s] ?? 'unknown';
              const enabled = status ? known[`SOCK${s}EN`] === 'ON' : true;
              const why = enabled ? this.downReason(s, flag, known[`SOCK${s}`]) : undefined;
              return html`<li data-socket=${s} data-link=${enabled ? flag : 'disabled'}>
                <span class="link-dot ${enabled ? flag : 'disabled'}" aria-hidden="true"></span>
                <strong>${f(S.dashboard.socket, { s })}: ${this.linkText(flag, enabled)}</strong>
                <span class="muted small mono">${deviceText(known[`SOCK${s}`] ?? '')}</span>
                ${why ? html`<span class="why small" data-testid="link-why">${why}</span>` : nothing}
              </li>`;
            })}
          </ul>
        </section>
        <section class="card" aria-labelledby="h-led">
          <h3 id="h-led">${t(S.dashboard.leds)}</h3>
          <div class="leds" data-testid="leds">
            <dtu-led
              name="PWR"
              colour="#ff5a4f"
              ?on=${powered}
              .description=${t(powered ? S.dashboard.ledOn : S.dashboard.ledOff)}
            ></dtu-led>
            <dtu-led
              name="WORK"
              colour="#2ecc40"
              ?on=${powered}
              .description=${t(powered ? S.dashboard.ledOn : S.dashboard.ledOff)}
            ></dtu-led>
            <dtu-led
              name="NET"
              colour="#4fc3ff"
              .blinks=${blinks}
              .description=${blinks > 0 ? f(S.dashboard.ledBlink, { n: blinks }) : t(S.dashboard.ledOff)}
            ></dtu-led>
          </div>
          <p class="muted small" style="margin-top:8px">${t(S.dashboard.ledsHint)}</p>
        </section>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-dashboard-view': DtuDashboardView;
  }
}

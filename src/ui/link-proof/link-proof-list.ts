import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LanguageController } from '../controllers/language-controller';
import { langTag } from '../i18n/language';
import { packetOf, sameBytes, type PacketView, type ServerPreview } from '../server-preview/server-preview';
import { base, tokens } from '../styles/shared';
import {
  causeAdvice,
  causeText,
  findingsOf,
  seconds,
  serverText,
  type Finding,
  type ProofState,
} from './findings';
import type { SeenPacket, SimTrace } from './sim-trace';
import { LINK_PROOF as L } from './strings';

/**
 * The link check of an apply, socket by socket: connected (after how long) or not and why, with what to do;
 * on the simulator also the first registration packet and heartbeat the virtual server received, with
 * their times, beside what was expected (`expected`, server-preview.ts). While the check runs, a "Stop
 * checking" button (`dtu-proof-stop`). Presentational.
 */
@customElement('dtu-link-proof')
export class DtuLinkProof extends LitElement {
  static override styles = [
    tokens,
    base,
    css`
      :host {
        display: block;
        margin: 12px 0;
      }
      .seen {
        margin: 8px 0 0;
        color: var(--dtu-muted);
        font-size: 0.85rem;
      }
      ul.sockets {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 8px;
      }
      ul.sockets > li {
        border: 1px solid var(--dtu-border);
        border-left-width: 5px;
        border-radius: var(--dtu-radius);
        padding: 8px 10px;
      }
      ul.sockets > li[data-verdict='up'] {
        border-left-color: var(--dtu-ok);
      }
      ul.sockets > li[data-verdict='down'] {
        border-left-color: #c98a00;
        background: var(--dtu-warn-bg);
      }
      .verdict-up {
        color: var(--dtu-ok);
        font-weight: 600;
      }
      .verdict-down {
        color: var(--dtu-warn);
        font-weight: 600;
      }
      .server {
        overflow-wrap: anywhere;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 4px 12px;
        margin: 4px 0 0;
      }
      dt {
        color: var(--dtu-muted);
      }
      dd {
        margin: 0;
        min-width: 0;
        overflow-wrap: anywhere;
      }
      .checking {
        display: flex;
        flex-wrap: wrap;
        gap: 8px 12px;
        align-items: center;
        margin: 0 0 8px;
      }
      @media (max-width: 520px) {
        dl {
          grid-template-columns: 1fr;
          gap: 0;
        }
        dd {
          margin-bottom: 6px;
        }
      }
    `,
  ];

  @property({ attribute: false }) state!: ProofState;
  /** What the server should see (the values the module now runs), for the simulator's packets. */
  @property({ attribute: false }) expected: ServerPreview | undefined;

  private readonly i18n = new LanguageController(this);

  private time(p: SeenPacket, trace: SimTrace | undefined): string {
    const clock = new Date(p.time).toLocaleTimeString(langTag(this.i18n.lang), { hour12: false });
    const restart = trace?.restartedAt;
    return restart === undefined
      ? this.i18n.f(L.atNoRestart, { time: clock })
      : this.i18n.f(L.at, { time: clock, rel: seconds(Math.max(0, p.at - restart)) });
  }

  /** A packet seen at the virtual server, compared with what was expected; secrets stay masked. */
  private seen(p: SeenPacket, expected: PacketView | undefined, trace: SimTrace | undefined) {
    const t = this.i18n.t.bind(this.i18n);
    const same = sameBytes(expected, p.bytes);
    const shown = expected?.masked ? (same ? expected.shown : '') : packetOf(p.bytes).shown;
    return html`<span data-testid="seen-time">${this.time(p, trace)}</span>
      ${shown ? html`<br /><code data-testid="seen-bytes">${shown}</code>` : nothing}
      ${
        same === undefined
          ? nothing
          : html` <span class=${same ? 'ok' : 'error'} data-match=${same ? 'yes' : 'no'}
              >${same ? `✓ ${t(L.matches)}` : `✗ ${t(L.differs)}`}</span
            >`
      }
      ${
        same === false && expected && !expected.masked
          ? html`<br /><span class="muted small">${this.i18n.f(L.expected, { value: expected.shown })}</span>`
          : nothing
      }`;
  }

  private packets(f: Finding, trace: SimTrace | undefined) {
    if (!trace || f.verdict !== 'up') return nothing;
    const t = this.i18n.t.bind(this.i18n);
    const reg = this.expected?.registration;
    const hb = this.expected?.heartbeat;
    const regExpected = reg?.enabled ? reg.packet : undefined;
    const beats = hb?.enabled && hb.to === 'server';
    return html`<p class="seen">${this.i18n.f(L.seenHeading, { s: f.socket })}</p>
      <dl data-testid="seen-${f.socket}">
        <dt>${t(L.registration)}</dt>
        <dd data-testid="seen-registration">
          ${f.registration ? this.seen(f.registration, regExpected, trace) : t(L.noRegistration)}
        </dd>
        ${
          beats || f.heartbeat
            ? html`<dt>${t(L.heartbeat)}</dt>
                <dd data-testid="seen-heartbeat">
                  ${
                    f.heartbeat
                      ? this.seen(f.heartbeat, hb?.enabled ? hb.packet : undefined, trace)
                      : this.i18n.f(L.noHeartbeatYet, { s: hb?.enabled ? hb.periodS : '' })
                  }
                </dd>`
            : nothing
        }
      </dl>`;
  }

  private row(f: Finding, trace: SimTrace | undefined) {
    const t = this.i18n.t.bind(this.i18n);
    const fm = this.i18n.f.bind(this.i18n);
    const head = html`<strong>${fm(L.socket, { s: f.socket })}</strong>
      <span class="server mono">${serverText(f.server)}</span>`;
    switch (f.verdict) {
      case 'up':
        return html`<li data-socket=${f.socket} data-verdict="up">
          ${head}:
          <span class="verdict-up"
            >${
              f.upAfterRestartMs !== undefined
                ? fm(L.upAfterRestart, { time: seconds(f.upAfterRestartMs) })
                : fm(L.upAfter, { time: seconds(f.upAfterMs ?? 0) })
            }</span
          >
          ${this.packets(f, trace)}
        </li>`;
      case 'down':
        return html`<li data-socket=${f.socket} data-verdict="down" data-cause=${f.cause?.kind ?? ''}>
          ${head}:
          <span class="verdict-down"
            >${fm(L.down, { cause: f.cause ? causeText(f.cause, this.i18n.lang) : '' })}</span
          >
          ${f.cause ? html`<p class="small" style="margin:4px 0 0">${t(causeAdvice(f.cause))}</p>` : nothing}
        </li>`;
      default:
        return html`<li data-socket=${f.socket} data-verdict=${f.verdict}>
          ${head}: <span class="muted">${t(L.onDemand)}</span>
        </li>`;
    }
  }

  override render() {
    const s = this.state;
    const t = this.i18n.t.bind(this.i18n);
    if (s.kind === 'checking') {
      return html`<div class="checking" data-testid="link-proof" data-state="checking">
        <span aria-busy="true"
          >${s.progress ? this.i18n.f(L.checkingProgress, s.progress) : t(L.waiting)}</span
        >
        <button
          type="button"
          data-testid="proof-stop"
          @click=${() => this.dispatchEvent(new CustomEvent('dtu-proof-stop', { bubbles: true, composed: true }))}
        >
          ${t(L.stop)}
        </button>
      </div>`;
    }
    if (s.kind !== 'done') return nothing;
    const found = findingsOf(s.proof, s.trace);
    if (found.length === 0) return nothing;
    return html`<section aria-labelledby="proof-h" data-testid="link-proof" data-state="done">
      <h4 id="proof-h" style="margin:0 0 8px">${t(L.heading)}</h4>
      <ul class="sockets">
        ${found.map((f) => this.row(f, s.trace))}
      </ul>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-link-proof': DtuLinkProof;
  }
  interface HTMLElementEventMap {
    'dtu-proof-stop': CustomEvent<undefined>;
  }
}

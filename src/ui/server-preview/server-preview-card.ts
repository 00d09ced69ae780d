import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LanguageController } from '../controllers/language-controller';
import { base, tokens } from '../styles/shared';
import type { PacketView, PreviewPart, ServerPreview } from './server-preview';
import { SERVER_PREVIEW as SP } from './strings';

/**
 * "What your server will see": connections, registration packet, heartbeat and framing, each part that the
 * pending changes alter marked "changes". Presentational: the view computes the preview
 * (server-preview.ts).
 */
@customElement('dtu-server-preview')
export class DtuServerPreview extends LitElement {
  static override styles = [
    tokens,
    base,
    css`
      :host {
        display: block;
      }
      dl {
        display: grid;
        grid-template-columns: minmax(8em, max-content) 1fr;
        gap: 10px 16px;
        margin: 0;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
        min-width: 0;
      }
      dd p {
        margin: 0 0 4px;
      }
      .badge {
        display: inline-block;
        margin-left: 6px;
        padding: 0 6px;
        border-radius: 10px;
        background: var(--dtu-changed-bg);
        color: var(--dtu-warn);
        border: 1px solid #e2c27a;
        font-size: 0.8rem;
        font-weight: 600;
      }
      .packet {
        display: inline-block;
        max-width: 100%;
        overflow-wrap: anywhere;
      }
      ul {
        margin: 0;
        padding-left: 18px;
      }
      @media (max-width: 520px) {
        dl {
          grid-template-columns: 1fr;
          gap: 2px;
        }
        dd {
          margin-bottom: 10px;
        }
      }
    `,
  ];

  @property({ attribute: false }) preview!: ServerPreview;
  @property({ attribute: false }) changed: ReadonlySet<PreviewPart> = new Set();

  private readonly i18n = new LanguageController(this);

  private badge(part: PreviewPart) {
    return this.changed.has(part)
      ? html`<span class="badge" data-changed=${part}>${this.i18n.t(SP.changes)}</span>`
      : nothing;
  }

  /** A packet's content: text, or hex marked as such. */
  packet(p: PacketView): TemplateResult {
    const t = this.i18n.t.bind(this.i18n);
    if (p.unknown) return html`<span>${t(p.unknown === 'ICCID' ? SP.unknownIccid : SP.unknownImei)}</span>`;
    return html`<code class="packet" data-testid="packet">${p.shown}</code>${
        p.hex ? html` <span class="muted small">(${t(SP.hex)})</span>` : nothing
      }`;
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const f = this.i18n.f.bind(this.i18n);
    const p = this.preview;
    const reg = p.registration;
    const hb = p.heartbeat;
    return html`<dl data-testid="server-preview-list">
      <dt>${t(SP.sockets)}${this.badge('sockets')}${this.badge('mode')}</dt>
      <dd data-part="sockets">
        ${
          p.mode === 'HTTPD'
            ? html`<p>${f(SP.httpd, { server: p.httpServer ?? '' })}</p>`
            : p.sockets.length === 0
              ? html`<p>${t(SP.noSockets)}</p>`
              : html`<ul>
                  ${p.sockets.map(
                    (s) =>
                      html`<li data-socket=${s.socket}>
                        ${f(SP.socket, { s: s.socket, host: s.host, port: s.port, protocol: s.protocol })}
                        ${s.short ? html`<span class="muted small">— ${t(SP.short)}</span>` : nothing}
                      </li>`,
                  )}
                </ul>`
        }
      </dd>
      ${
        p.mode === 'NET'
          ? html`<dt>${t(SP.registration)}${this.badge('registration')}</dt>
              <dd data-part="registration">
                ${
                  reg.enabled
                    ? html`<p>${t(reg.when === 'connect' ? SP.onConnect : SP.everyPacket)}</p>
                        <p>
                          ${f(SP.content, { type: reg.type })}:
                          ${reg.packet ? this.packet(reg.packet) : t(SP.d2d)}
                        </p>
                        ${reg.type === 'CLOUD' ? html`<p class="muted small">${t(SP.cloudNote)}</p>` : nothing}`
                    : html`<p>${t(SP.registrationOff)}</p>`
                }
              </dd>
              <dt>${t(SP.heartbeat)}${this.badge('heartbeat')}</dt>
              <dd data-part="heartbeat">
                ${
                  hb.enabled
                    ? html`<p>${f(hb.to === 'server' ? SP.toServer : SP.toSerial, { s: hb.periodS })}</p>
                        <p>${t(SP.contentPlain)}: ${this.packet(hb.packet)}</p>`
                    : html`<p>${t(SP.heartbeatOff)}</p>`
                }
              </dd>`
          : nothing
      }
      <dt>${t(SP.framing)}${this.badge('framing')}</dt>
      <dd data-part="framing">
        <p>${f(SP.framingText, { ms: p.framing.gapMs, bytes: p.framing.lengthBytes })}</p>
      </dd>
    </dl>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-server-preview': DtuServerPreview;
  }
}

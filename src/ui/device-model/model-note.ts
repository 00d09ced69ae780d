import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LanguageController } from '../controllers/language-controller';
import { SessionController } from '../controllers/session-controller';
import { StoreController } from '../controllers/store-controller';
import { base, tokens } from '../styles/shared';
import { summaryLines } from './provenance';
import { MODEL } from './strings';

/**
 * How far the device's values can be trusted now (device-model/): "Last read at 14:02", "Not connected:
 * as last known at …", "Accepted by the module but not read back yet: …", "Every value may have changed
 * since … (AT+RELD …)". With `readable`, a "Read again" button reads every setting when connected.
 * `quiet`: says nothing while everything shown was read and is live (for a compare or a save).
 */
@customElement('dtu-model-note')
export class DtuModelNote extends LitElement {
  static override styles = [
    tokens,
    base,
    css`
      :host {
        display: block;
      }
      .note {
        margin: 0 0 12px;
      }
      .note p {
        margin: 0;
      }
      .note p + p {
        margin-top: 4px;
      }
      button {
        margin-top: 8px;
      }
    `,
  ];

  /** Shows "Read again" (when connected). */
  @property({ type: Boolean }) readable = false;
  /** Nothing to say while everything was read and is live. */
  @property({ type: Boolean }) quiet = false;
  /** A line said first (e.g. "Compared with …"), only when something is said. */
  @property() lead = '';
  /** Leaves out "Last read at …" (the page says it already). */
  @property({ type: Boolean }) noReadAt = false;

  @state() private reading = false;
  @state() private error: string | undefined;

  private readonly i18n = new LanguageController(this);
  private readonly session = new SessionController(this);
  private readonly store = new StoreController(this);

  private async read(): Promise<void> {
    this.reading = true;
    this.error = undefined;
    try {
      const values = await this.session.api.readAll();
      this.store.value.setDevice(values);
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    } finally {
      this.reading = false;
    }
  }

  override render() {
    if (!this.store.available) return nothing;
    const model = this.store.value.model;
    const summary = model.summary();
    const doubtful = !summary.live || summary.notReadBack.length > 0 || summary.stale.length > 0;
    if (summary.count === 0 || (this.quiet && !doubtful)) return nothing;
    const lines = summaryLines(summary, this.i18n.lang, Date.now(), { readAt: !this.noReadAt });
    return html`<div
      class=${`note notice ${doubtful ? '' : 'ok'}`}
      role="status"
      data-testid="model-note"
      data-live=${summary.live ? 'true' : 'false'}
      data-doubtful=${doubtful ? 'true' : 'false'}
    >
      ${this.lead && doubtful ? html`<p>${this.lead}</p>` : nothing} ${lines.map((l) => html`<p>${l}</p>`)}
      ${
        this.readable && doubtful && this.session.ready
          ? html`<button
              type="button"
              data-testid="model-read-again"
              ?disabled=${this.reading}
              @click=${() => void this.read()}
            >
              ${this.i18n.t(this.reading ? MODEL.summary.reading : MODEL.summary.readNow)}
            </button>`
          : nothing
      }
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-model-note': DtuModelNote;
  }
}

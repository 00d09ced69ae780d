import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { applyUpdate, onUpdateAvailable } from '../../../pwa/register';
import { LanguageController } from '../../controllers/language-controller';
import { S } from '../../i18n/strings';
import { base, tokens } from '../../styles/shared';

/**
 * "A new version is ready — Reload to update": shown when a new version of the app has installed and
 * waits (pwa/register.ts). The new version takes over only when the person says so. Loaded after the
 * first render, with the service worker's code.
 */
@customElement('dtu-update-prompt')
export class DtuUpdatePrompt extends LitElement {
  static override styles = [
    tokens,
    base,
    css`
      .update {
        max-width: 1200px;
        margin: 12px auto 0;
        padding: 8px 16px;
        display: flex;
        flex-wrap: wrap;
        gap: 8px 16px;
        align-items: center;
        background: var(--dtu-warn-bg);
        color: var(--dtu-warn);
        border-radius: var(--dtu-radius);
      }
    `,
  ];

  @state() private ready = false;
  private readonly i18n = new LanguageController(this);
  private unsubscribe: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = onUpdateAvailable(() => (this.ready = true));
  }

  override disconnectedCallback(): void {
    this.unsubscribe?.();
    super.disconnectedCallback();
  }

  override render() {
    if (!this.ready) return nothing;
    return html`<div class="update" role="status">
      <span>${this.i18n.t(S.app.updateReady)}</span>
      <button type="button" class="primary" @click=${() => applyUpdate()}>
        ${this.i18n.t(S.app.updateNow)}
      </button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-update-prompt': DtuUpdatePrompt;
  }
}

import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { dtuEvent } from '../../events';
import { base, tokens } from '../../styles/shared';

/**
 * A short message at the bottom of the screen with one action ("Undo") and a dismiss button. Announced
 * politely (role=status); it stays until acted on, dismissed or replaced, so nobody has to race a timer
 * to undo. Emits `dtu-confirm` for the action and `dtu-close` for dismiss. Presentational.
 */
@customElement('dtu-profile-toast')
export class DtuProfileToast extends LitElement {
  static override styles = [
    tokens,
    base,
    css`
      .toast {
        position: fixed;
        left: 50%;
        bottom: 16px;
        transform: translateX(-50%);
        width: min(520px, calc(100vw - 24px));
        display: flex;
        flex-wrap: wrap;
        gap: 8px 12px;
        align-items: center;
        justify-content: space-between;
        background: #1b2430;
        color: #fff;
        border-radius: var(--dtu-radius);
        padding: 10px 14px;
        box-shadow: 0 6px 24px rgb(0 0 0 / 30%);
        z-index: 20;
      }
      .toast p {
        margin: 0;
        flex: 1 1 200px;
      }
      .toast button {
        background: #fff;
        color: #0b5cad;
        border-color: #fff;
      }
      .toast button.plain {
        background: transparent;
        color: #fff;
      }
    `,
  ];

  @property() message = '';
  @property() actionLabel = '';
  @property() dismissLabel = 'Dismiss';

  /** Moves focus to the action, so a keyboard user can undo at once. */
  async focusAction(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('[data-testid="toast-action"]')?.focus();
  }

  override render() {
    if (!this.message) return nothing;
    return html`<div class="toast" role="status" data-testid="profile-toast">
      <p>${this.message}</p>
      ${
        this.actionLabel
          ? html`<button
              type="button"
              data-testid="toast-action"
              @click=${() => this.dispatchEvent(dtuEvent('dtu-confirm', undefined))}
            >
              ${this.actionLabel}
            </button>`
          : nothing
      }
      <button
        type="button"
        class="plain"
        aria-label=${this.dismissLabel}
        @click=${() => this.dispatchEvent(dtuEvent('dtu-close', undefined))}
      >
        ×
      </button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-profile-toast': DtuProfileToast;
  }
}

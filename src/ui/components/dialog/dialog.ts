import { LitElement, css, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { dtuEvent } from '../../events';
import { base, tokens } from '../../styles/shared';

/**
 * A modal dialog on the native `<dialog>` (focus trapped, Escape closes, focus returns to the opener).
 * Content goes in the default slot, buttons in `footer`. Emits `dtu-close` however it was closed.
 */
@customElement('dtu-dialog')
export class DtuDialog extends LitElement {
  static override styles = [
    tokens,
    base,
    css`
      dialog {
        border: none;
        border-radius: 10px;
        padding: 0;
        width: min(560px, calc(100vw - 24px));
        max-height: calc(100vh - 32px);
        box-shadow: 0 12px 40px rgb(0 0 0 / 30%);
        color: var(--dtu-text);
      }
      dialog::backdrop {
        background: rgb(10 20 30 / 45%);
      }
      header {
        display: flex;
        justify-content: space-between;
        align-items: center;
        gap: 8px;
        padding: 12px 16px;
        border-bottom: 1px solid var(--dtu-border);
      }
      h2 {
        margin: 0;
      }
      .body {
        padding: 12px 16px;
        overflow: auto;
      }
      footer {
        display: flex;
        flex-wrap: wrap;
        justify-content: flex-end;
        gap: 8px;
        padding: 12px 16px;
        border-top: 1px solid var(--dtu-border);
      }
      .x {
        border: none;
        font-size: 1.4rem;
        min-height: 36px;
        padding: 0 10px;
      }
    `,
  ];

  @property() heading = '';
  @property({ type: Boolean, reflect: true }) open = false;
  @property() closeLabel = 'Close';
  @query('dialog') private dialog!: HTMLDialogElement;

  override updated(): void {
    if (this.open && !this.dialog.open) this.dialog.showModal();
    if (!this.open && this.dialog.open) this.dialog.close();
  }

  private onClose(): void {
    if (this.open) {
      this.open = false;
      this.dispatchEvent(dtuEvent('dtu-close', undefined));
    }
  }

  override render() {
    return html`<dialog aria-labelledby="title" @close=${this.onClose}>
      <header>
        <h2 id="title">${this.heading}</h2>
        <button class="x" type="button" aria-label=${this.closeLabel} @click=${() => this.dialog.close()}>
          ×
        </button>
      </header>
      <div class="body"><slot></slot></div>
      <footer><slot name="footer"></slot></footer>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-dialog': DtuDialog;
  }
}

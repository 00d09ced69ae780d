import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LanguageController } from '../controllers/language-controller';
import { base, tokens } from '../styles/shared';
import { I } from './strings';

/**
 * "Unexpected problem": what a person sees instead of a programming error's message. It says the fault is
 * the app's, and keeps the technical detail out of the text, in a collapsed box with a copy button, for a
 * bug report.
 */
@customElement('dtu-unexpected-problem')
export class DtuUnexpectedProblem extends LitElement {
  static override styles = [
    tokens,
    base,
    css`
      textarea {
        width: 100%;
        box-sizing: border-box;
        font-family: var(--mono, monospace);
        font-size: 0.8rem;
      }
      h3 {
        margin: 0 0 4px;
        font-size: 1rem;
      }
    `,
  ];

  /** The technical detail (error name, message, stack); never shown outside the box. */
  @property({ attribute: false }) detail = '';

  @state() private copyState: 'idle' | 'copied' | 'by-hand' = 'idle';

  private readonly i18n = new LanguageController(this);

  private async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.detail);
      this.copyState = 'copied';
    } catch {
      this.renderRoot.querySelector('textarea')?.select();
      this.copyState = 'by-hand';
    }
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    return html`<div class="notice error" role="alert" data-testid="unexpected-problem">
      <h3>${t(I.unexpected.title)}</h3>
      <p>${t(I.unexpected.text)}</p>
      <details>
        <summary>${t(I.unexpected.details)}</summary>
        <textarea readonly rows="6" aria-label=${t(I.unexpected.details)} .value=${this.detail}></textarea>
        <button type="button" @click=${() => void this.copy()}>${t(I.unexpected.copy)}</button>
        ${
          this.copyState === 'idle'
            ? nothing
            : html`<span role="status"
                >${t(this.copyState === 'copied' ? I.unexpected.copied : I.unexpected.copyByHand)}</span
              >`
        }
      </details>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-unexpected-problem': DtuUnexpectedProblem;
  }
}

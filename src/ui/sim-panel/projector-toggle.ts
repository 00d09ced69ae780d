import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { LanguageController } from '../controllers/language-controller';
import { ProjectorController, setProjector } from './projector';
import { PANEL } from './strings';

/** `<dtu-projector-toggle>`: the projector-mode switch (a toggle button), shown in the simulator and terminal. */
@customElement('dtu-projector-toggle')
export class DtuProjectorToggle extends LitElement {
  static override styles = css`
    :host {
      display: inline-block;
    }
    button {
      font: inherit;
      min-height: 2.4em;
      padding: 4px 12px;
      border-radius: var(--dtu-radius, 6px);
      border: 2px solid var(--dtu-text, #1b2430);
      background: var(--dtu-surface, #fff);
      color: var(--dtu-text, #1b2430);
      cursor: pointer;
    }
    button[aria-pressed='true'] {
      background: #000000;
      color: #ffffff;
    }
    :focus-visible {
      outline: 5px solid #000000;
      outline-offset: 3px;
      box-shadow: 0 0 0 9px #ffd400;
    }
  `;

  private readonly i18n = new LanguageController(this);
  private readonly projector = new ProjectorController(this);

  override render() {
    const on = this.projector.active;
    return html`<button
      type="button"
      data-testid="projector-toggle"
      aria-pressed=${on ? 'true' : 'false'}
      title=${this.i18n.t(PANEL.projector.hint)}
      @click=${() => setProjector(!on)}
    >
      <span aria-hidden="true">${on ? '◼' : '◻'}</span> ${this.i18n.t(PANEL.projector.toggle)}
    </button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-projector-toggle': DtuProjectorToggle;
  }
}

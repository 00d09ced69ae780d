import { LitElement, css, html, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/** Five bars, `bars` of them filled, like a phone's signal icon. Presentational; `label` is required. */
@customElement('dtu-signal-bars')
export class DtuSignalBars extends LitElement {
  static override styles = css`
    :host {
      display: inline-block;
      width: 44px;
      height: 32px;
    }
    svg {
      width: 100%;
      height: 100%;
    }
    .on {
      fill: #1d6b35;
    }
    .off {
      fill: #c9d1dc;
    }
    :host([bars='1']) .on,
    :host([bars='2']) .on {
      fill: #a35f00;
    }
    :host([bars='0']) .off {
      fill: #d9dee6;
    }
  `;

  @property({ type: Number, reflect: true }) bars = 0;
  @property() label = '';

  override render() {
    return html`<svg viewBox="0 0 44 32" role="img" aria-label=${this.label}>
      ${[0, 1, 2, 3, 4].map(
        (i) =>
          svg`<rect x=${i * 9} y=${32 - (i + 1) * 6} width="6" height=${(i + 1) * 6} rx="1"
            class=${i < this.bars ? 'on' : 'off'}></rect>`,
      )}
    </svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-signal-bars': DtuSignalBars;
  }
}

import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/** A labelled progress bar with the step in words under it. Presentational. */
@customElement('dtu-progress-bar')
export class DtuProgressBar extends LitElement {
  static override styles = css`
    :host {
      display: block;
      margin: 8px 0;
    }
    progress {
      width: 100%;
      height: 14px;
      accent-color: #0b5cad;
    }
    .label {
      display: flex;
      justify-content: space-between;
      gap: 8px;
      font-size: 0.9rem;
      color: var(--dtu-muted, #4a5566);
    }
  `;

  /** 0–1. */
  @property({ type: Number }) value = 0;
  @property() label = '';

  override render() {
    const percent = Math.round(Math.min(1, Math.max(0, this.value)) * 100);
    return html`
      <progress max="100" .value=${percent} aria-label=${this.label}></progress>
      <div class="label" aria-live="polite"><span>${this.label}</span><span>${percent}%</span></div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-progress-bar': DtuProgressBar;
  }
}

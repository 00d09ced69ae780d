import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { blinkPeriodMs, type NetBlinks } from '../../logic/leds';

/**
 * One of the module's lights (manual 2.3.7): off, on, or blinking `blinks` times a second (a CSS
 * animation). The state is also given in words (`description`) for people who cannot see it.
 */
@customElement('dtu-led')
export class DtuLed extends LitElement {
  static override styles = css`
    :host {
      display: inline-flex;
      flex-direction: column;
      align-items: center;
      gap: 4px;
      min-width: 64px;
    }
    .lamp {
      width: 22px;
      height: 22px;
      border-radius: 50%;
      background: #5b6472;
      border: 2px solid #2f3640;
      box-shadow: inset 0 2px 4px rgb(0 0 0 / 40%);
    }
    .lamp.on {
      background: var(--led-colour, #2ecc40);
      box-shadow: 0 0 10px var(--led-colour, #2ecc40);
    }
    .lamp.blink {
      animation: blink var(--period) steps(1, end) infinite;
    }
    .name {
      font-weight: 700;
      font-size: 0.85rem;
      letter-spacing: 0.05em;
    }
    .desc {
      font-size: 0.8rem;
      color: var(--dtu-muted, #4a5566);
      text-align: center;
    }
    @keyframes blink {
      0% {
        background: var(--led-colour, #2ecc40);
        box-shadow: 0 0 10px var(--led-colour, #2ecc40);
      }
      50% {
        background: #5b6472;
        box-shadow: inset 0 2px 4px rgb(0 0 0 / 40%);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .lamp.blink {
        animation-duration: calc(var(--period) * 4);
      }
    }
  `;

  @property() name = '';
  @property({ type: Boolean }) on = false;
  @property({ type: Number }) blinks: NetBlinks = 0;
  @property() colour = '#2ecc40';
  @property() description = '';

  override render() {
    const period = blinkPeriodMs(this.blinks);
    const classes = `lamp ${this.on || period > 0 ? 'on' : ''} ${period > 0 ? 'blink' : ''}`;
    return html`
      <span
        class=${classes}
        data-blinks=${this.blinks}
        style=${styleMap({ '--period': `${period}ms`, '--led-colour': this.colour })}
        aria-hidden="true"
      ></span>
      <span class="name">${this.name}</span>
      <span class="desc">${this.description}</span>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-led': DtuLed;
  }
}

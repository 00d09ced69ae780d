import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { LanguageController } from '../controllers/language-controller';
import type { UiSessionState } from '../services/session-service';
import { base, tokens } from '../styles/shared';
import { RESTART_NOTICE } from './strings';

/**
 * True while the session says the module restarted by itself while connected (power cycle, RSTIM) and no
 * operation has run since: the next operation enters command mode again, and the state moves on.
 */
export function showsRestartNotice(state: UiSessionState): boolean {
  return state.kind === 'working' && state.restarted === true;
}

/** "The module restarted…": shown in the status area while `showsRestartNotice` holds. */
@customElement('dtu-restart-notice')
export class DtuRestartNotice extends LitElement {
  static override styles = [
    tokens,
    base,
    css`
      :host {
        display: block;
        flex-basis: 100%;
      }
      p {
        margin: 0;
      }
    `,
  ];

  private readonly i18n = new LanguageController(this);

  override render() {
    return html`<p class="notice" role="status" data-testid="module-restarted">
      ${this.i18n.t(RESTART_NOTICE)}
    </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-restart-notice': DtuRestartNotice;
  }
}

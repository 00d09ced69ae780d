import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LanguageController } from '../../controllers/language-controller';
import { dtuEvent } from '../../events';
import { SHELL as S } from '../../i18n/shell-strings';
import type { UiSessionState } from '../../services/session-service';
import { tokens } from '../../styles/shared';
import styles from './status-pill.styles';

export type StatusTone = 'idle' | 'ok' | 'busy' | 'error';

export function toneOf(state: UiSessionState): StatusTone {
  switch (state.kind) {
    case 'command':
    case 'working':
      return 'ok';
    case 'opening':
    case 'entering':
    case 'busy':
      return 'busy';
    case 'failed':
      return 'error';
    default:
      return 'idle';
  }
}

/**
 * The connection state, always visible in the header: a coloured dot, the state in words, progress while
 * busy, and a "What to do" button after a failure (emits `dtu-show-help`).
 */
@customElement('dtu-status-pill')
export class DtuStatusPill extends LitElement {
  static override styles = [tokens, styles];

  @property({ attribute: false }) state: UiSessionState = { kind: 'disconnected' };
  @property({ reflect: true }) tone: StatusTone = 'idle';

  private readonly i18n = new LanguageController(this);

  override willUpdate(): void {
    this.tone = toneOf(this.state);
  }

  private describe(): string {
    const { t, f } = { t: this.i18n.t.bind(this.i18n), f: this.i18n.f.bind(this.i18n) };
    const s = this.state;
    switch (s.kind) {
      case 'disconnected':
        return t(S.state.disconnected);
      case 'opening':
        return t(s.booting ? S.state.booting : S.state.opening);
      case 'working':
        return t(S.state.working);
      case 'entering':
        return t(S.state.entering);
      case 'command':
        return `${t(S.state.command)} · ${t(s.transport === 'simulator' ? S.transport.simulator : S.transport.serial)}`;
      case 'busy':
        return f(S.state.busy, {
          operation: t(S.operation[s.operation]),
          percent: Math.round(s.progress * 100),
        });
      case 'failed':
        return f(S.state.failed, { error: t(s.problem.error) });
    }
  }

  override render() {
    const s = this.state;
    return html`
      <span class="pill" role="status" aria-live="polite" aria-label=${this.i18n.t(S.state.label)}>
        <span class="dot" aria-hidden="true"></span>
        <span class="text" data-testid="connection-state" data-state=${s.kind}>${this.describe()}</span>
        ${
          s.kind === 'busy'
            ? html`<progress
                max="1"
                .value=${s.progress}
                aria-label=${this.i18n.t(S.operation[s.operation])}
              ></progress>`
            : nothing
        }
      </span>
      ${
        s.kind === 'failed'
          ? html`<button
              type="button"
              @click=${() => this.dispatchEvent(dtuEvent('dtu-show-help', undefined))}
            >
              ${this.i18n.t(S.state.showHelp)}
            </button>`
          : nothing
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-status-pill': DtuStatusPill;
  }
}

import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LanguageController } from '../../controllers/language-controller';
import { dtuEvent } from '../../events';
import { S } from '../../i18n/strings';
import { NOT_A_7S4 } from '../../not-a-7s4/strings';
import { helpTopics, simulatorHelps, type HelpTopic } from '../../logic/problems';
import type { Problem } from '../../services/session-service';
import { base, tokens } from '../../styles/shared';
import '../dialog/dialog';

/**
 * Help for a failure (the esp-web-tools pattern): what went wrong, what to do, then the topics that fit
 * this kind of failure (drivers, Linux permissions, browsers, a checklist). Emits `dtu-use-simulator`,
 * `dtu-retry` and `dtu-close`.
 */
@customElement('dtu-help-dialog')
export class DtuHelpDialog extends LitElement {
  static override styles = [
    tokens,
    base,
    css`
      h3 {
        margin-top: 12px;
      }
      ul {
        margin: 0;
        padding-left: 20px;
      }
      .advice {
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) problem: Problem | undefined;
  @property({ type: Boolean }) open = false;
  @property({ type: Boolean }) onLinux = false;

  private readonly i18n = new LanguageController(this);

  private topic(topic: HelpTopic) {
    const t = (x: Parameters<LanguageController['t']>[0]) => this.i18n.t(x);
    switch (topic) {
      case 'checklist':
        return html`<h3>${t(S.problem.general)}</h3>
          <ul>
            <li>${t(S.problem.checkPower)}</li>
            <li>${t(S.problem.checkWiring)}</li>
            <li>${t(S.problem.checkBaud)}</li>
          </ul>`;
      case 'drivers':
        return html`<h3>${t(S.problem.drivers)}</h3>
          <p>${t(S.problem.driversText)}</p>`;
      case 'linux':
        return html`<h3>${t(S.problem.linux)}</h3>
          <p>${t(S.problem.linuxText)}</p>`;
      case 'browsers':
        return html`<h3>${t(S.problem.browsers)}</h3>
          <p>${t(S.problem.browsersText)}</p>`;
      case 'wrong-device':
        return html`<h3>${t(NOT_A_7S4.heading)}</h3>
          <ul data-testid="help-wrong-device">
            <li>${t(NOT_A_7S4.wrongPort)}</li>
            <li>${t(NOT_A_7S4.loopback)}</li>
            <li>${t(NOT_A_7S4.otherProduct)}</li>
            <li>${t(NOT_A_7S4.firmware)}</li>
          </ul>`;
      case 'simulator':
        return nothing;
    }
  }

  override render() {
    const p = this.problem;
    const t = (x: Parameters<LanguageController['t']>[0]) => this.i18n.t(x);
    return html`<dtu-dialog
      .heading=${p ? t(S.problem.kind[p.kind]) : t(S.problem.title)}
      .closeLabel=${t(S.app.close)}
      ?open=${this.open}
      @dtu-close=${(e: Event) => {
        e.stopPropagation();
        this.dispatchEvent(dtuEvent('dtu-close', undefined));
      }}
    >
      ${
        p
          ? html`<div data-testid="help-dialog" data-kind=${p.kind}>
              <p>${t(p.error)}</p>
              <p class="advice">${t(p.advice)}</p>
              ${p.detail ? html`<p class="muted small">${this.i18n.f(S.problem.detail, { detail: p.detail })}</p>` : nothing}
              ${helpTopics(p.kind, this.onLinux).map((topic) => this.topic(topic))}
            </div>`
          : html`<div data-testid="help-dialog" data-kind="general">
              ${(['checklist', 'drivers', 'linux', 'browsers'] as const).map((topic) => this.topic(topic))}
            </div>`
      }
      <button
        slot="footer"
        type="button"
        @click=${() => this.dispatchEvent(dtuEvent('dtu-retry', undefined))}
      >
        ${t(S.problem.retry)}
      </button>
      ${
        p && simulatorHelps(p.kind)
          ? html`<button
              slot="footer"
              class="primary"
              type="button"
              @click=${() => this.dispatchEvent(dtuEvent('dtu-use-simulator', undefined))}
            >
              ${t(S.problem.useSimulator)}
            </button>`
          : nothing
      }
    </dtu-dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-help-dialog': DtuHelpDialog;
  }
}

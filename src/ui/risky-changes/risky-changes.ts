import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LanguageController } from '../controllers/language-controller';
import { base, tokens } from '../styles/shared';
import { lineText, type Risk } from './risk';
import { RISKY } from './strings';

/**
 * The review's warning for changes that alter how the module is reached (risk.ts): what happens and what
 * to do next for each, and the checkbox that the write waits for. The parent keeps `confirmed` and passes
 * it back; `dtu-risk-confirm` carries the new value.
 */
@customElement('dtu-risky-changes')
export class DtuRiskyChanges extends LitElement {
  static override styles = [
    tokens,
    base,
    css`
      :host {
        display: block;
      }
      section {
        border: 2px solid #c98a00;
        background: var(--dtu-warn-bg);
        color: var(--dtu-text);
        border-radius: var(--dtu-radius);
        padding: 12px 14px;
        margin: 0 0 16px;
      }
      h3 {
        color: var(--dtu-warn);
      }
      ul {
        margin: 0 0 10px;
        padding-left: 20px;
      }
      li {
        margin-bottom: 8px;
      }
      li p {
        margin: 2px 0;
      }
      .next {
        font-weight: 600;
      }
      label.inline {
        font-weight: 600;
        align-items: flex-start;
      }
      label.inline input {
        flex: none;
        margin-top: 2px;
      }
    `,
  ];

  @property({ attribute: false }) risks: readonly Risk[] = [];
  @property({ type: Boolean }) confirmed = false;

  private readonly i18n = new LanguageController(this);

  private item(risk: Risk) {
    const t = this.i18n.t.bind(this.i18n);
    const f = this.i18n.f.bind(this.i18n);
    const unknown = t(RISKY.unknown);
    switch (risk.kind) {
      case 'uart': {
        const v = { from: risk.from ? lineText(risk.from) : unknown, to: lineText(risk.to) };
        return html`<li data-risk="uart">
          <strong>${f(RISKY.uart.title, v)}</strong>
          <p>${f(RISKY.uart.what, v)}</p>
          <p class="next">${f(RISKY.uart.next, v)}</p>
        </li>`;
      }
      case 'uartft': {
        const v = { from: risk.fromMs ?? unknown, to: risk.toMs };
        return html`<li data-risk="uartft">
          <strong>${f(RISKY.uartft.title, v)}</strong>
          <p>${f(RISKY.uartft.what, v)}</p>
          <p class="next">${f(RISKY.uartft.next, v)}</p>
        </li>`;
      }
      case 'cmdpw':
        return html`<li data-risk="cmdpw">
          <strong>${t(RISKY.cmdpw.title)}</strong>
          <p>${t(RISKY.cmdpw.what)}</p>
          <p class="next">${t(RISKY.cmdpw.next)}</p>
        </li>`;
      case 'wkmod':
        return html`<li data-risk="wkmod">
          <strong>${f(RISKY.wkmod.title, { from: risk.from ?? unknown, to: risk.to })}</strong>
          <p>${t(risk.to === 'HTTPD' ? RISKY.wkmod.toHttpd : RISKY.wkmod.toNet)}</p>
          <p class="next">${t(RISKY.wkmod.next)}</p>
        </li>`;
    }
  }

  override render() {
    if (this.risks.length === 0) return nothing;
    const t = this.i18n.t.bind(this.i18n);
    return html`<section aria-labelledby="risk-h" data-testid="risky-changes">
      <h3 id="risk-h">${t(RISKY.heading)}</h3>
      <ul>
        ${this.risks.map((r) => this.item(r))}
      </ul>
      <label class="inline">
        <input
          type="checkbox"
          data-testid="risk-confirm"
          .checked=${this.confirmed}
          @change=${(e: Event) =>
            this.dispatchEvent(
              new CustomEvent('dtu-risk-confirm', {
                detail: (e.target as HTMLInputElement).checked,
                bubbles: true,
                composed: true,
              }),
            )}
        />
        <span>${t(RISKY.confirm)}</span>
      </label>
      ${this.confirmed ? nothing : html`<p class="small muted" id="risk-hint">${t(RISKY.needConfirm)}</p>`}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-risky-changes': DtuRiskyChanges;
  }
  interface HTMLElementEventMap {
    'dtu-risk-confirm': CustomEvent<boolean>;
  }
}

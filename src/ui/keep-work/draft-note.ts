import { LitElement, css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { LanguageController } from '../controllers/language-controller';
import { StoreController } from '../controllers/store-controller';
import { settingNames, shortTime } from '../device-model/provenance';
import { base, tokens } from '../styles/shared';
import { secretEdits } from './draft-keeper';
import { KEEP } from './strings';

/**
 * Above the settings: "Your 3 unapplied edits from 14:02 are back" after a reload (until dismissed or the
 * edits are gone), and which pending edits stay in this page only because they hold a password.
 */
@customElement('dtu-draft-note')
export class DtuDraftNote extends LitElement {
  static override styles = [
    tokens,
    base,
    css`
      :host {
        display: block;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 6px 12px;
        align-items: center;
        justify-content: space-between;
      }
      .row span {
        flex: 1 1 240px;
      }
    `,
  ];

  private readonly i18n = new LanguageController(this);
  private readonly store = new StoreController(this);

  override render() {
    if (!this.store.available) return nothing;
    const store = this.store.value;
    const restored = store.draft.size > 0 ? store.restored : undefined;
    const secrets = secretEdits(store.draft);
    const lang = this.i18n.lang;
    return html`
      ${
        restored
          ? html`<div class="notice ok row" role="status" data-testid="draft-restored">
              <span
                >${this.i18n.f(restored.count === 1 ? KEEP.restoredOne : KEEP.restored, {
                  n: restored.count,
                  time: shortTime(restored.savedAt, lang),
                })}</span
              >
              <button type="button" @click=${() => store.dismissRestored()}>
                ${this.i18n.t(KEEP.dismiss)}
              </button>
            </div>`
          : nothing
      }
      ${
        secrets.length > 0
          ? html`<p class="notice" data-testid="draft-secrets-in-memory">
              ${this.i18n.f(KEEP.secretsInMemory, { list: settingNames(secrets, lang) })}
            </p>`
          : nothing
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-draft-note': DtuDraftNote;
  }
}

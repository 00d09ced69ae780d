import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { emptyTrash, purgeProfile, restoreProfile, StorageError, type StoredProfile } from '../../../storage';
import { LanguageController } from '../../controllers/language-controller';
import { P } from '../../i18n/profile-strings';
import { formatTime } from '../../logic/profile-format';
import { base, tokens } from '../../styles/shared';

/**
 * The trash: deleted profiles, newest first, each with Restore and Delete for good (which asks first);
 * Empty the trash asks too. Only here does data leave the database. Writes go to the store directly;
 * the list refreshes through the store's `changed` event.
 */
@customElement('dtu-profile-trash')
export class DtuProfileTrash extends LitElement {
  static override styles = [
    tokens,
    base,
    css`
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        border-bottom: 1px solid var(--dtu-border);
        padding: 8px 0;
        display: flex;
        flex-wrap: wrap;
        gap: 6px 12px;
        align-items: center;
      }
      .name {
        flex: 1 1 180px;
        overflow-wrap: anywhere;
      }
      summary {
        cursor: pointer;
        font-weight: 600;
        min-height: 32px;
      }
      .confirm {
        flex-basis: 100%;
      }
    `,
  ];

  @property({ attribute: false }) trashed: readonly StoredProfile[] = [];

  @state() private confirming: string | 'all' | undefined;
  @state() private error: string | undefined;

  private readonly i18n = new LanguageController(this);

  private async run(op: () => Promise<unknown>): Promise<void> {
    this.error = undefined;
    try {
      await op();
      this.confirming = undefined;
    } catch (e) {
      this.error = e instanceof StorageError ? this.i18n.t(e.text) : String(e);
    }
  }

  private renderConfirm(text: string, op: () => Promise<unknown>) {
    const t = this.i18n.t.bind(this.i18n);
    return html`<div class="confirm notice error" role="alert">
      <p>${text}</p>
      <div class="row">
        <button
          type="button"
          class="danger primary"
          data-testid="trash-confirm"
          @click=${() => void this.run(op)}
        >
          ${t(P.trash.yes)}
        </button>
        <button type="button" @click=${() => (this.confirming = undefined)}>${t(P.editor.cancel)}</button>
      </div>
    </div>`;
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const lang = this.i18n.lang;
    return html`<details class="card" data-testid="profile-trash">
      <summary>${this.i18n.f(P.trash.heading, { n: this.trashed.length })}</summary>
      <p class="muted">${t(this.trashed.length === 0 ? P.trash.empty : P.trash.intro)}</p>
      ${this.error ? html`<p class="notice error" role="alert">${this.error}</p>` : nothing}
      <ul>
        ${this.trashed.map((s) => {
          const name = s.profile.name;
          return html`<li data-id=${s.id} data-testid="trash-item">
            <span class="name">${name}</span>
            <span class="muted small"
              >${this.i18n.f(P.trash.trashedAt, { time: formatTime(s.trashedAt ?? 0, lang) })}</span
            >
            <button
              type="button"
              data-testid="trash-restore"
              aria-label=${this.i18n.f(P.trash.restoreNamed, { name })}
              @click=${() => void this.run(() => restoreProfile(s.id))}
            >
              ${t(P.trash.restore)}
            </button>
            <button
              type="button"
              class="danger"
              aria-label=${this.i18n.f(P.trash.purgeNamed, { name })}
              @click=${() => (this.confirming = s.id)}
            >
              ${t(P.trash.purge)}
            </button>
            ${
              this.confirming === s.id
                ? this.renderConfirm(this.i18n.f(P.trash.purgeConfirm, { name }), () => purgeProfile(s.id))
                : nothing
            }
          </li>`;
        })}
      </ul>
      ${
        this.trashed.length > 0
          ? html`<p style="margin-top:8px">
                <button type="button" class="danger" @click=${() => (this.confirming = 'all')}>
                  ${t(P.trash.emptyTrash)}
                </button>
              </p>
              ${
                this.confirming === 'all'
                  ? this.renderConfirm(this.i18n.f(P.trash.emptyConfirm, { n: this.trashed.length }), () =>
                      emptyTrash(),
                    )
                  : nothing
              }`
          : nothing
      }
    </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-profile-trash': DtuProfileTrash;
  }
}

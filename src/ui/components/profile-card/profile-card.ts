import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { MAX_NAME_LENGTH } from '../../../profile/profile';
import type { StoredProfile } from '../../../storage';
import { LanguageController } from '../../controllers/language-controller';
import { P } from '../../i18n/profile-strings';
import { formatTime } from '../../logic/profile-format';
import '../../secrets/profile-secrets';
import { base, tokens } from '../../styles/shared';
import { profileEvent, type ProfileAction } from '../profile-events/profile-events';

const ACTIONS: readonly { readonly action: ProfileAction; readonly label: keyof typeof P.action }[] = [
  { action: 'apply', label: 'apply' },
  { action: 'compare', label: 'compare' },
  { action: 'share', label: 'share' },
  { action: 'edit', label: 'edit' },
  { action: 'duplicate', label: 'duplicate' },
  { action: 'rename', label: 'rename' },
  { action: 'export-json', label: 'exportJson' },
  { action: 'export-script', label: 'exportScript' },
  { action: 'delete', label: 'delete' },
];

/**
 * One saved profile in the list: name, notes (as text), when it changed, the device it came from, how
 * many settings it holds, whether it holds passwords and how they are kept (secrets/profile-secrets.ts),
 * and its actions. Rename happens in place. Emits `dtu-profile-action`.
 */
@customElement('dtu-profile-card')
export class DtuProfileCard extends LitElement {
  static override styles = [
    tokens,
    base,
    css`
      article {
        margin: 0;
      }
      h3 {
        margin: 0 0 4px;
        overflow-wrap: anywhere;
      }
      .notes {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        max-height: 8.5em;
        overflow: auto;
      }
      .meta {
        display: flex;
        flex-wrap: wrap;
        gap: 2px 14px;
        margin: 0 0 8px;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
      }
      .actions button {
        min-height: 32px;
        padding: 2px 10px;
        font-size: 0.9rem;
      }
      form {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        align-items: flex-end;
        margin: 0 0 8px;
      }
      form input {
        flex: 1 1 200px;
      }
    `,
  ];

  @property({ attribute: false }) stored!: StoredProfile;
  /** Its sealed passwords are unlocked in this page. */
  @property({ type: Boolean }) unlocked = false;

  @state() private renaming = false;

  private readonly i18n = new LanguageController(this);

  private emit(action: ProfileAction, name?: string): void {
    this.dispatchEvent(
      profileEvent('dtu-profile-action', {
        action,
        id: this.stored.id,
        ...(name === undefined ? {} : { name }),
      }),
    );
  }

  private onAction(action: ProfileAction): void {
    if (action === 'rename') {
      this.renaming = true;
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLInputElement>('form input')?.focus(),
      );
      return;
    }
    this.emit(action);
  }

  private submitRename(e: Event): void {
    e.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('form input');
    const name = input?.value ?? '';
    this.renaming = false;
    if (name !== this.stored.profile.name) this.emit('rename', name);
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLButtonElement>('button[data-action="rename"]')?.focus(),
    );
  }

  private renderRename() {
    const t = this.i18n.t.bind(this.i18n);
    const name = this.stored.profile.name;
    return html`<form @submit=${this.submitRename}>
      <label
        >${this.i18n.f(P.action.renameLabel, { name })}
        <input type="text" required maxlength=${MAX_NAME_LENGTH} .value=${name} data-testid="rename-input" />
      </label>
      <button type="submit" class="primary">${t(P.action.renameSave)}</button>
      <button type="button" @click=${() => (this.renaming = false)}>${t(P.editor.cancel)}</button>
    </form>`;
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const lang = this.i18n.lang;
    const p = this.stored.profile;
    const count = Object.keys(p.values).length;
    return html`<article
      class="card"
      aria-labelledby="name"
      data-testid="profile-card"
      data-id=${this.stored.id}
    >
      <h3 id="name" data-testid="profile-card-name">${p.name}</h3>
      ${p.notes ? html`<p class="notes" data-testid="profile-card-notes">${p.notes}</p>` : html`<p class="muted small">${t(P.list.noNotes)}</p>`}
      <p class="meta muted small">
        <span>${this.i18n.f(P.list.updated, { time: formatTime(p.updated, lang) })}</span>
        <span
          >${this.i18n.f(count === 1 ? P.list.settingsCountOne : P.list.settingsCount, { n: count })}</span
        >
        ${p.sourceDevice ? html`<span>${this.i18n.f(P.list.source, { id: p.sourceDevice })}</span>` : nothing}
      </p>
      <dtu-profile-secrets .stored=${this.stored} ?unlocked=${this.unlocked}></dtu-profile-secrets>
      ${this.renaming ? this.renderRename() : nothing}
      <div class="actions" role="group" aria-label=${this.i18n.f(P.list.actionsFor, { name: p.name })}>
        ${ACTIONS.map(
          (a) =>
            html`<button
              type="button"
              data-action=${a.action}
              class=${a.action === 'delete' ? 'danger' : a.action === 'apply' ? 'primary' : ''}
              @click=${() => this.onAction(a.action)}
            >
              ${t(P.action[a.label])}
            </button>`,
        )}
      </div>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-profile-card': DtuProfileCard;
  }
}

import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  profileSecretState,
  removeProfileSecrets,
  sealProfileSecrets,
  StorageError,
  unlockProfileSecrets,
  type StoredProfile,
} from '../../storage';
import { LanguageController } from '../controllers/language-controller';
import { base, tokens } from '../styles/shared';
import { secretsEvent, type PassphraseDetail } from './events';
import './passphrase-form';
import { settingList } from './settings-list';
import { SEC } from './strings';

type Form = 'encrypt' | 'unlock' | 'remove' | undefined;

/**
 * A saved profile's secrets, on its card: which settings hold one and how they are kept (in clear, or
 * locked with a passphrase), with the person's choices — remove them, encrypt them, unlock them for this
 * page (emits `dtu-secrets-unlocked` with the values, which the view keeps in memory only), lock again
 * (`dtu-secrets-locked`). Storage changes go through the store, whose `changed` event refreshes the list.
 * Renders nothing for a profile without secrets.
 */
@customElement('dtu-profile-secrets')
export class DtuProfileSecrets extends LitElement {
  static override styles = [
    tokens,
    base,
    css`
      :host {
        margin: 0 0 8px;
      }
      .box {
        border-left: 4px solid var(--dtu-warn);
        background: var(--dtu-warn-bg);
        padding: 6px 10px;
        border-radius: var(--dtu-radius);
      }
      .box.sealed {
        border-left-color: var(--dtu-ok);
        background: var(--dtu-ok-bg);
      }
      p {
        margin: 0 0 6px;
      }
      .row button {
        min-height: 32px;
        padding: 2px 10px;
        font-size: 0.9rem;
      }
    `,
  ];

  @property({ attribute: false }) stored!: StoredProfile;
  /** The view holds this profile's sealed secrets opened. */
  @property({ type: Boolean }) unlocked = false;

  @state() private form: Form;
  @state() private busy = false;
  @state() private error = '';

  private readonly i18n = new LanguageController(this);

  private fail(e: unknown): void {
    this.error = e instanceof StorageError ? this.i18n.t(e.text) : e instanceof Error ? e.message : String(e);
  }

  private status(message: string): void {
    this.dispatchEvent(secretsEvent('dtu-secrets-status', { message }));
  }

  private async removeSecrets(): Promise<void> {
    this.busy = true;
    try {
      await removeProfileSecrets(this.stored.id);
      this.dispatchEvent(secretsEvent('dtu-secrets-locked', { id: this.stored.id }));
      this.form = undefined;
      this.status(this.i18n.f(SEC.card.removed, { name: this.stored.profile.name }));
    } catch (e) {
      this.fail(e);
    } finally {
      this.busy = false;
    }
  }

  private async onPassphrase(e: CustomEvent<PassphraseDetail>): Promise<void> {
    e.stopPropagation();
    const { passphrase } = e.detail;
    this.busy = true;
    this.error = '';
    try {
      if (this.form === 'encrypt') {
        await sealProfileSecrets(this.stored.id, passphrase);
        this.status(this.i18n.f(SEC.card.encrypted, { name: this.stored.profile.name }));
      } else {
        const values = await unlockProfileSecrets(this.stored, passphrase);
        this.dispatchEvent(secretsEvent('dtu-secrets-unlocked', { id: this.stored.id, values }));
      }
      this.form = undefined;
    } catch (err) {
      this.fail(err);
    } finally {
      this.busy = false;
    }
  }

  private open(form: Form): void {
    this.error = '';
    this.form = form;
  }

  private renderForm() {
    const t = this.i18n.t.bind(this.i18n);
    if (this.form === 'remove') {
      const s = profileSecretState(this.stored);
      const list = settingList([...new Set([...s.clear, ...s.sealed])], this.i18n.lang);
      return html`<p role="alert">
          ${this.i18n.f(SEC.card.confirmRemove, { list, name: this.stored.profile.name })}
        </p>
        <div class="row">
          <button
            type="button"
            class="danger"
            data-testid="secrets-remove-confirm"
            ?disabled=${this.busy}
            @click=${() => void this.removeSecrets()}
          >
            ${t(SEC.card.remove)}
          </button>
          <button type="button" @click=${() => this.open(undefined)}>${t(SEC.pass.cancel)}</button>
        </div>
        ${this.error ? html`<p class="notice error" role="alert">${this.error}</p>` : nothing}`;
    }
    if (this.form === 'encrypt' || this.form === 'unlock') {
      return html`<dtu-passphrase-form
        ?repeat=${this.form === 'encrypt'}
        .submitLabel=${t(this.form === 'encrypt' ? SEC.pass.submitEncrypt : SEC.pass.submitUnlock)}
        ?busy=${this.busy}
        .error=${this.error}
        @dtu-passphrase=${(e: CustomEvent<PassphraseDetail>) => void this.onPassphrase(e)}
        @dtu-close=${(e: Event) => {
          e.stopPropagation();
          this.open(undefined);
        }}
      ></dtu-passphrase-form>`;
    }
    return nothing;
  }

  override render() {
    const s = profileSecretState(this.stored);
    if (s.clear.length === 0 && s.sealed.length === 0) return nothing;
    const t = this.i18n.t.bind(this.i18n);
    const lang = this.i18n.lang;
    return html`<div
      class="box ${s.clear.length === 0 ? 'sealed' : ''}"
      data-testid="profile-secrets"
      data-clear=${s.clear.join(' ')}
      data-sealed=${s.sealed.join(' ')}
    >
      ${
        s.clear.length > 0
          ? html`<p data-testid="profile-secrets-clear">
              ${this.i18n.f(SEC.card.clear, { list: settingList(s.clear, lang) })}
            </p>`
          : nothing
      }
      ${
        s.sealed.length > 0
          ? html`<p data-testid="profile-secrets-sealed">
              ${this.i18n.f(SEC.card.sealed, { list: settingList(s.sealed, lang) })}
              ${this.unlocked ? html`<strong>${t(SEC.card.unlocked)}</strong>` : nothing}
            </p>`
          : nothing
      }
      ${
        this.form
          ? this.renderForm()
          : html`<div class="row">
              <button type="button" data-testid="secrets-remove" @click=${() => this.open('remove')}>
                ${t(SEC.card.remove)}
              </button>
              ${
                s.clear.length > 0
                  ? html`<button
                      type="button"
                      data-testid="secrets-encrypt"
                      @click=${() => this.open('encrypt')}
                    >
                      ${t(SEC.card.encrypt)}
                    </button>`
                  : nothing
              }
              ${
                s.sealed.length > 0
                  ? this.unlocked
                    ? html`<button
                        type="button"
                        data-testid="secrets-lock"
                        @click=${() => this.dispatchEvent(secretsEvent('dtu-secrets-locked', { id: this.stored.id }))}
                      >
                        ${t(SEC.card.lock)}
                      </button>`
                    : html`<button
                        type="button"
                        data-testid="secrets-unlock"
                        @click=${() => this.open('unlock')}
                      >
                        ${t(SEC.card.unlock)}
                      </button>`
                  : nothing
              }
            </div>`
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-profile-secrets': DtuProfileSecrets;
  }
}

import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { MIN_PASSPHRASE_LENGTH } from '../../storage/secret-box';
import { LanguageController } from '../controllers/language-controller';
import { dtuEvent } from '../events';
import { base, tokens } from '../styles/shared';
import { secretsEvent } from './events';
import { SEC } from './strings';

/**
 * A passphrase form: one field to unlock, two (typed twice) to encrypt. Checks length and repetition,
 * then emits `dtu-passphrase`; Cancel emits `dtu-close`. The passphrase lives only in the input and the
 * event; the fields are cleared after submitting. Presentational: `busy` and `error` come from the owner.
 */
@customElement('dtu-passphrase-form')
export class DtuPassphraseForm extends LitElement {
  static override styles = [
    tokens,
    base,
    css`
      form {
        display: grid;
        gap: 8px;
        margin: 8px 0;
      }
      input {
        max-width: 320px;
      }
    `,
  ];

  /** Ask twice (to encrypt); once to unlock. */
  @property({ type: Boolean }) repeat = false;
  @property() submitLabel = '';
  @property({ type: Boolean }) busy = false;
  @property() error = '';

  @state() private problem = '';

  private readonly i18n = new LanguageController(this);

  override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLInputElement>('input')?.focus();
  }

  private submit(e: Event): void {
    e.preventDefault();
    const inputs = [...this.renderRoot.querySelectorAll<HTMLInputElement>('input[type=password]')];
    const [first, second] = inputs.map((i) => i.value);
    const pass = first ?? '';
    if (this.repeat && pass.length < MIN_PASSPHRASE_LENGTH) {
      this.problem = this.i18n.t(SEC.pass.tooShort);
      return;
    }
    if (this.repeat && second !== pass) {
      this.problem = this.i18n.t(SEC.pass.mismatch);
      return;
    }
    this.problem = '';
    for (const i of inputs) i.value = '';
    this.dispatchEvent(secretsEvent('dtu-passphrase', { passphrase: pass }));
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const message = this.problem || this.error;
    return html`<form @submit=${this.submit} data-testid="passphrase-form">
      <label
        >${t(SEC.pass.label)}
        <input
          type="password"
          autocomplete=${this.repeat ? 'new-password' : 'current-password'}
          required
          aria-describedby="pass-hint"
          data-testid="passphrase"
        />
      </label>
      ${
        this.repeat
          ? html`<label
              >${t(SEC.pass.repeat)}
              <input type="password" autocomplete="new-password" required data-testid="passphrase-repeat" />
            </label>`
          : nothing
      }
      <span class="muted small" id="pass-hint">${t(SEC.pass.hint)}</span>
      ${message ? html`<p class="notice error" role="alert" data-testid="passphrase-error">${message}</p>` : nothing}
      ${this.busy ? html`<p role="status" aria-busy="true">${t(SEC.pass.working)}</p>` : nothing}
      <div class="row">
        <button type="submit" class="primary" ?disabled=${this.busy} data-testid="passphrase-submit">
          ${this.submitLabel}
        </button>
        <button
          type="button"
          ?disabled=${this.busy}
          @click=${() => this.dispatchEvent(dtuEvent('dtu-close', undefined))}
        >
          ${t(SEC.pass.cancel)}
        </button>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-passphrase-form': DtuPassphraseForm;
  }
}

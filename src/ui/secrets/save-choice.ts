import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { MIN_PASSPHRASE_LENGTH } from '../../storage/secret-box';
import type { SecretsChoice } from '../../storage/profile-secrets';
import { LanguageController } from '../controllers/language-controller';
import { base, tokens } from '../styles/shared';
import { settingList } from './settings-list';
import { SEC } from './strings';

type Keep = SecretsChoice['keep'];

/**
 * Where a profile is saved (the editor): when the values being saved hold passwords or credentials, this
 * says which, and asks what to keep — in clear, encrypted with a passphrase (typed twice), or nothing.
 * The owner reads `choice()` on Save; it is undefined (with the problem shown) while the passphrase is
 * missing or does not match. Renders nothing when there is no secret to decide about.
 */
@customElement('dtu-secrets-choice')
export class DtuSecretsChoice extends LitElement {
  static override styles = [
    tokens,
    base,
    css`
      fieldset {
        border: 1px solid var(--dtu-warn);
        background: var(--dtu-warn-bg);
        border-radius: var(--dtu-radius);
        padding: 8px 12px;
        margin: 12px 0;
      }
      legend {
        font-weight: 600;
        padding: 0 4px;
      }
      label.inline {
        display: flex;
        margin: 4px 0;
      }
      .pass {
        display: grid;
        gap: 6px;
        margin: 6px 0 0 24px;
        max-width: 340px;
      }
    `,
  ];

  /** Settings of the values being saved that hold a secret. */
  @property({ attribute: false }) secrets: readonly string[] = [];
  /** Settings already sealed in the stored profile (they stay sealed whatever is chosen here). */
  @property({ attribute: false }) sealed: readonly string[] = [];

  @state() private keep: Keep = 'clear';
  @state() private problem = '';

  private readonly i18n = new LanguageController(this);

  /** The person's choice, or undefined when the passphrase is not acceptable yet (the problem is shown). */
  choice(): SecretsChoice | undefined {
    if (this.secrets.length === 0) return { keep: 'clear' };
    if (this.keep !== 'sealed') return { keep: this.keep };
    const [first, second] = [...this.renderRoot.querySelectorAll<HTMLInputElement>('.pass input')].map(
      (i) => i.value,
    );
    const passphrase = first ?? '';
    if (passphrase.length < MIN_PASSPHRASE_LENGTH) this.problem = this.i18n.t(SEC.pass.tooShort);
    else if (second !== passphrase) this.problem = this.i18n.t(SEC.pass.mismatch);
    else {
      this.problem = '';
      return { keep: 'sealed', passphrase };
    }
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLInputElement>('.pass input')?.focus(),
    );
    return undefined;
  }

  private radio(keep: Keep, label: string) {
    return html`<label class="inline">
      <input
        type="radio"
        name="keep"
        value=${keep}
        data-testid=${`secrets-keep-${keep}`}
        .checked=${this.keep === keep}
        @change=${() => {
          this.keep = keep;
          this.problem = '';
        }}
      />
      ${label}
    </label>`;
  }

  override render() {
    if (this.secrets.length === 0) return nothing;
    const t = this.i18n.t.bind(this.i18n);
    const lang = this.i18n.lang;
    return html`<fieldset data-testid="secrets-choice">
      <legend>${this.i18n.f(SEC.save.heading, { list: settingList(this.secrets, lang) })}</legend>
      <p>${t(SEC.save.legend)}</p>
      ${this.radio('clear', t(SEC.save.clear))} ${this.radio('sealed', t(SEC.save.sealed))}
      ${
        this.keep === 'sealed'
          ? html`<div class="pass">
              <label
                >${t(SEC.pass.label)}
                <input
                  type="password"
                  autocomplete="new-password"
                  data-testid="passphrase"
                  aria-describedby="save-pass-hint"
                />
              </label>
              <label
                >${t(SEC.pass.repeat)}
                <input type="password" autocomplete="new-password" data-testid="passphrase-repeat" />
              </label>
              <span class="muted small" id="save-pass-hint">${t(SEC.pass.hint)}</span>
            </div>`
          : nothing
      }
      ${this.radio('none', t(SEC.save.none))}
      ${this.problem ? html`<p class="notice error" role="alert" data-testid="secrets-choice-error">${this.problem}</p>` : nothing}
      ${
        this.sealed.length > 0
          ? html`<p class="muted small">
              ${this.i18n.f(SEC.save.sealedKept, { list: settingList(this.sealed, lang) })}
            </p>`
          : nothing
      }
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-secrets-choice': DtuSecretsChoice;
  }
}

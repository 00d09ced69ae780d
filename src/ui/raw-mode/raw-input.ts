import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { LanguageController } from '../controllers/language-controller';
import { SessionController } from '../controllers/session-controller';
import { base, tokens } from '../styles/shared';
import { ENTER, rawBytes } from './raw-bytes';
import { RAW_MODE } from './strings';

/**
 * Raw mode's keyboard: each character typed (or pasted) goes to the module at once through
 * `writeRaw`, with the person's own timing; Enter sends CR. Nothing is echoed here: the traffic log
 * shows what went out and what came back.
 */
@customElement('dtu-raw-input')
export class DtuRawInput extends LitElement {
  static override styles = [
    tokens,
    base,
    css`
      :host {
        display: block;
      }
      input {
        width: 100%;
        font-family: var(--dtu-mono);
      }
    `,
  ];

  @property({ type: Boolean }) disabled = false;

  private readonly i18n = new LanguageController(this);
  private readonly session = new SessionController(this);

  @state() private error: string | undefined;
  @query('input') private input!: HTMLInputElement;
  /** Writes in the order typed, each as soon as the one before has gone. */
  private sending: Promise<void> = Promise.resolve();

  override focus(): void {
    this.input?.focus();
  }

  private send(bytes: Uint8Array): void {
    if (bytes.length === 0 || !this.session.available) return;
    const api = this.session.api;
    this.sending = this.sending.then(async () => {
      try {
        await api.writeRaw(bytes);
        this.error = undefined;
      } catch (e) {
        this.error = this.i18n.f(RAW_MODE.failed, { error: e instanceof Error ? e.message : String(e) });
      }
    });
  }

  /** Sends what is in the field and empties it (an input method's text once it is composed). */
  private flush(): void {
    const text = this.input.value;
    this.input.value = '';
    this.send(rawBytes(text));
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'Enter' && !e.isComposing) {
      e.preventDefault();
      this.send(ENTER);
    }
  }

  override render() {
    return html`<label
        >${this.i18n.t(RAW_MODE.input)}
        <input
          data-testid="raw-input"
          autocomplete="off"
          autocapitalize="off"
          spellcheck="false"
          ?disabled=${this.disabled}
          @input=${(e: InputEvent) => {
            if (!e.isComposing) this.flush();
          }}
          @compositionend=${() => this.flush()}
          @keydown=${this.onKey}
      /></label>
      ${this.error ? html`<p class="notice error" role="alert">${this.error}</p>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-raw-input': DtuRawInput;
  }
}

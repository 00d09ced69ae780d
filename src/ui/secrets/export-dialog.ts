import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Profile } from '../../profile/profile';
import '../components/dialog/dialog';
import { downloadText } from '../components/profile-files/download';
import { LanguageController } from '../controllers/language-controller';
import { dtuEvent } from '../events';
import { base, tokens } from '../styles/shared';
import { exportFile, secretsIn, type ExportKind } from './export';
import { settingList } from './settings-list';
import { SEC } from './strings';

/**
 * Exporting profiles that hold secrets: the dialog says which settings are left out, and only a tick
 * puts them in the file (the same opt-in as links). Without secrets the view downloads at once and never
 * opens this. Emits `dtu-close`.
 */
@customElement('dtu-export-dialog')
export class DtuExportDialog extends LitElement {
  static override styles = [tokens, base];

  @property({ attribute: false }) profiles: readonly Profile[] = [];
  @property() kind: ExportKind = 'json';
  /** How many of the profiles have passwords locked with a passphrase (never exported). */
  @property({ type: Number }) locked = 0;
  @property({ type: Boolean }) open = false;

  @state() private include = false;

  private readonly i18n = new LanguageController(this);

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('profiles') || changed.has('open')) this.include = false;
  }

  private close(): void {
    this.dispatchEvent(dtuEvent('dtu-close', undefined));
  }

  private download(): void {
    const file = exportFile(this.profiles, this.kind, { includeSecrets: this.include });
    downloadText(file.name, file.text, file.mime);
    this.close();
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const list = settingList(secretsIn(this.profiles), this.i18n.lang);
    return html`<dtu-dialog
      .heading=${this.i18n.f(SEC.exp.heading, { what: t(this.kind === 'json' ? SEC.exp.json : SEC.exp.script) })}
      .closeLabel=${t(SEC.exp.cancel)}
      ?open=${this.open}
      @dtu-close=${(e: Event) => {
        e.stopPropagation();
        this.close();
      }}
    >
      ${
        this.include
          ? html`<p class="notice error" role="alert" data-testid="export-secrets-warning">
              ${this.i18n.f(SEC.exp.includeWarning, { list })}
            </p>`
          : html`<p class="notice" data-testid="export-withheld">
              ${this.i18n.f(SEC.exp.withheld, { list })}
            </p>`
      }
      <label class="inline">
        <input
          type="checkbox"
          data-testid="export-include-secrets"
          .checked=${this.include}
          @change=${(e: Event) => (this.include = (e.target as HTMLInputElement).checked)}
        />
        ${t(SEC.exp.include)}
      </label>
      ${this.locked > 0 ? html`<p class="muted small">${t(SEC.exp.locked)}</p>` : nothing}
      <button
        slot="footer"
        type="button"
        class="primary"
        data-testid="export-download"
        @click=${this.download}
      >
        ${t(SEC.exp.download)}
      </button>
      <button slot="footer" type="button" @click=${this.close}>${t(SEC.exp.cancel)}</button>
    </dtu-dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-export-dialog': DtuExportDialog;
  }
}

import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { privateSettings } from '../../profile/secrets';
import { LanguageController } from '../controllers/language-controller';
import type { ExportLogOptions } from '../services/session-service';
import { base, tokens } from '../styles/shared';
import { LOG_EXPORT } from './strings';

/**
 * "Download log" with its secrets withheld unless the person ticks "with passwords" (a log file is
 * passed around more than anything else the app writes; DEVELOPERS "secrets never leave the machine unless
 * the user says so"). The owner supplies the log text for the chosen options and saves it.
 */
@customElement('dtu-log-download')
export class DtuLogDownload extends LitElement {
  static override styles = [
    tokens,
    base,
    css`
      :host {
        display: inline-flex;
        gap: 8px;
        align-items: center;
      }
      label {
        display: inline-flex;
        gap: 4px;
        align-items: center;
      }
    `,
  ];

  /** Saves the log written with `options`. */
  @property({ attribute: false }) save: (options: ExportLogOptions) => void = () => undefined;
  @state() private includeSecrets = false;
  private readonly i18n = new LanguageController(this);

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    return html`
      <button
        type="button"
        data-testid="export-log"
        @click=${() => this.save({ includeSecrets: this.includeSecrets, markedPrivate: privateSettings() })}
      >
        ${t(LOG_EXPORT.download)}
      </button>
      <label title=${t(LOG_EXPORT.includeSecretsHelp)}>
        <input
          type="checkbox"
          data-testid="export-log-secrets"
          .checked=${this.includeSecrets}
          @change=${(e: Event) => (this.includeSecrets = (e.target as HTMLInputElement).checked)}
        />
        ${t(LOG_EXPORT.includeSecrets)}
      </label>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-log-download': DtuLogDownload;
  }
}

import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { getRawProfileRecord, StorageError, type CorruptRecord } from '../../../storage';
import { LanguageController } from '../../controllers/language-controller';
import { P } from '../../i18n/profile-strings';
import { problemText } from '../../logic/profile-format';
import { base, tokens } from '../../styles/shared';
import { downloadText } from '../profile-files/download';

/**
 * Saved records that fail validation (docs/profiles.md, "Corrupt records"): a warning with each record's
 * id and problems, and a download of the record exactly as stored so it can be repaired by hand. They
 * are never dropped or rewritten.
 */
@customElement('dtu-profile-corrupt')
export class DtuProfileCorrupt extends LitElement {
  static override styles = [
    tokens,
    base,
    css`
      ul {
        padding-left: 20px;
        margin: 4px 0 8px;
      }
      li {
        margin-bottom: 8px;
      }
    `,
  ];

  @property({ attribute: false }) records: readonly CorruptRecord[] = [];

  @state() private error: string | undefined;

  private readonly i18n = new LanguageController(this);

  private async download(id: string): Promise<void> {
    this.error = undefined;
    try {
      const raw = await getRawProfileRecord(id);
      const name = `usr-7s4-record-${id.replace(/[^\w-]/g, '_').slice(0, 40)}.json`;
      downloadText(name, `${JSON.stringify(raw, null, 2)}\n`, 'application/json');
    } catch (e) {
      this.error = e instanceof StorageError ? this.i18n.t(e.text) : String(e);
    }
  }

  override render() {
    if (this.records.length === 0) return nothing;
    const t = this.i18n.t.bind(this.i18n);
    const f = this.i18n.f.bind(this.i18n);
    const lang = this.i18n.lang;
    return html`<section class="notice" role="alert" data-testid="corrupt-records">
      <h3>${t(P.corrupt.heading)}</h3>
      <p>${f(P.corrupt.intro, { n: this.records.length })}</p>
      ${this.error ? html`<p class="error">${this.error}</p>` : nothing}
      <ul>
        ${this.records.map(
          (c) =>
            html`<li data-id=${c.id}>
              <strong>${f(P.corrupt.record, { id: c.id })}</strong>
              <ul>
                ${c.problems.slice(0, 5).map((p) => html`<li>${problemText(p, lang)}</li>`)}
                ${c.problems.length > 5 ? html`<li>${f(P.corrupt.more, { n: c.problems.length - 5 })}</li>` : nothing}
              </ul>
              <button type="button" @click=${() => void this.download(c.id)}>${t(P.corrupt.download)}</button>
            </li>`,
        )}
      </ul>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-profile-corrupt': DtuProfileCorrupt;
  }
}

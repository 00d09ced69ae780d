import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Text } from '../../../protocol/types';
import { StorageError } from '../../../storage';
import { LanguageController } from '../../controllers/language-controller';
import { P } from '../../i18n/profile-strings';
import { importProfileFile, type FileImport } from '../../logic/profile-import';
import { pathLabel } from '../../logic/profile-format';
import { base, tokens } from '../../styles/shared';
import { saveNewProfile } from '../profile-store/profile-saving';

interface Outcome {
  readonly file: string;
  readonly result: FileImport;
  readonly saved: readonly string[];
  readonly error?: string;
}

/**
 * Import from a file the person picks: a profiles JSON file (one or all) or an AT script / terminal log.
 * Every valid profile is saved; whatever was left out is listed with its place and reason
 * (logic/profile-import.ts) — a wrong file says why, never just "failed".
 */
@customElement('dtu-profile-import')
export class DtuProfileImport extends LitElement {
  static override styles = [
    tokens,
    base,
    css`
      :host {
        display: inline-block;
      }
      input[type='file'] {
        max-width: 100%;
      }
      ul {
        margin: 4px 0 0;
        padding-left: 20px;
      }
      .report {
        margin-top: 8px;
      }
    `,
  ];

  @state() private outcome: Outcome | undefined;
  @state() private busy = false;

  private readonly i18n = new LanguageController(this);

  private async pick(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    this.busy = true;
    this.outcome = undefined;
    try {
      const text = await file.text();
      const result = importProfileFile(file.name, text, Date.now());
      const saved: string[] = [];
      let error: string | undefined;
      for (const profile of result.profiles) {
        try {
          await saveNewProfile(profile);
          saved.push(profile.name);
        } catch (err) {
          error = err instanceof StorageError ? this.i18n.t(err.text) : String(err);
          break;
        }
      }
      this.outcome = { file: file.name, result, saved, ...(error ? { error } : {}) };
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      this.outcome = {
        file: file.name,
        result: { kind: 'json', profiles: [], notes: [], refused: true },
        saved: [],
        error: this.i18n.f(P.files.readFailed, { error: detail }),
      };
    } finally {
      this.busy = false;
      input.value = '';
    }
  }

  private note(item: Text | undefined, path: string, message: Text): string {
    const t = this.i18n.t.bind(this.i18n);
    const place = [item ? t(item) : '', pathLabel(path, this.i18n.lang)].filter((s) => s !== '').join(' · ');
    return place ? `${place}: ${t(message)}` : t(message);
  }

  private renderOutcome(o: Outcome) {
    const f = this.i18n.f.bind(this.i18n);
    const { result } = o;
    const heading = result.refused
      ? P.files.refused
      : result.kind === 'script'
        ? P.files.scriptLines
        : P.files.someLeftOut;
    return html`<div class="report" data-testid="import-report">
      ${
        o.saved.length === 1
          ? html`<p class="notice ok" role="status">
              ${f(P.files.importedNamed, { name: o.saved[0] ?? '' })}
            </p>`
          : o.saved.length > 1
            ? html`<p class="notice ok" role="status">${f(P.files.imported, { n: o.saved.length })}</p>`
            : nothing
      }
      ${o.error ? html`<p class="notice error" role="alert">${o.error}</p>` : nothing}
      ${
        result.notes.length > 0
          ? html`<div
              class=${`notice ${result.refused ? 'error' : ''}`}
              role=${result.refused ? 'alert' : 'status'}
              data-testid="import-problems"
            >
              ${f(heading, { file: o.file })}
              <ul>
                ${result.notes.map((n) => html`<li>${this.note(n.item, n.path, n.message)}</li>`)}
              </ul>
            </div>`
          : nothing
      }
    </div>`;
  }

  override render() {
    return html`<label
        >${this.i18n.t(P.list.import)}
        <input
          type="file"
          data-testid="profile-import"
          accept=".json,.txt,.at,.log,application/json,text/plain"
          ?disabled=${this.busy}
          @change=${(e: Event) => void this.pick(e)}
        />
      </label>
      ${this.outcome ? this.renderOutcome(this.outcome) : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-profile-import': DtuProfileImport;
  }
}

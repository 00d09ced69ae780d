import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { KIND_LABELS } from '../../profile/import';
import { visibleText } from '../../protocol/visible-text';
import { getAppSetting, requestPersistentStorage, setAppSetting } from '../../storage';
import { addProfiles } from '../../storage/profiles-bulk';
import { downloadText } from '../components/profile-files/download';
import { LanguageController } from '../controllers/language-controller';
import { PERSIST_ASKED_KEY, persistOnFirstSave } from '../logic/profile-persist';
import { base, tokens } from '../styles/shared';
import { importInWorker } from './import-client';
import { fullReportText, reportFileName, screenReport, type ScreenEntry } from './report-text';
import { runImport, type ImportOutcome } from './run-import';
import { I } from './strings';
import './unexpected-problem';

/**
 * Import from a file the person picks — a profile file, an AT script, a terminal log or the app's traffic
 * log; the kind is found from the content (src/profile/import/). Every good profile is saved, all in one
 * transaction; every item left out is listed with its reason (the first SCREEN_ENTRIES, then "and N more"
 * with the full report to download). Text from the file is shown with hidden characters made visible.
 * Nothing thrown ever reaches the screen as a message: storage errors say what to do, anything else is an
 * "unexpected problem" with a copyable detail.
 */
@customElement('dtu-file-import')
export class DtuFileImport extends LitElement {
  static override styles = [
    tokens,
    base,
    css`
      :host {
        display: inline-block;
        max-width: 100%;
      }
      input[type='file'] {
        max-width: 100%;
      }
      ul {
        margin: 4px 0 0;
        padding-left: 20px;
      }
      li {
        overflow-wrap: anywhere;
      }
      .report {
        margin-top: 8px;
      }
      .report > * + * {
        margin-top: 8px;
      }
    `,
  ];

  @state() private outcome: ImportOutcome | undefined;
  @state() private busy: string | undefined;

  private readonly i18n = new LanguageController(this);

  private async pick(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    this.busy = this.i18n.f(I.reading, { file: visibleText(file.name, { max: 80 }) });
    this.outcome = undefined;
    try {
      this.outcome = await runImport(
        { name: file.name, size: file.size, bytes: async () => new Uint8Array(await file.arrayBuffer()) },
        {
          // The pipeline runs in a worker so a large file does not freeze the page; saving stays here.
          read: (bytes, context) => importInWorker(bytes, context),
          now: () => Date.now(),
          save: (profiles) => addProfiles(profiles),
          afterSave: () =>
            persistOnFirstSave({
              wasAsked: () => getAppSetting(PERSIST_ASKED_KEY, false),
              markAsked: () => setAppSetting(PERSIST_ASKED_KEY, true),
              request: () => requestPersistentStorage(),
            }),
        },
      );
    } finally {
      this.busy = undefined;
      input.value = '';
    }
  }

  private downloadReport(o: ImportOutcome): void {
    const text = fullReportText(o.result, {
      fileName: o.fileName,
      lang: this.i18n.lang,
      at: Date.now(),
      saved: o.saved.map((p) => p.name),
    });
    downloadText(reportFileName(o.fileName), text, 'text/plain');
  }

  private renderEntry(entry: ScreenEntry): TemplateResult {
    const f = this.i18n.f.bind(this.i18n);
    const more = entry.moreReasons > 0 ? f(I.moreProblems, { n: entry.moreReasons }) : undefined;
    if (entry.reasons.length === 1 && !more) {
      const reason = entry.reasons[0] ?? '';
      return html`<li data-testid="import-left-out">
        ${entry.label ? html`<strong>${entry.label}</strong>: ` : nothing}${reason}
      </li>`;
    }
    return html`<li data-testid="import-left-out">
      ${entry.label ? html`<strong>${entry.label}</strong>` : nothing}
      <ul>
        ${entry.reasons.map((r) => html`<li>${r}</li>`)} ${more ? html`<li>${more}</li>` : nothing}
      </ul>
    </li>`;
  }

  private renderOutcome(o: ImportOutcome): TemplateResult {
    const t = this.i18n.t.bind(this.i18n);
    const f = this.i18n.f.bind(this.i18n);
    const lang = this.i18n.lang;
    const { result } = o;
    const file = visibleText(o.fileName, { max: 80 });
    const report = screenReport(result, lang);
    const heading = result.refused
      ? f(I.refused, { file })
      : f(report.total === 1 ? I.leftOutOne : I.leftOut, { file, n: report.total });
    const first = o.saved[0];
    const details = [...report.details, ...(o.unexpected ? [o.unexpected] : [])];
    return html`<div class="report" data-testid="import-report">
      ${
        o.saved.length === 1 && first
          ? html`<p class="notice ok" role="status" data-testid="import-saved">
              ${f(I.importedNamed, { name: visibleText(first.name) })}
            </p>`
          : o.saved.length > 1
            ? html`<p class="notice ok" role="status" data-testid="import-saved">
                ${f(I.imported, { n: o.saved.length })}
              </p>`
            : !result.refused && !o.saveError && !o.openError && !o.unexpected
              ? html`<p class="notice" role="status">${f(I.importedNone, { file })}</p>`
              : nothing
      }
      ${
        o.saveError
          ? html`<p class="notice error" role="alert">${f(I.saveFailed, { reason: t(o.saveError) })}</p>`
          : nothing
      }
      ${o.openError ? html`<p class="notice error" role="alert">${t(o.openError)}</p>` : nothing}
      ${
        result.kind !== 'unknown'
          ? html`<p class="muted small" data-testid="import-kind">
              ${f(I.readAs, { file, kind: t(KIND_LABELS[result.kind]) })}
              ${result.encoding && result.encoding !== 'utf-8' ? f(I.encoding, { encoding: result.encoding }) : ''}
            </p>`
          : nothing
      }
      ${
        report.total > 0
          ? html`<div
              class=${`notice ${result.refused ? 'error' : ''}`}
              role=${result.refused ? 'alert' : 'status'}
              data-testid="import-problems"
            >
              ${heading}
              <ul>
                ${report.entries.map((e) => this.renderEntry(e))}
              </ul>
              ${report.more > 0 ? html`<p data-testid="import-more">${f(I.more, { n: report.more })}</p>` : nothing}
              <button
                type="button"
                data-testid="import-download-report"
                @click=${() => this.downloadReport(o)}
              >
                ${t(I.download)}
              </button>
            </div>`
          : nothing
      }
      ${details.length > 0 ? html`<dtu-unexpected-problem .detail=${details.join('\n\n')}></dtu-unexpected-problem>` : nothing}
    </div>`;
  }

  override render() {
    return html`<label
        >${this.i18n.t(I.pick)}
        <input
          type="file"
          data-testid="profile-import"
          accept=".json,.txt,.at,.log,.jsonl,application/json,text/plain"
          ?disabled=${this.busy !== undefined}
          @change=${(e: Event) => void this.pick(e)}
        />
      </label>
      ${this.busy ? html`<p class="muted" role="status" aria-busy="true">${this.busy}</p>` : nothing}
      ${this.outcome ? this.renderOutcome(this.outcome) : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-file-import': DtuFileImport;
  }
}

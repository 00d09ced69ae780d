/**
 * `<dtu-classroom-view>`: the trainer's guided exercises (issue 12). The list of scenarios with the
 * learner's progress; one scenario opened: its brief, "Start" (sets the simulated module up from the
 * scenario's start and makes sure the app will talk to the simulator), the live check part by part, hints
 * one at a time, "Solved!". Progress is kept in IndexedDB; trainers import and export scenario files.
 */
import { ContextConsumer } from '@lit/context';
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Text } from '../../protocol/types';
import {
  clearProgress,
  deleteImportedScenario,
  listImportedScenarios,
  listProgress,
  putImportedScenario,
  putProgress,
  type ScenarioProgressRecord,
} from '../../storage';
import { downloadText } from '../components/profile-files/download';
import { simulatorContext } from '../context';
import { LanguageController } from '../controllers/language-controller';
import { SessionController } from '../controllers/session-controller';
import '../sim-panel/projector-toggle';
import { ProjectorController, projectorStyles } from '../sim-panel/projector';
import { base, tokens } from '../styles/shared';
import { viewStyles } from '../views/view-styles';
import { BUILT_IN_SCENARIOS } from './builtin';
import { describeCheck } from './describe-check';
import type { CheckResult } from './evaluate';
import { formatDuration, hintShown, progressState, solved, started, type ProgressState } from './progress';
import { PROGRESS_CHANGED, RUN_RESUMED } from './resume-run';
import { activeRun, ScenarioRun, setActiveRun, type RunStatus } from './run';
import { runKeeper } from './run-keeper';
import type { Scenario } from './scenario';
import { scenarioFileName, scenarioFileText } from './scenario-file';
import { CLASSROOM_TEXT as T } from './strings';
import { parseScenarioFile, validateScenario, type ScenarioError } from './validate-scenario';

interface ImportMessage {
  readonly ok: boolean;
  readonly text: string;
  readonly errors?: readonly ScenarioError[];
}

@customElement('dtu-classroom-view')
export class DtuClassroomView extends LitElement {
  static override styles = [
    tokens,
    base,
    viewStyles,
    projectorStyles,
    css`
      ul.scenarios {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: 8px;
      }
      ul.scenarios li {
        display: flex;
        flex-wrap: wrap;
        gap: 6px 12px;
        align-items: center;
        justify-content: space-between;
      }
      .progress[data-progress='solved'] {
        color: var(--dtu-ok, #1a7f37);
        font-weight: 600;
      }
      .progress[data-progress='in-progress'] {
        color: var(--dtu-warn, #9a6700);
      }
      .brief {
        white-space: pre-line;
      }
      ul.parts {
        list-style: none;
        padding-left: 0;
      }
      ul.parts ul.parts {
        padding-left: 1.2em;
      }
      ul.parts li::before {
        content: '○ ';
      }
      ul.parts li[data-met='true']::before {
        content: '✓ ';
        color: var(--dtu-ok, #1a7f37);
      }
      .solved {
        font-size: 1.25rem;
        font-weight: 700;
      }
      ul.errors code {
        font-size: 0.9em;
      }
    `,
  ];

  private readonly i18n = new LanguageController(this);
  private readonly session = new SessionController(this);
  private readonly simulator = new ContextConsumer(this, { context: simulatorContext });
  /** Large type for a class (projector mode, the same switch as the simulator's). */
  protected readonly projector = new ProjectorController(this);

  @state() private imported: Scenario[] = [];
  @state() private progress = new Map<string, ScenarioProgressRecord>();
  @state() private openId: string | undefined = activeRun()?.scenario.id;
  @state() private status: RunStatus | undefined;
  @state() private note: Text | undefined;
  @state() private storageError: string | undefined;
  @state() private importMessage: ImportMessage | undefined;
  private unwatch: (() => void) | undefined;
  /** A run kept over a reload was resumed (resume-run.ts): show it, opened. */
  private readonly onResumed = (): void => {
    const run = activeRun();
    this.openId ??= run?.scenario.id;
    this.watch(run);
  };
  private readonly onProgress = (): void => void this.load();

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
    this.watch(activeRun());
    window.addEventListener(RUN_RESUMED, this.onResumed);
    window.addEventListener(PROGRESS_CHANGED, this.onProgress);
  }

  override disconnectedCallback(): void {
    window.removeEventListener(RUN_RESUMED, this.onResumed);
    window.removeEventListener(PROGRESS_CHANGED, this.onProgress);
    this.unwatch?.();
    this.unwatch = undefined;
    super.disconnectedCallback();
  }

  private get scenarios(): Scenario[] {
    const importedIds = new Set(this.imported.map((s) => s.id));
    return [...BUILT_IN_SCENARIOS.filter((s) => !importedIds.has(s.id)), ...this.imported];
  }

  private isImported(id: string): boolean {
    return this.imported.some((s) => s.id === id);
  }

  private async load(): Promise<void> {
    try {
      const [records, files] = await Promise.all([listProgress(), listImportedScenarios()]);
      this.progress = new Map(records.map((r) => [r.id, r]));
      this.imported = files.flatMap((f) => {
        const checked = validateScenario(f.scenario);
        return checked.ok ? [checked.scenario] : [];
      });
    } catch (e) {
      this.storageError = e instanceof Error ? e.message : String(e);
    }
  }

  private async save(record: ScenarioProgressRecord): Promise<void> {
    this.progress = new Map(this.progress).set(record.id, record);
    try {
      await putProgress(record);
    } catch (e) {
      this.storageError = e instanceof Error ? e.message : String(e);
    }
  }

  /** Shows `run`'s status here while this element is in the page. */
  private watch(run: ScenarioRun | undefined): void {
    this.unwatch?.();
    this.unwatch = run?.subscribe((s) => (this.status = s));
    if (!run) this.status = undefined;
  }

  private async startScenario(scenario: Scenario): Promise<void> {
    const service = this.simulator.value;
    if (!service) return;
    this.note = undefined;
    this.status = { kind: 'starting' };
    // A session on the line would be talking to a module that restarts under it: start from a clean line.
    const s = this.session.state;
    if (this.session.available && s.kind !== 'disconnected' && s.kind !== 'failed') {
      await this.session.api.disconnect().catch(() => undefined);
      this.note = T.disconnectedFirst;
    }
    const sim = await service.get();
    const run = new ScenarioRun(
      scenario,
      sim,
      (at) => {
        const prev = this.progress.get(scenario.id);
        if (prev) void this.save(solved(prev, at));
      },
      undefined,
      runKeeper(),
    );
    setActiveRun(run);
    this.watch(run);
    run.start();
    await this.save(started(this.progress.get(scenario.id), scenario.id, Date.now()));
  }

  private showHint(scenario: Scenario): void {
    const prev = this.progress.get(scenario.id) ?? started(undefined, scenario.id, Date.now());
    void this.save(hintShown(prev, scenario.hints.length));
  }

  private exportScenario(scenario: Scenario): void {
    downloadText(scenarioFileName(scenario), scenarioFileText(scenario), 'application/json');
  }

  private async importFile(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const lang = this.i18n;
    let text: string;
    try {
      text = await file.text();
    } catch {
      this.importMessage = {
        ok: false,
        text: `${lang.f(T.importRefused, { file: file.name })} ${lang.t(T.importRead)}`,
      };
      return;
    }
    const checked = parseScenarioFile(text);
    if (!checked.ok) {
      this.importMessage = {
        ok: false,
        text: lang.f(T.importRefused, { file: file.name }),
        errors: checked.errors,
      };
      return;
    }
    const scenario = checked.scenario;
    const replaces = this.scenarios.some((s) => s.id === scenario.id);
    try {
      await putImportedScenario(scenario.id, JSON.parse(text) as never, Date.now());
    } catch (err) {
      this.storageError = err instanceof Error ? err.message : String(err);
      return;
    }
    this.imported = [...this.imported.filter((s) => s.id !== scenario.id), scenario];
    this.importMessage = {
      ok: true,
      text: lang.f(replaces ? T.replaced : T.imported, { title: lang.t(scenario.title) }),
    };
  }

  private async removeImported(id: string): Promise<void> {
    try {
      await deleteImportedScenario(id);
    } catch (e) {
      this.storageError = e instanceof Error ? e.message : String(e);
      return;
    }
    this.imported = this.imported.filter((s) => s.id !== id);
    if (activeRun()?.scenario.id === id) setActiveRun(undefined);
    this.openId = undefined;
  }

  private async forgetProgress(): Promise<void> {
    try {
      await clearProgress();
      this.progress = new Map();
    } catch (e) {
      this.storageError = e instanceof Error ? e.message : String(e);
    }
  }

  private progressText(state: ProgressState, p: ScenarioProgressRecord | undefined): string {
    const lang = this.i18n;
    if (state === 'solved') {
      return p?.seconds === undefined
        ? lang.t(T.solvedNoTime)
        : lang.f(T.solvedState, { time: formatDuration(p.seconds) });
    }
    return lang.t(state === 'in-progress' ? T.inProgress : T.notStarted);
  }

  private renderImport() {
    const t = this.i18n.t.bind(this.i18n);
    const m = this.importMessage;
    return html`<section class="card" aria-labelledby="h-trainer">
      <h3 id="h-trainer">${t(T.trainer)}</h3>
      <p class="muted">${t(T.trainerIntro)}</p>
      <p>
        <button type="button" data-testid="forget-progress" @click=${() => void this.forgetProgress()}>
          ${t(T.resetProgress)}
        </button>
      </p>
      <label
        >${t(T.importFile)}
        <input
          type="file"
          accept=".json,application/json"
          data-testid="scenario-import"
          @change=${this.importFile}
        />
      </label>
      ${
        m
          ? html`<div
              class="notice ${m.ok ? 'ok' : 'error'}"
              role=${m.ok ? 'status' : 'alert'}
              data-testid="import-message"
            >
              <p>${m.text}</p>
              ${
                m.errors
                  ? html`<ul class="errors">
                      ${m.errors.map((e) => html`<li>${e.path ? html`<code>${e.path}</code>: ` : nothing}${t(e.message)}</li>`)}
                    </ul>`
                  : nothing
              }
            </div>`
          : nothing
      }
    </section>`;
  }

  private renderList() {
    const t = this.i18n.t.bind(this.i18n);
    return html`
      <ul class="scenarios" aria-label=${t(T.listLabel)} data-testid="scenario-list">
        ${this.scenarios.map((s) => {
          const p = this.progress.get(s.id);
          const state = progressState(p);
          return html`<li class="card" data-scenario=${s.id}>
            <span>
              <strong>${t(s.title)}</strong>
              ${this.isImported(s.id) ? html`<span class="muted">(${t(T.importedMark)})</span>` : nothing}
              <br /><span class="progress" data-progress=${state}>${this.progressText(state, p)}</span>
            </span>
            <button
              type="button"
              @click=${() => (this.openId = s.id)}
              aria-label=${`${t(T.open)}: ${t(s.title)}`}
            >
              ${t(T.open)}
            </button>
          </li>`;
        })}
      </ul>
      ${this.renderImport()}
    `;
  }

  private renderParts(results: readonly CheckResult[]): TemplateResult {
    const t = this.i18n.t.bind(this.i18n);
    return html`<ul class="parts">
      ${results.map(
        (r) =>
          html`<li data-met=${String(r.passed)}>
            ${t(describeCheck(r.check))}
            <span class="visually-hidden">(${t(r.passed ? T.partMet : T.partNotMet)})</span>
            ${r.parts.length > 0 ? this.renderParts(r.parts) : nothing}
          </li>`,
      )}
    </ul>`;
  }

  private renderStatus(scenario: Scenario, mine: boolean) {
    const t = this.i18n.t.bind(this.i18n);
    const s = mine ? this.status : undefined;
    const kind = s?.kind ?? 'not-running';
    let body;
    if (!s) body = html`<p class="muted">${t(T.notRunning)}</p>`;
    else if (s.kind === 'starting') body = html`<p aria-busy="true">${t(T.starting)}</p>`;
    else if (s.kind === 'refused')
      body = html`<p class="notice error">${this.i18n.f(T.startFailed, { error: s.error })}</p>`;
    else if (s.kind === 'solved') {
      body = html`<p class="notice ok solved">${t(T.solved)}</p>
        <p>${t(scenario.solved ?? T.solvedDefault)}</p>
        ${this.renderParts([s.result])}`;
    } else {
      body = html`<p class="notice">${t(T.started)} <a href="#connect">${t(T.goConnect)}</a></p>
        <p class="muted">${t(T.checking)}</p>
        ${this.renderParts(s.result ? [s.result] : [{ check: scenario.check, passed: false, parts: [] }])}`;
    }
    return html`<section
      class="card"
      aria-labelledby="h-check"
      data-testid="scenario-status"
      data-status=${kind}
    >
      <h3 id="h-check">${t(T.checkHeading)}</h3>
      <div aria-live="polite">${body}</div>
    </section>`;
  }

  private renderScenario(scenario: Scenario) {
    const t = this.i18n.t.bind(this.i18n);
    const f = this.i18n.f.bind(this.i18n);
    const p = this.progress.get(scenario.id);
    const mine = activeRun()?.scenario.id === scenario.id;
    const shown = p?.hintsShown ?? 0;
    const total = scenario.hints.length;
    return html`
      <p><button type="button" @click=${() => (this.openId = undefined)}>← ${t(T.back)}</button></p>
      <section class="card" data-testid="scenario" data-scenario=${scenario.id} aria-labelledby="h-scenario">
        <h3 id="h-scenario">${t(scenario.title)}</h3>
        <p class="progress" data-progress=${progressState(p)}>${this.progressText(progressState(p), p)}</p>
        <p class="brief">${t(scenario.brief)}</p>
        ${this.note && mine ? html`<p class="notice" role="status">${t(this.note)}</p>` : nothing}
        <div class="actions">
          <button
            type="button"
            class="primary"
            data-testid="scenario-start"
            @click=${() => void this.startScenario(scenario)}
          >
            ${t(mine || p ? T.restart : T.start)}
          </button>
          <button type="button" data-testid="scenario-export" @click=${() => this.exportScenario(scenario)}>
            ${t(T.exportFile)}
          </button>
          ${
            this.isImported(scenario.id)
              ? html`<button
                  type="button"
                  class="danger"
                  @click=${() => void this.removeImported(scenario.id)}
                >
                  ${t(T.remove)}
                </button>`
              : nothing
          }
        </div>
      </section>
      ${this.renderStatus(scenario, mine)}
      <section class="card" aria-labelledby="h-hints">
        <h3 id="h-hints">${t(T.hints)}</h3>
        <ol data-testid="hints">
          ${scenario.hints.slice(0, shown).map((h, i) => html`<li aria-label=${f(T.hintN, { n: i + 1, total })}>${t(h)}</li>`)}
        </ol>
        ${
          shown < total
            ? html`<button type="button" data-testid="scenario-hint" @click=${() => this.showHint(scenario)}>
                ${t(T.hint)} (${f(T.hintN, { n: shown + 1, total })})
              </button>`
            : html`<p class="muted">${t(T.noMoreHints)}</p>`
        }
      </section>
    `;
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const open = this.openId === undefined ? undefined : this.scenarios.find((s) => s.id === this.openId);
    return html`
      <div class="head">
        <h2>${t(T.heading)}</h2>
        <dtu-projector-toggle></dtu-projector-toggle>
      </div>
      <p class="muted">${t(T.intro)}</p>
      ${
        this.storageError
          ? html`<p class="notice error" role="alert">
              ${this.i18n.f(T.storageFailed, { error: this.storageError })}
            </p>`
          : nothing
      }
      ${open ? this.renderScenario(open) : this.renderList()}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-classroom-view': DtuClassroomView;
  }
}

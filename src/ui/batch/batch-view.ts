import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { resultsCsv, resultsJson } from '../../profile/batch/results';
import type { BatchStation, StationRecord, StationState } from '../../profile/batch/station';
import { allProblems, readBatchTable, validRows, type BatchTable } from '../../profile/batch/table';
import { lastBatchRun, type StoredRun } from '../../storage/batch-results';
import { listProfiles } from '../../storage/profiles';
import type { StoredProfile } from '../../storage/profiles';
import { downloadText } from '../components/profile-files/download';
import { LanguageController } from '../controllers/language-controller';
import { SessionController } from '../controllers/session-controller';
import { SimulatorController } from '../controllers/simulator-controller';
import { base, tokens } from '../styles/shared';
import { viewStyles } from '../views/view-styles';
import { activeRun, endRun, startRun, type ActiveRun } from './active-run';
import { nextVirtualNumber, virtualIdentity } from './logic/virtual-modules';
import { BATCH } from './strings';

/** The setup (profile, table) for the page's life: it survives a look at another view. */
let kept: { profileId: string; tableName: string; tableText: string | undefined } = {
  profileId: '',
  tableName: '',
  tableText: undefined,
};

/** The last virtual module's number "Next module" put on (for the page's life; the cable's module says the rest). */
let lastVirtualSent = 0;

/** Session states in which the station may talk to the module. */
const USABLE = new Set(['command', 'working']);

/**
 * The batch station (docs/batch.md): a profile and a CSV table in, one module after another provisioned,
 * each recorded (kept in IndexedDB as it happens) and exported as CSV or JSON. The station's rules live in
 * profile/batch/station.ts; this view wires it to the session, the store and the simulator.
 */
@customElement('dtu-batch-view')
export class DtuBatchView extends LitElement {
  static override styles = [
    tokens,
    base,
    viewStyles,
    css`
      .setup {
        display: grid;
        gap: 12px;
      }
      .problems {
        margin: 6px 0 0;
        padding-left: 1.2em;
      }
      .row-actions {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        align-items: center;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        font-size: 0.9rem;
      }
      th,
      td {
        text-align: left;
        padding: 4px 8px;
        border-bottom: 1px solid var(--dtu-border);
        vertical-align: top;
      }
      td.code {
        font-family: var(--dtu-mono);
        white-space: nowrap;
      }
      .scroll {
        overflow-x: auto;
      }
      [data-outcome='pass'] .result {
        color: var(--dtu-ok, #1a7f37);
      }
      [data-outcome='fail'] .result {
        color: var(--dtu-error, #c62828);
      }
    `,
  ];

  private readonly i18n = new LanguageController(this);
  private readonly session = new SessionController(this);
  private readonly sim = new SimulatorController(this, () => undefined);

  @state() private profiles: readonly StoredProfile[] = [];
  @state() private profileId = '';
  @state() private tableName = '';
  @state() private tableText: string | undefined;
  @state() private table: BatchTable | undefined;
  @state() private skipInvalid = false;
  /** The run in progress (active-run.ts: it outlives this element). */
  @state() private run: ActiveRun | undefined;
  @state() private lastRun: StoredRun | undefined;
  @state() private includeSecrets = false;
  @state() private continueLast = true;
  @state() private loadError: string | undefined;
  private detach: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    const run = activeRun();
    if (run) this.attach(run);
    // The setup as the person left it, when they looked at another view (Connect, Profiles) meanwhile.
    this.profileId = kept.profileId;
    this.tableName = kept.tableName;
    this.tableText = kept.tableText;
    void this.loadProfiles();
    void lastBatchRun()
      .then((last) => (this.lastRun = last))
      .catch(() => undefined);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.detach?.();
    this.detach = undefined;
  }

  private attach(run: ActiveRun): void {
    this.detach?.();
    this.run = run;
    this.detach = run.onChange(() => this.requestUpdate());
  }

  private get station(): BatchStation | undefined {
    return this.run?.station;
  }

  private get stationState(): StationState {
    return this.station?.state ?? { kind: 'idle' };
  }

  private get records(): readonly StationRecord[] {
    return this.station?.records ?? [];
  }

  private get storeError(): string | undefined {
    return this.run?.storeError ?? this.loadError;
  }

  private async loadProfiles(): Promise<void> {
    try {
      this.profiles = (await listProfiles()).profiles;
      if (!this.profileId && this.profiles[0]) this.profileId = this.profiles[0].id;
      this.check();
    } catch (e) {
      this.loadError = e instanceof Error ? e.message : String(e);
    }
  }

  private get chosen(): StoredProfile | undefined {
    return this.profiles.find((p) => p.id === this.profileId);
  }

  /** Reads the table against the chosen profile, before any module is touched. */
  private check(): void {
    kept = { profileId: this.profileId, tableName: this.tableName, tableText: this.tableText };
    const profile = this.chosen;
    this.table =
      profile && this.tableText !== undefined
        ? readBatchTable(this.tableText, profile.profile.values)
        : undefined;
    this.skipInvalid = false;
  }

  private async onFile(e: Event): Promise<void> {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (!file) return;
    this.tableName = file.name;
    this.tableText = await file.text();
    this.check();
  }

  private get invalidCount(): number {
    return this.table ? this.table.rows.length - validRows(this.table).length : 0;
  }

  private get canStart(): boolean {
    const t = this.table;
    return (
      this.station === undefined &&
      this.chosen !== undefined &&
      t !== undefined &&
      t.fileProblems.length === 0 &&
      validRows(t).length > 0 &&
      (this.invalidCount === 0 || this.skipInvalid) &&
      USABLE.has(this.session.state.kind)
    );
  }

  private start(): void {
    const profile = this.chosen;
    const table = this.table;
    if (!this.canStart || !profile || !table) return;
    this.attach(
      startRun({
        session: this.session.api,
        profileId: profile.id,
        profileName: profile.profile.name,
        values: profile.profile.values,
        table,
        tableName: this.tableName,
        ...(this.continuable && this.continueLast && this.lastRun ? { continues: this.lastRun } : {}),
      }),
    );
  }

  /** The stored last run was of the chosen profile and this table (by name): it can be continued. */
  private get continuable(): boolean {
    const last = this.lastRun;
    return (
      this.run === undefined &&
      last !== undefined &&
      last.unreadable === 0 &&
      last.profileName === this.chosen?.profile.name &&
      last.tableName === this.tableName
    );
  }

  /** Ends the run (between modules) so another profile or table can be chosen. */
  private newRun(): void {
    this.detach?.();
    this.detach = undefined;
    endRun();
    this.run = undefined;
    void lastBatchRun()
      .then((last) => (this.lastRun = last))
      .catch(() => undefined);
  }

  private async nextModule(): Promise<void> {
    const snapshot = await this.sim.api?.snapshot().catch(() => undefined);
    // Two clicks before the first swap shows in the snapshot still get two modules.
    const n = Math.max(nextVirtualNumber(snapshot?.identity), lastVirtualSent + 1);
    lastVirtualSent = n;
    const identity = virtualIdentity(n);
    this.sim.send({ type: 'swap-module', identity, offMs: 500, running: true });
  }

  private exportAs(kind: 'csv' | 'json'): void {
    const run = this.station ? undefined : this.lastRun;
    const records = run?.records ?? this.records;
    const options = {
      profileName: run?.profileName ?? this.chosen?.profile.name ?? '',
      tableName: run?.tableName ?? this.tableName,
      exportedAt: Date.now(),
      includeSecrets: this.includeSecrets,
    };
    const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
    if (kind === 'csv') downloadText(`batch-results-${stamp}.csv`, resultsCsv(records, options), 'text/csv');
    else downloadText(`batch-results-${stamp}.json`, resultsJson(records, options), 'application/json');
  }

  private renderSetup(): TemplateResult {
    const t = (x: Parameters<LanguageController['t']>[0]) => this.i18n.t(x);
    const running = this.station !== undefined;
    const table = this.table;
    const profile = this.chosen;
    return html`<section class="card setup" aria-labelledby="h-batch-setup">
      <h3 id="h-batch-setup">${t(BATCH.setup)}</h3>
      ${
        this.profiles.length === 0
          ? html`<p class="muted">${t(BATCH.noProfiles)}</p>`
          : html`<label
              >${t(BATCH.profile)}
              <select
                data-testid="batch-profile"
                ?disabled=${running}
                @change=${(e: Event) => {
                  this.profileId = (e.target as HTMLSelectElement).value;
                  this.check();
                }}
              >
                ${this.profiles.map(
                  (p) =>
                    html`<option value=${p.id} ?selected=${p.id === this.profileId}>
                      ${p.profile.name}
                    </option>`,
                )}
              </select></label
            >`
      }
      ${profile?.sealed ? html`<p class="notice">${t(BATCH.sealed)}</p>` : nothing}
      <label
        >${t(BATCH.table)}
        <input
          type="file"
          accept=".csv,text/csv,text/plain"
          data-testid="batch-table-file"
          ?disabled=${running}
          @change=${(e: Event) => void this.onFile(e)}
      /></label>
      <p class="muted">${t(BATCH.tableHelp)}</p>
      ${table ? this.renderReport(table) : nothing}
    </section>`;
  }

  private renderReport(table: BatchTable): TemplateResult {
    if (table.fileProblems.length > 0)
      return html`<div class="notice error" role="alert" data-testid="batch-table-report" data-ok="false">
        ${this.i18n.t(BATCH.refused)}
        <ul class="problems">
          ${table.fileProblems.map((p) => html`<li>${this.i18n.t(p.message)}</li>`)}
        </ul>
      </div>`;
    const valid = validRows(table).length;
    const invalid = this.invalidCount;
    const summary = table.keyedBy === 'imei' ? BATCH.summaryImei : BATCH.summaryOrder;
    const changesUart = [
      this.chosen?.profile.values['UART'],
      ...table.rows.map((r) => r.values['UART']),
    ].some((v) => v !== undefined);
    return html`<div data-testid="batch-table-report" data-ok=${invalid === 0 ? 'true' : 'partial'}>
      <p class="notice ${invalid === 0 ? 'ok' : ''}" role="status">
        ${this.i18n.f(summary, { rows: table.rows.length, valid })}
      </p>
      ${
        invalid > 0
          ? html`<div class="notice error">
                ${this.i18n.t(BATCH.invalidRows)}
                <ul class="problems" data-testid="batch-invalid-rows">
                  ${allProblems(table).map((p) => html`<li>${this.i18n.t(p.message)}</li>`)}
                </ul>
              </div>
              <label class="inline"
                ><input
                  type="checkbox"
                  data-testid="batch-skip-invalid"
                  .checked=${this.skipInvalid}
                  ?disabled=${this.station !== undefined}
                  @change=${(e: Event) => (this.skipInvalid = (e.target as HTMLInputElement).checked)}
                />
                ${this.i18n.f(BATCH.skipInvalid, { n: invalid })}</label
              >`
          : nothing
      }
      ${
        this.continuable
          ? html`<label class="inline"
              ><input
                type="checkbox"
                data-testid="batch-continue"
                .checked=${this.continueLast}
                @change=${(e: Event) => (this.continueLast = (e.target as HTMLInputElement).checked)}
              />
              ${this.i18n.f(BATCH.continueLast, { n: this.lastRun?.records.length ?? 0 })}</label
            >`
          : nothing
      }
      ${changesUart ? html`<p class="notice">${this.i18n.t(BATCH.uartWarning)}</p>` : nothing}
    </div>`;
  }

  private stateText(s: StationState): string {
    switch (s.kind) {
      case 'applying':
      case 'verifying':
        return this.i18n.f(BATCH.states[s.kind], { imei: s.imei, row: s.row });
      default:
        return this.i18n.t(BATCH.states[s.kind]);
    }
  }

  private renderStation(): TemplateResult {
    const t = (x: Parameters<LanguageController['t']>[0]) => this.i18n.t(x);
    const s = this.stationState;
    const usable = USABLE.has(this.session.state.kind);
    const onSimulator = 'transport' in this.session.state && this.session.state.transport === 'simulator';
    const busy = s.kind === 'identifying' || s.kind === 'applying' || s.kind === 'verifying';
    const counts = (o: StationRecord['outcome']) => this.records.filter((r) => r.outcome === o).length;
    return html`<section class="card" aria-labelledby="h-batch-station">
      <h3 id="h-batch-station">${t(BATCH.station)}</h3>
      ${
        this.session.state.kind === 'disconnected'
          ? html`<p class="notice">${t(BATCH.notConnected)}</p>`
          : nothing
      }
      <p role="status" aria-live="polite" data-testid="batch-state" data-state=${s.kind}>
        ${this.stateText(s)}
      </p>
      ${
        this.station
          ? html`<p class="muted" data-testid="batch-progress">
              ${this.i18n.f(BATCH.progress, {
                pass: counts('pass'),
                fail: counts('fail'),
                skipped: counts('skipped'),
                remaining: this.station.remaining,
              })}
            </p>`
          : nothing
      }
      <div class="row-actions">
        ${
          this.station === undefined
            ? html`<button class="primary" ?disabled=${!this.canStart} @click=${() => this.start()}>
                ${t(BATCH.start)}
              </button>`
            : html`${
                  s.kind === 'paused'
                    ? html`<button @click=${() => this.station?.resume()}>${t(BATCH.resume)}</button>`
                    : html`<button @click=${() => this.station?.pause()}>${t(BATCH.pause)}</button>`
                }
                <button
                  ?disabled=${s.kind !== 'waiting' || !usable}
                  title=${t(BATCH.checkNowHelp)}
                  @click=${() => void this.station?.moduleArrived()}
                >
                  ${t(BATCH.checkNow)}
                </button>
                <button ?disabled=${busy} @click=${() => this.newRun()}>${t(BATCH.newRun)}</button>`
        }
        ${
          onSimulator
            ? html`<button
                data-testid="batch-next-module"
                title=${t(BATCH.nextModuleHelp)}
                ?disabled=${busy}
                @click=${() => void this.nextModule()}
              >
                ${t(BATCH.nextModule)}
              </button>`
            : nothing
        }
      </div>
      ${
        this.storeError
          ? html`<p class="notice error" role="alert">
              ${this.i18n.f(BATCH.storeFailed, { detail: this.storeError })}
            </p>`
          : nothing
      }
    </section>`;
  }

  private renderResults(): TemplateResult {
    const t = (x: Parameters<LanguageController['t']>[0]) => this.i18n.t(x);
    const fromStore = this.station === undefined ? this.lastRun : undefined;
    const records = fromStore?.records ?? this.records;
    const c = BATCH.columns;
    return html`<section class="card" aria-labelledby="h-batch-results">
      <div class="head">
        <h3 id="h-batch-results">
          ${
            fromStore
              ? this.i18n.f(BATCH.lastRun, { profile: fromStore.profileName, table: fromStore.tableName })
              : t(BATCH.results)
          }
        </h3>
        <div class="actions">
          <label class="inline"
            ><input
              type="checkbox"
              .checked=${this.includeSecrets}
              @change=${(e: Event) => (this.includeSecrets = (e.target as HTMLInputElement).checked)}
            />
            ${t(BATCH.includeSecrets)}</label
          >
          <button ?disabled=${records.length === 0} @click=${() => this.exportAs('csv')}>
            ${t(BATCH.exportCsv)}
          </button>
          <button ?disabled=${records.length === 0} @click=${() => this.exportAs('json')}>
            ${t(BATCH.exportJson)}
          </button>
        </div>
      </div>
      ${
        records.length === 0
          ? html`<p class="muted">${t(BATCH.noResults)}</p>`
          : html`<div class="scroll">
              <table data-testid="batch-results">
                <thead>
                  <tr>
                    ${[c.seq, c.time, c.imei, c.iccid, c.sn, c.row, c.result, c.details].map(
                      (h) => html`<th scope="col">${t(h)}</th>`,
                    )}
                  </tr>
                </thead>
                <tbody>
                  ${[...records].reverse().map(
                    (r) =>
                      html`<tr data-outcome=${r.outcome} data-imei=${r.imei ?? ''}>
                        <td>${r.seq}</td>
                        <td>
                          ${new Date(r.at).toLocaleTimeString(this.i18n.lang === 'zh' ? 'zh-CN' : 'en')}
                        </td>
                        <td class="code">${r.imei ?? ''}</td>
                        <td class="code">${r.iccid ?? ''}</td>
                        <td class="code">${r.sn ?? ''}</td>
                        <td>${r.row ?? ''}</td>
                        <td class="result">
                          ${t(BATCH.outcomes[r.outcome])}${r.reason ? html` · ${t(BATCH.reasons[r.reason])}` : nothing}
                        </td>
                        <td>${r.message ? t(r.message) : nothing}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
      }
    </section>`;
  }

  override render() {
    return html`
      <div class="head"><h2>${this.i18n.t(BATCH.heading)}</h2></div>
      <p class="muted">${this.i18n.t(BATCH.intro)}</p>
      ${this.renderSetup()} ${this.renderStation()} ${this.renderResults()}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-batch-view': DtuBatchView;
  }
}

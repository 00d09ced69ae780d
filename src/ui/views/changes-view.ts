import { ContextConsumer } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { factoryDefaults, findCommand, SETTING_NAMES } from '../../protocol/catalogue';
import type { CommandEntry } from '../../protocol/types';
import { compareWrites } from '../../protocol/apply-plan';
import '../components/apply-report/apply-report';
import '../components/progress-bar/progress-bar';
import { simulatorContext } from '../context';
import { LanguageController } from '../controllers/language-controller';
import { SessionController } from '../controllers/session-controller';
import { StoreController } from '../controllers/store-controller';
import { S } from '../i18n/strings';
import { applyFraction, applyProgressLabel } from '../logic/apply-progress';
import { pendingChanges, shownCommand, valuesToWrite, type PendingChange } from '../logic/diff';
import { hasSecret, maskSecrets } from '../logic/fields';
import { isFailure, restoreValues } from '../logic/profile-results';
import { ProofRunner } from '../link-proof/proof-runner';
import '../risky-changes/risky-changes';
import { riskKey, risksOf } from '../risky-changes/risk';
import '../server-preview/server-preview-card';
import { changedParts, serverPreview } from '../server-preview/server-preview';
import { SERVER_PREVIEW } from '../server-preview/strings';
import type { ApplyProgress, ApplyReport, UiSessionState } from '../services/session-service';
import { base, tokens } from '../styles/shared';
import { commandListStyles, tableStyles } from '../styles/tables';
import { viewStyles } from './view-styles';

const SETTINGS: readonly CommandEntry[] = SETTING_NAMES.map((n) => findCommand(n)).filter(
  (e): e is CommandEntry => e !== undefined,
);

/** The transport of the connection, when there is one. */
export function transportOf(state: UiSessionState): 'serial' | 'simulator' | undefined {
  return 'transport' in state ? state.transport : undefined;
}

/**
 * Pending changes: the edited values against the device's, with the exact AT commands, what the server
 * will see (server-preview/), and the changes that alter how the module is reached flagged with a
 * confirmation before the write (risky-changes/); apply with progress and a result per setting, then the
 * links checked when the changes can affect them (link-proof/); restore the values from before the apply
 * when something failed.
 */
@customElement('dtu-changes-view')
export class DtuChangesView extends LitElement {
  static override styles = [
    tokens,
    base,
    viewStyles,
    tableStyles,
    commandListStyles,
    css`
      .preview h3 {
        margin-bottom: 2px;
      }
    `,
  ];

  private readonly i18n = new LanguageController(this);
  private readonly session = new SessionController(this);
  private readonly store = new StoreController(this);
  private readonly simulator = new ContextConsumer(this, { context: simulatorContext });

  @state() private progress: ApplyProgress | undefined;
  @state() private error: string | undefined;
  @state() private reveal = false;
  /** The risky changes the person confirmed (`riskKey`); other ones need a new confirmation. */
  @state() private confirmedRisk: string | undefined;
  private runner: ProofRunner | undefined;

  private async apply(values: Record<string, string>): Promise<void> {
    this.error = undefined;
    this.progress = { phase: 'plan', done: 0, total: Object.keys(values).length };
    const store = this.store.value;
    this.runner?.finish();
    const runner = new ProofRunner({
      session: this.session.api,
      store,
      simulator: this.simulator.value,
      transport: transportOf(this.session.state),
    });
    this.runner = runner;
    let report: ApplyReport | undefined;
    try {
      await runner.prepare();
      report = await this.session.api.apply(values, (p) => (this.progress = p));
      store.updateDevice(report.confirmed);
      store.clearEdits(report.results.filter((r) => !isFailure(r)).map((r) => r.name));
      store.setReport(report);
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
      runner.finish();
    } finally {
      this.progress = undefined;
      this.confirmedRisk = undefined;
    }
    if (report) await runner.run(report, { ...factoryDefaults(), ...(store.device ?? {}) });
  }

  private shown(entry: CommandEntry, value: string): string {
    return this.reveal ? value : maskSecrets(entry, value);
  }

  private renderChanges(changes: readonly PendingChange[]) {
    const t = this.i18n.t.bind(this.i18n);
    const store = this.store.value;
    const invalid = changes.some((c) => !c.valid);
    const anySecret = changes.some((c) => hasSecret(c.entry, c.to) || hasSecret(c.entry, c.from));
    const busy = this.progress !== undefined;
    // In the order the session writes them (switches off first, access settings last), not table order.
    const commands = changes
      .filter((c) => c.valid)
      .sort((a, b) => compareWrites({ name: a.entry.name, to: a.to }, { name: b.entry.name, to: b.to }))
      .map((c) => shownCommand(c, this.reveal));
    const restart = changes.some((c) => c.valid && c.entry.needsRestart);
    const risks = risksOf(
      changes.filter((c) => c.valid).map((c) => ({ name: c.entry.name, from: c.from, to: c.to })),
    );
    const unconfirmed = risks.length > 0 && this.confirmedRisk !== riskKey(risks);
    const device = { ...factoryDefaults(), ...(store.device ?? {}) };
    const identity = store.identity ?? {};
    const before = serverPreview(device, identity, this.reveal);
    const after = serverPreview({ ...device, ...valuesToWrite(changes) }, identity, this.reveal);
    return html`
      ${store.device ? nothing : html`<p class="notice">${t(S.changes.notRead)}</p>`}
      <div class="table-wrap card">
        <table data-testid="changes-table">
          <thead>
            <tr>
              <th scope="col">${t(S.changes.setting)}</th>
              <th scope="col">${t(S.changes.from)}</th>
              <th scope="col">${t(S.changes.to)}</th>
              <th scope="col">${t(S.changes.command)}</th>
              <th scope="col"><span class="visually-hidden">${t(S.changes.discardOne)}</span></th>
            </tr>
          </thead>
          <tbody>
            ${changes.map(
              (c) =>
                html`<tr data-setting=${c.entry.name}>
                  <td data-label=${t(S.changes.setting)}>${t(c.entry.label)}</td>
                  <td data-label=${t(S.changes.from)}>
                    <code>${this.shown(c.entry, c.from ?? factoryDefaults()[c.entry.name] ?? '')}</code>
                  </td>
                  <td data-label=${t(S.changes.to)}><code>${this.shown(c.entry, c.to)}</code></td>
                  <td data-label=${t(S.changes.command)}>
                    ${
                      c.valid
                        ? html`<code data-testid="command">${shownCommand(c, this.reveal)}</code>`
                        : html`<span class="error">${c.error ? t(c.error) : ''}</span>`
                    }
                  </td>
                  <td>
                    <button
                      type="button"
                      ?disabled=${busy}
                      aria-label=${`${t(S.changes.discardOne)} ${t(c.entry.label)}`}
                      @click=${() => store.revert(c.entry.name)}
                    >
                      ${t(S.changes.discardOne)}
                    </button>
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <h3>${t(S.changes.commandsHeading)}</h3>
      <pre data-testid="command-list" aria-label=${t(S.changes.commandsHeading)}>
${[...commands, ...(restart ? ['AT+Z'] : [])].join('\n')}</pre>
      ${restart ? html`<p class="muted">${t(S.changes.restartNote)}</p>` : nothing}
      <section class="card preview" aria-labelledby="preview-h" data-testid="server-preview">
        <h3 id="preview-h">${t(SERVER_PREVIEW.heading)}</h3>
        <p class="muted small">${t(SERVER_PREVIEW.intro)}</p>
        <dtu-server-preview .preview=${after} .changed=${changedParts(before, after)}></dtu-server-preview>
      </section>
      ${invalid ? html`<p class="notice error" role="alert">${t(S.changes.invalid)}</p>` : nothing}
      <dtu-risky-changes
        .risks=${risks}
        .confirmed=${!unconfirmed}
        @dtu-risk-confirm=${(e: CustomEvent<boolean>) => (this.confirmedRisk = e.detail ? riskKey(risks) : undefined)}
      ></dtu-risky-changes>
      <div class="actions">
        <button
          class="primary"
          type="button"
          data-testid="apply"
          ?disabled=${invalid || busy || unconfirmed || !this.session.ready}
          @click=${() => void this.apply(valuesToWrite(changes))}
        >
          ${this.i18n.p(S.changes.apply, changes.length)}
        </button>
        <button type="button" ?disabled=${busy} @click=${() => store.revertAll()}>
          ${t(S.changes.discard)}
        </button>
        ${
          anySecret
            ? html`<button
                type="button"
                aria-pressed=${this.reveal ? 'true' : 'false'}
                @click=${() => (this.reveal = !this.reveal)}
              >
                ${t(this.reveal ? S.settings.hide : S.settings.reveal)}
              </button>`
            : nothing
        }
      </div>
      ${this.session.ready ? nothing : html`<p class="muted">${t(S.app.notConnected)}</p>`}
    `;
  }

  private renderReport(report: ApplyReport) {
    return html`<section class="card" aria-labelledby="result-h" data-testid="apply-report">
      <h3 id="result-h">${this.i18n.t(S.changes.resultHeading)}</h3>
      <dtu-apply-report
        .report=${report}
        .proof=${this.store.value.linkProof}
        .expected=${serverPreview({ ...factoryDefaults(), ...(this.store.value.device ?? {}) }, this.store.value.identity ?? {}, this.reveal)}
        @dtu-proof-stop=${() => ProofRunner.current?.stop()}
        .reveal=${this.reveal}
        .restoreDisabled=${this.progress !== undefined || !this.session.ready}
        @dtu-restore=${() => void this.apply(restoreValues(report))}
      ></dtu-apply-report>
    </section>`;
  }

  override render() {
    if (!this.store.available) return nothing;
    const t = this.i18n.t.bind(this.i18n);
    const store = this.store.value;
    const changes = pendingChanges(SETTINGS, store.device, factoryDefaults(), store.draft);
    return html`
      <div class="head"><h2>${t(S.changes.heading)}</h2></div>
      ${
        this.progress
          ? html`<dtu-progress-bar
              data-testid="apply-progress"
              .value=${applyFraction(this.progress)}
              .label=${applyProgressLabel(this.progress, this.i18n.lang)}
            ></dtu-progress-bar>`
          : nothing
      }
      ${this.error ? html`<p class="notice error" role="alert">${this.i18n.f(S.changes.applyFailed, { error: this.error })}</p>` : nothing}
      ${store.report && !this.progress ? this.renderReport(store.report) : nothing}
      ${
        changes.length > 0
          ? this.renderChanges(changes)
          : html`<p class="muted" data-testid="no-changes">
              ${t(S.changes.none)} <a href="#settings">${t(S.nav.settings)}</a>
            </p>`
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-changes-view': DtuChangesView;
  }
}

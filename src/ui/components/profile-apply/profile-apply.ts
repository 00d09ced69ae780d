import { ContextConsumer } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { factoryDefaults } from '../../../protocol/catalogue';
import { recordApply, recordDevice, StorageError } from '../../../storage';
import '../apply-report/apply-report';
import '../progress-bar/progress-bar';
import '../profile-device/profile-device';
import { simulatorContext } from '../../context';
import { LanguageController } from '../../controllers/language-controller';
import { summarize, type SummaryTone } from '../../link-proof/findings';
import { ProofRunner } from '../../link-proof/proof-runner';
import '../../risky-changes/risky-changes';
import { riskKey, risksOf } from '../../risky-changes/risk';
import { serverPreview } from '../../server-preview/server-preview';
import { SessionController } from '../../controllers/session-controller';
import { StoreController } from '../../controllers/store-controller';
import { dtuEvent } from '../../events';
import { P } from '../../i18n/profile-strings';
import { S } from '../../i18n/strings';
import { applyFraction, applyProgressLabel } from '../../logic/apply-progress';
import { hasSecret, maskSecrets } from '../../logic/fields';
import {
  applyPlan,
  planCommands,
  planValues,
  shownPlanCommand,
  type ApplyPlan,
} from '../../logic/profile-plan';
import { restoreValues, toSettingResults } from '../../logic/profile-results';
import { loadPrivateMarks } from '../../secrets/private-marks';
import type { ApplyProgress, ApplyReport, Identity, UiSessionState } from '../../services/session-service';
import { base, tokens } from '../../styles/shared';
import { actionRowStyles, commandListStyles, tableStyles } from '../../styles/tables';

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

const transportOf = (s: UiSessionState) => ('transport' in s ? s.transport : undefined);

/** Where an apply of this element stands, for the page around it (`dtu-apply-status`). */
export interface ApplyStatus {
  readonly tone: SummaryTone;
  /** The report it is about (the link check in the store follows it: `summarize(report, linkProof)`). */
  readonly report: ApplyReport;
  /** When the write was made (epoch ms). */
  readonly at: number;
}

/**
 * Applying a profile (saved, or from a link) to the connected device, never by itself: first the device
 * is read, then the person sees every setting that will change with the exact AT command, and only the
 * Write button sends anything. The session writes, restarts and reads each value back; the result per
 * setting is shown and recorded in the device's history (`recordApply`). When something failed, the
 * values from before can be put back. Changes that alter how the module is reached need a confirmation
 * (risky-changes/); after the write the links are checked when the profile can affect them (link-proof/).
 * Emits `dtu-apply-status` when the result's summary changes (the link page's status line follows it) and
 * `dtu-close` when the person is done.
 */
@customElement('dtu-profile-apply')
export class DtuProfileApply extends LitElement {
  static override styles = [
    tokens,
    base,
    tableStyles,
    commandListStyles,
    actionRowStyles,
    css`
      h3 {
        margin-top: 12px;
      }
      pre {
        white-space: pre-wrap;
        word-break: break-all;
      }
    `,
  ];

  /** The profile's values. */
  @property({ attribute: false }) values: Readonly<Record<string, string>> = {};
  @property() profileName = '';
  /** The saved profile's id, for the history (none for a link not saved). */
  @property() profileId: string | undefined;

  private readonly i18n = new LanguageController(this);
  private readonly session = new SessionController(this);
  private readonly store = new StoreController(this);
  private readonly simulator = new ContextConsumer(this, { context: simulatorContext });

  @state() private confirmedRisk: string | undefined;
  private appliedAt = 0;
  private lastStatus = '';
  @state() private progress: ApplyProgress | undefined;
  @state() private report: ApplyReport | undefined;
  @state() private error: string | undefined;
  @state() private recordNote: string | undefined;
  @state() private reveal = false;

  private async identity(): Promise<Identity | undefined> {
    const store = this.store.value;
    if (store.identity) return store.identity;
    try {
      const id = await this.session.api.identify();
      store.setIdentity(id);
      return id;
    } catch {
      return undefined;
    }
  }

  private async write(values: Record<string, string>): Promise<void> {
    this.error = undefined;
    this.recordNote = undefined;
    this.progress = { phase: 'plan', done: 0, total: Object.keys(values).length };
    const store = this.store.value;
    const runner = new ProofRunner({
      session: this.session.api,
      store,
      simulator: this.simulator.value,
      transport: transportOf(this.session.state),
    });
    let report: ApplyReport | undefined;
    try {
      await runner.prepare();
      report = await this.session.api.apply(values, (p) => (this.progress = p));
      store.updateDevice(report.confirmed);
      this.appliedAt = Date.now();
      this.report = report;
    } catch (e) {
      this.error = this.i18n.f(S.changes.applyFailed, { error: message(e) });
      runner.finish();
    } finally {
      this.progress = undefined;
      this.confirmedRisk = undefined;
    }
    if (!report) return;
    await Promise.all([
      this.record(report),
      runner.run(report, { ...factoryDefaults(), ...(store.device ?? {}) }),
    ]);
  }

  override updated(): void {
    if (!this.report || !this.store.available) return;
    const summary = summarize(this.report, this.store.value.linkProof, this.i18n.lang);
    const key = `${summary.tone}@${this.appliedAt}`;
    if (key === this.lastStatus) return;
    this.lastStatus = key;
    const detail: ApplyStatus = { tone: summary.tone, report: this.report, at: this.appliedAt };
    this.dispatchEvent(new CustomEvent('dtu-apply-status', { detail, bubbles: true, composed: true }));
  }

  private async record(report: ApplyReport): Promise<void> {
    try {
      const id = await this.identity();
      if (!id || !(id.imei || id.sn)) throw new Error('no IMEI or SN');
      // The history withholds secrets, the person's private marks included (docs/security.md).
      await loadPrivateMarks();
      const device = await recordDevice({ imei: id.imei, sn: id.sn, firmware: id.version });
      await recordApply(device.id, {
        ...(this.profileId ? { profileId: this.profileId } : {}),
        ...(this.profileName ? { profileName: this.profileName } : {}),
        restarted: report.restarted,
        results: toSettingResults(report),
      });
      this.recordNote = this.i18n.t(P.apply.recorded);
    } catch (e) {
      const error = e instanceof StorageError ? this.i18n.t(e.text) : message(e);
      this.recordNote = this.i18n.f(P.apply.notRecorded, { error });
    }
  }

  private close(): void {
    this.dispatchEvent(dtuEvent('dtu-close', undefined));
  }

  private renderPlan(plan: ApplyPlan) {
    const t = this.i18n.t.bind(this.i18n);
    const anySecret = plan.changes.some((c) => hasSecret(c.entry, c.to) || hasSecret(c.entry, c.from));
    const ready = this.session.ready;
    const risks = risksOf(plan.changes.map((c) => ({ name: c.entry.name, from: c.from, to: c.to })));
    const unconfirmed = risks.length > 0 && this.confirmedRisk !== riskKey(risks);
    if (plan.changes.length === 0) {
      return html`<p class="notice ok" role="status" data-testid="profile-apply-nothing">
          ${t(P.apply.nothing)}
        </p>
        <div class="actions"><button type="button" @click=${this.close}>${t(P.apply.done)}</button></div>`;
    }
    return html`
      <p class="notice">${t(P.apply.review)}</p>
      <div class="table-wrap">
        <table data-testid="profile-apply-plan">
          <thead>
            <tr>
              <th scope="col">${t(S.changes.setting)}</th>
              <th scope="col">${t(P.apply.from)}</th>
              <th scope="col">${t(P.apply.to)}</th>
              <th scope="col">${t(P.apply.command)}</th>
            </tr>
          </thead>
          <tbody>
            ${plan.changes.map(
              (c) =>
                html`<tr data-setting=${c.entry.name}>
                  <td data-label=${t(S.changes.setting)}>${t(c.entry.label)}</td>
                  <td data-label=${t(P.apply.from)}>
                    ${
                      c.from === undefined
                        ? t(P.apply.notOnDevice)
                        : html`<code>${this.reveal ? c.from : maskSecrets(c.entry, c.from)}</code>`
                    }
                  </td>
                  <td data-label=${t(P.apply.to)}>
                    <code>${this.reveal ? c.to : maskSecrets(c.entry, c.to)}</code>
                  </td>
                  <td data-label=${t(P.apply.command)}>
                    <code data-testid="command">${shownPlanCommand(c, this.reveal)}</code>
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <h3 id="cmds-h">${t(S.changes.commandsHeading)}</h3>
      <pre data-testid="profile-apply-commands" aria-labelledby="cmds-h">
${planCommands(plan, this.reveal).join('\n')}</pre>
      ${plan.restart ? html`<p class="muted">${t(P.apply.restartNote)}</p>` : nothing}
      ${
        plan.unchanged.length > 0
          ? html`<p class="muted">${this.i18n.p(P.apply.unchanged, plan.unchanged.length)}</p>`
          : nothing
      }
      <dtu-risky-changes
        .risks=${risks}
        .confirmed=${!unconfirmed}
        @dtu-risk-confirm=${(e: CustomEvent<boolean>) => (this.confirmedRisk = e.detail ? riskKey(risks) : undefined)}
      ></dtu-risky-changes>
      <div class="actions">
        <button
          type="button"
          class="primary"
          data-testid="profile-apply-confirm"
          ?disabled=${!ready || unconfirmed || this.progress !== undefined}
          @click=${() => void this.write(planValues(plan))}
        >
          ${this.i18n.p(P.apply.confirm, plan.changes.length)}
        </button>
        <button type="button" ?disabled=${this.progress !== undefined} @click=${this.close}>
          ${t(P.apply.cancel)}
        </button>
        ${
          anySecret
            ? html`<button
                type="button"
                aria-pressed=${this.reveal ? 'true' : 'false'}
                @click=${() => (this.reveal = !this.reveal)}
              >
                ${t(this.reveal ? P.apply.hide : P.apply.reveal)}
              </button>`
            : nothing
        }
      </div>
    `;
  }

  private renderReport(report: ApplyReport) {
    return html`<section aria-labelledby="result-h" data-testid="profile-apply-report">
      <h3 id="result-h">${this.i18n.t(S.changes.resultHeading)}</h3>
      <dtu-apply-report
        data-testid="profile-apply-result"
        restoreTestid="profile-apply-restore"
        .report=${report}
        .proof=${this.store.value.linkProof}
        .expected=${serverPreview({ ...factoryDefaults(), ...(this.store.value.device ?? {}) }, this.store.value.identity ?? {}, this.reveal)}
        @dtu-proof-stop=${() => ProofRunner.current?.stop()}
        .reveal=${this.reveal}
        .restoreDisabled=${!this.session.ready || this.progress !== undefined}
        @dtu-restore=${() => void this.write(restoreValues(report))}
      >
        ${
          this.recordNote
            ? html`<p class="muted" slot="note" data-testid="profile-apply-recorded">${this.recordNote}</p>`
            : nothing
        }
        <button type="button" data-testid="profile-apply-close" @click=${this.close}>
          ${this.i18n.t(P.apply.done)}
        </button>
      </dtu-apply-report>
    </section>`;
  }

  override render() {
    if (!this.store.available || !this.session.available) return nothing;
    const t = this.i18n.t.bind(this.i18n);
    const device = this.store.value.device;
    const p = this.progress;
    return html`
      ${
        p
          ? html`<dtu-progress-bar
              data-testid="profile-apply-progress"
              .value=${applyFraction(p)}
              .label=${applyProgressLabel(p, this.i18n.lang)}
            ></dtu-progress-bar>`
          : nothing
      }
      ${this.error ? html`<p class="notice error" role="alert">${this.error}</p>` : nothing}
      ${
        this.report && !p
          ? this.renderReport(this.report)
          : !this.report && !p && (!device || !this.session.ready)
            ? html`<p class="muted">${t(P.apply.needDevice)}</p>
                <dtu-profile-device .profile=${this.values}></dtu-profile-device>
                <div class="actions">
                  <button type="button" @click=${this.close}>${t(P.apply.cancel)}</button>
                </div>`
            : !this.report && !p && device
              ? this.renderPlan(applyPlan(this.values, device))
              : nothing
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-profile-apply': DtuProfileApply;
  }
  interface HTMLElementEventMap {
    'dtu-apply-status': CustomEvent<ApplyStatus>;
  }
}

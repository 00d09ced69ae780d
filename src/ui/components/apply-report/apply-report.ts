import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { findCommand } from '../../../protocol/catalogue';
import { LanguageController } from '../../controllers/language-controller';
import { dtuEvent } from '../../events';
import { S } from '../../i18n/strings';
import { maskSecrets } from '../../logic/fields';
import { summarize, type ProofState } from '../../link-proof/findings';
import '../../link-proof/link-proof-list';
import { isFailure } from '../../logic/profile-results';
import type { ServerPreview } from '../../server-preview/server-preview';
import type { ApplyReport } from '../../services/session-service';
import { base, tokens } from '../../styles/shared';
import { actionRowStyles, tableStyles } from '../../styles/tables';

/**
 * The result of an apply (pending changes, a profile, a link): the summary (link-proof/findings.ts
 * `summarize`: green only for what was proven — with a link check, "all applied" only when the links came
 * up, else "Settings applied — socket A could not connect: …" in warning colour), one row
 * per setting with its outcome and the module's error, the link check per socket (`proof`), secrets masked
 * unless `reveal`, and the button to
 * put back the values from before when something failed or a link stayed down (`dtu-restore`; the
 * parent writes them).
 * Children go into the button row after it; children with `slot="note"` go between the table and the
 * buttons. Presentational.
 */
@customElement('dtu-apply-report')
export class DtuApplyReport extends LitElement {
  static override styles = [
    tokens,
    base,
    tableStyles,
    actionRowStyles,
    css`
      :host {
        display: block;
      }
      .outcome {
        font-weight: 600;
        white-space: nowrap;
      }
      .outcome.applied {
        color: var(--dtu-ok);
      }
      .outcome.unchanged {
        color: var(--dtu-muted);
      }
      .outcome.rejected,
      .outcome.not-reached {
        color: var(--dtu-error);
      }
      .notice.checking {
        background: var(--dtu-code-bg);
        color: var(--dtu-text);
      }
      .notice.warn {
        border-left: 5px solid #c98a00;
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) report!: ApplyReport;
  /** The link check after this apply, when one ran (the store's `linkProof`). */
  @property({ attribute: false }) proof: ProofState | undefined;
  /** What the server should see now, to compare the simulator's packets with. */
  @property({ attribute: false }) expected: ServerPreview | undefined;
  /** Show secrets (passwords) as they are instead of masked. */
  @property({ type: Boolean }) reveal = false;
  /** The restore button cannot be used now (no session, or a write under way). */
  @property({ type: Boolean }) restoreDisabled = false;
  @property() restoreTestid = 'restore';

  private readonly i18n = new LanguageController(this);

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const report = this.report;
    const bad = report.results.filter(isFailure);
    const proof = this.proof?.report === report ? this.proof : undefined;
    const summary = summarize(report, proof, this.i18n.lang);
    // A link that stays down after the apply: the values from before may be the way back too.
    const restore = bad.length > 0 || (proof?.kind === 'done' && summary.tone === 'warn');
    const buttons = restore || this.querySelector(':scope > :not([slot])') !== null;
    return html`
      <p
        class="notice ${summary.tone}"
        role=${summary.tone === 'error' || summary.tone === 'warn' ? 'alert' : 'status'}
        data-testid="apply-summary"
        data-tone=${summary.tone}
      >
        ${summary.text}
      </p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">${t(S.changes.setting)}</th>
              <th scope="col">${t(S.changes.to)}</th>
              <th scope="col">${t(S.changes.resultHeading)}</th>
            </tr>
          </thead>
          <tbody>
            ${report.results.map((r) => {
              const entry = findCommand(r.name);
              const value = entry && !this.reveal ? maskSecrets(entry, r.value) : r.value;
              return html`<tr data-setting=${r.name} data-outcome=${r.outcome}>
                <td data-label=${t(S.changes.setting)}>
                  ${entry ? t(entry.label) : r.name} <code>AT+${r.name}</code>
                </td>
                <td data-label=${t(S.changes.to)}><code>${value}</code></td>
                <td data-label=${t(S.changes.resultHeading)}>
                  <span class="outcome ${r.outcome}">${t(S.changes.outcome[r.outcome])}</span>
                  ${r.outcome === 'rejected' ? html`<br /><code>${r.error.raw}</code> ${t(r.error.meaning)}` : nothing}
                </td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      ${proof ? html`<dtu-link-proof .state=${proof} .expected=${this.expected}></dtu-link-proof>` : nothing}
      <slot name="note"></slot>
      ${
        buttons
          ? html`<div class="actions">
              ${
                restore
                  ? html`<button
                      type="button"
                      class="primary"
                      data-testid=${this.restoreTestid}
                      ?disabled=${this.restoreDisabled}
                      @click=${() => this.dispatchEvent(dtuEvent('dtu-restore', undefined))}
                    >
                      ${t(S.changes.restore)}
                    </button>`
                  : nothing
              }
              <slot></slot>
            </div>`
          : nothing
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-apply-report': DtuApplyReport;
  }
}

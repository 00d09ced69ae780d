import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { findCommand } from '../../../protocol/catalogue';
import { LanguageController } from '../../controllers/language-controller';
import { dtuEvent } from '../../events';
import { S } from '../../i18n/strings';
import { maskSecrets } from '../../logic/fields';
import { isFailure } from '../../logic/profile-results';
import type { ApplyReport } from '../../services/session-service';
import { base, tokens } from '../../styles/shared';
import { actionRowStyles, tableStyles } from '../../styles/tables';

/**
 * The result of an apply (pending changes, a profile, a link): "all applied" or "some failed", one row
 * per setting with its outcome and the module's error, secrets masked unless `reveal`, and the button to
 * put back the values from before when something failed (`dtu-restore`; the parent writes them).
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
    `,
  ];

  @property({ attribute: false }) report!: ApplyReport;
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
    const buttons = bad.length > 0 || this.querySelector(':scope > :not([slot])') !== null;
    return html`
      ${
        bad.length === 0
          ? html`<p class="notice ok" role="status">
              ${this.i18n.f(S.changes.allApplied, { n: report.results.length })}
            </p>`
          : html`<p class="notice error" role="alert">
              ${this.i18n.f(S.changes.someFailed, { failed: bad.length, n: report.results.length })}
            </p>`
      }
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
      <slot name="note"></slot>
      ${
        buttons
          ? html`<div class="actions">
              ${
                bad.length > 0
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

import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { findCommand } from '../../../protocol/catalogue';
import { LanguageController } from '../../controllers/language-controller';
import { P } from '../../i18n/profile-strings';
import { S } from '../../i18n/strings';
import { maskSecrets } from '../../logic/fields';
import { isFailure } from '../../logic/profile-results';
import type { ApplyReport } from '../../services/session-service';
import { base, tokens } from '../../styles/shared';
import { tableStyles } from './apply-styles';

/** The result of an apply, one row per setting with its outcome and the module's error. Presentational. */
@customElement('dtu-profile-apply-result')
export class DtuProfileApplyResult extends LitElement {
  static override styles = [tokens, base, tableStyles];

  @property({ attribute: false }) report!: ApplyReport;
  @property({ type: Boolean }) reveal = false;

  private readonly i18n = new LanguageController(this);

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const report = this.report;
    const bad = report.results.filter(isFailure);
    return html`
      ${
        bad.length === 0
          ? html`<p class="notice ok" role="status">
              ${this.i18n.f(P.apply.allApplied, { n: report.results.length })}
            </p>`
          : html`<p class="notice error" role="alert">
              ${this.i18n.f(P.apply.someFailed, { failed: bad.length, n: report.results.length })}
            </p>`
      }
      <div class="table-wrap">
        <table data-testid="profile-apply-result">
          <thead>
            <tr>
              <th scope="col">${t(P.apply.setting)}</th>
              <th scope="col">${t(P.apply.to)}</th>
              <th scope="col">${t(P.apply.result)}</th>
            </tr>
          </thead>
          <tbody>
            ${report.results.map((r) => {
              const entry = findCommand(r.name);
              const value = entry && !this.reveal ? maskSecrets(entry, r.value) : r.value;
              return html`<tr data-setting=${r.name} data-outcome=${r.outcome}>
                <td data-label=${t(P.apply.setting)}>
                  ${entry ? t(entry.label) : r.name} <code>AT+${r.name}</code>
                </td>
                <td data-label=${t(P.apply.to)}><code>${value}</code></td>
                <td data-label=${t(P.apply.result)}>
                  <span class="outcome ${r.outcome}">${t(S.changes.outcome[r.outcome])}</span>
                  ${r.outcome === 'rejected' ? html`<br /><code>${r.error.raw}</code> ${t(r.error.meaning)}` : nothing}
                </td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-profile-apply-result': DtuProfileApplyResult;
  }
}

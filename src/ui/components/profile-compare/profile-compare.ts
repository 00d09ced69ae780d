import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LanguageController } from '../../controllers/language-controller';
import { P } from '../../i18n/profile-strings';
import { maskSecrets } from '../../logic/fields';
import type { CompareRow } from '../../logic/profile-compare';
import { base, tokens } from '../../styles/shared';
import { tableStyles } from '../../styles/tables';

/**
 * The settings that differ between two sides (logic/profile-compare.ts) as a table: setting, left value,
 * right value. A side that does not hold a setting says so. Secrets are masked. Presentational.
 */
@customElement('dtu-profile-compare')
export class DtuProfileCompare extends LitElement {
  static override styles = [tokens, base, tableStyles];

  @property({ attribute: false }) rows: readonly CompareRow[] = [];
  @property() leftLabel = '';
  @property() rightLabel = '';

  private readonly i18n = new LanguageController(this);

  private cell(row: CompareRow, value: string | undefined, label: string) {
    if (value === undefined)
      return html`<td data-label=${label} class="muted">${this.i18n.t(P.compare.notHeld)}</td>`;
    const shown = row.entry ? maskSecrets(row.entry, value) : value;
    return html`<td data-label=${label}>
      <code>${shown === '' ? this.i18n.t(P.values.empty) : shown}</code>
    </td>`;
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    if (this.rows.length === 0) {
      return html`<p class="notice ok" role="status" data-testid="compare-same">${t(P.compare.same)}</p>`;
    }
    return html`<p role="status" data-testid="compare-count">
        ${this.i18n.f(P.compare.differ, { n: this.rows.length })}
      </p>
      <div class="table-wrap">
        <table data-testid="compare-table">
          <caption class="visually-hidden">
            ${t(P.compare.table)}
          </caption>
          <thead>
            <tr>
              <th scope="col">${t(P.compare.setting)}</th>
              <th scope="col">${this.leftLabel}</th>
              <th scope="col">${this.rightLabel}</th>
            </tr>
          </thead>
          <tbody>
            ${this.rows.map(
              (r) =>
                html`<tr data-setting=${r.name}>
                  <th scope="row">${r.entry ? t(r.entry.label) : r.name} <code>AT+${r.name}</code></th>
                  ${this.cell(r, r.left, this.leftLabel)} ${this.cell(r, r.right, this.rightLabel)}
                </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-profile-compare': DtuProfileCompare;
  }
}

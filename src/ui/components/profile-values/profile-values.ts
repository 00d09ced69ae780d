import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { findCommand, SETTING_NAMES } from '../../../protocol/catalogue';
import { LanguageController } from '../../controllers/language-controller';
import { P } from '../../i18n/profile-strings';
import { maskSecrets } from '../../logic/fields';
import { base, tokens } from '../../styles/shared';
import { tableStyles } from '../../styles/tables';

/**
 * A profile's settings, read-only, in editor order, each with its catalogue label and command name.
 * Values are text (never HTML); secrets are masked. Presentational.
 */
@customElement('dtu-profile-values')
export class DtuProfileValues extends LitElement {
  static override styles = [tokens, base, tableStyles];

  @property({ attribute: false }) values: Readonly<Record<string, string>> = {};
  @property() caption = '';

  private readonly i18n = new LanguageController(this);

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const names = SETTING_NAMES.filter((n) => Object.hasOwn(this.values, n));
    return html`<div class="table-wrap">
      <table data-testid="profile-values">
        <caption class="visually-hidden">
          ${this.caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t(P.values.setting)}</th>
            <th scope="col">${t(P.values.value)}</th>
          </tr>
        </thead>
        <tbody>
          ${names.map((name) => {
            const entry = findCommand(name);
            const value = this.values[name] ?? '';
            const shown = entry ? maskSecrets(entry, value) : value;
            return html`<tr data-setting=${name}>
              <th scope="row">${entry ? t(entry.label) : name} <code>AT+${name}</code></th>
              <td data-label=${t(P.values.value)}>
                <code>${shown === '' ? t(P.values.empty) : shown}</code>
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-profile-values': DtuProfileValues;
  }
}

import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { StoredProfile } from '../../../storage';
import { LanguageController } from '../../controllers/language-controller';
import { StoreController } from '../../controllers/store-controller';
import '../../device-model/model-note';
import { MODEL } from '../../device-model/strings';
import { P } from '../../i18n/profile-strings';
import { compareValues } from '../../logic/profile-compare';
import { base, tokens } from '../../styles/shared';
import '../profile-device/profile-device';
import './profile-compare';

/**
 * Compare one profile with the device (the values last read; only the settings the profile holds) or
 * with another saved profile (every setting either holds). The device can be connected and read here.
 */
@customElement('dtu-profile-compare-panel')
export class DtuProfileComparePanel extends LitElement {
  static override styles = [
    tokens,
    base,
    css`
      label {
        margin: 0 0 12px;
      }
      select {
        max-width: 100%;
      }
    `,
  ];

  @property({ attribute: false }) stored!: StoredProfile;
  /** The other saved profiles. */
  @property({ attribute: false }) others: readonly StoredProfile[] = [];

  /** `device` or another profile's id. */
  @state() private target = 'device';

  private readonly i18n = new LanguageController(this);
  private readonly store = new StoreController(this);

  override render() {
    if (!this.store.available) return nothing;
    const t = this.i18n.t.bind(this.i18n);
    const device = this.store.value.device;
    const other = this.others.find((o) => o.id === this.target);
    const target = other ? 'profile' : 'device';
    const name = this.stored.profile.name;
    return html`
      <label
        >${t(P.compare.with)}
        <select
          data-testid="compare-with"
          @change=${(e: Event) => (this.target = (e.target as HTMLSelectElement).value)}
        >
          <option value="device" ?selected=${target === 'device'}>
            ${t(device ? P.compare.device : P.compare.deviceNotRead)}
          </option>
          ${this.others.map(
            (o) =>
              html`<option value=${o.id} ?selected=${o.id === this.target}>
                ${this.i18n.f(P.compare.profile, { name: o.profile.name })}
              </option>`,
          )}
        </select>
      </label>
      ${
        other
          ? html`<dtu-profile-compare
              .rows=${compareValues(this.stored.profile.values, other.profile.values)}
              .leftLabel=${name}
              .rightLabel=${other.profile.name}
            ></dtu-profile-compare>`
          : device
            ? html`<p class="muted">${t(P.compare.deviceNote)}</p>
                <dtu-model-note quiet readable .lead=${t(MODEL.compare.note)}></dtu-model-note>
                <dtu-profile-compare
                  .rows=${compareValues(this.stored.profile.values, device, { leftOnly: true })}
                  .leftLabel=${name}
                  .rightLabel=${t(P.apply.from)}
                ></dtu-profile-compare>`
            : html`<dtu-profile-device></dtu-profile-device>`
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-profile-compare-panel': DtuProfileComparePanel;
  }
}

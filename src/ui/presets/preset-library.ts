import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { encodeShareLink } from '../../profile/share-link';
import { LanguageController } from '../controllers/language-controller';
import { base, tokens } from '../styles/shared';
import { PRESETS, presetProfile, type Preset } from './presets';
import { PRESET_TEXT } from './strings';

/**
 * The preset library under the profiles: one card per preset (presets.ts) with what it does and the manual
 * sections, and "Review", which opens it exactly as a shared link opens (the link preview: read-only,
 * compare with the device, "Save as profile", "Apply to device"). The SMS card says why there is no SMS
 * transparent preset.
 */
@customElement('dtu-preset-library')
export class DtuPresetLibrary extends LitElement {
  static override styles = [
    tokens,
    base,
    css`
      :host {
        display: block;
        margin: 0 0 16px;
      }
      summary {
        cursor: pointer;
        font-weight: 600;
        padding: 4px 0;
      }
      .grid {
        display: grid;
        gap: 12px;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 250px), 1fr));
        margin: 8px 0 0;
        padding: 0;
        list-style: none;
      }
      .grid li {
        display: flex;
        flex-direction: column;
        gap: 6px;
        margin: 0;
      }
      h4 {
        margin: 0;
        font-size: 1rem;
      }
      .grid p {
        margin: 0;
        flex: 1 1 auto;
      }
      .grid li > :last-child {
        align-self: flex-start;
      }
    `,
  ];

  @state() private opening: string | undefined;

  private readonly i18n = new LanguageController(this);

  /** The preset as a share link's fragment, opened by the shell's link preview. */
  private async open(preset: Preset): Promise<void> {
    this.opening = preset.id;
    try {
      const link = await encodeShareLink(presetProfile(preset, this.i18n.lang));
      location.hash = `#${link.fragment}`;
    } finally {
      this.opening = undefined;
    }
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const f = this.i18n.f.bind(this.i18n);
    return html`<details class="card" open data-testid="preset-library">
      <summary>${t(PRESET_TEXT.heading)}</summary>
      <p class="muted">${t(PRESET_TEXT.intro)}</p>
      <ul class="grid">
        ${PRESETS.map(
          (p) =>
            html`<li class="card" data-preset=${p.id}>
              <h4>${t(p.title)}</h4>
              <span class="muted small"
                >${f(PRESET_TEXT.settings, { n: Object.keys(p.values).length })} ·
                ${f(PRESET_TEXT.manual, { section: p.manual })}</span
              >
              <p class="small">${t(p.summary)}</p>
              <button
                type="button"
                data-testid=${`preset-${p.id}`}
                aria-label=${`${t(PRESET_TEXT.review)}: ${t(p.title)}`}
                ?disabled=${this.opening !== undefined}
                @click=${() => void this.open(p)}
              >
                ${t(this.opening === p.id ? PRESET_TEXT.opening : PRESET_TEXT.review)}
              </button>
            </li>`,
        )}
        <li class="card" data-preset="sms">
          <h4>${t(PRESET_TEXT.sms.title)}</h4>
          <span class="muted small">${f(PRESET_TEXT.manual, { section: '2.1, 3.1.5' })}</span>
          <p class="small">${t(PRESET_TEXT.sms.body)}</p>
          <a href="#tools">${t(PRESET_TEXT.sms.tools)}</a>
        </li>
      </ul>
    </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-preset-library': DtuPresetLibrary;
  }
}

import { ContextConsumer } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { buildBundle, bundleFileName, bundleToJson } from '../../profile/bundle/build';
import type { SupportBundle } from '../../profile/bundle/format';
import { bundleLink, MAX_BUNDLE_LINK_CHARS } from '../../profile/bundle/link';
import { visibleText } from '../../protocol/visible-text';
import '../components/link-qr/link-qr';
import type { LinkQrText } from '../components/link-qr/link-qr';
import { downloadText } from '../components/profile-files/download';
import { simulatorContext } from '../context';
import { LanguageController } from '../controllers/language-controller';
import { SessionController } from '../controllers/session-controller';
import { StoreController } from '../controllers/store-controller';
import { settingLabel } from '../logic/profile-format';
import { loadPrivateMarks } from '../secrets/private-marks';
import type { SimulatorService } from '../services/simulator-service';
import { base, tokens } from '../styles/shared';
import { gatherSource, type Gathered } from './bundle-source';
import { SUPPORT } from './strings';

/** A change of the session or the store makes the bundle again after this quiet time, ms. */
const REMAKE_MS = 500;

const LINK_TEXT: LinkQrText = {
  link: SUPPORT.make.link,
  length: SUPPORT.make.linkLength,
  copy: SUPPORT.make.copy,
  copied: SUPPORT.make.copied,
  copyFailed: SUPPORT.make.copyFailed,
  qr: SUPPORT.make.qr,
  qrTooLong: SUPPORT.make.qrTooLong,
};

interface Made {
  readonly bundle: SupportBundle;
  /** What would be withheld without the opt-in (to name it while the opt-in is on). */
  readonly secretNames: readonly string[];
  readonly link: { readonly url: string } | { readonly tooLong: number };
}

/**
 * "Make a support bundle" (customer side): what the bundle holds, the opt-in for passwords (off by
 * default; the settings withheld are named), the file to download, and a link with its QR code when the
 * bundle is small enough ("too large for a link — send the file" otherwise).
 */
@customElement('dtu-make-bundle')
export class DtuMakeBundle extends LitElement {
  static override styles = [
    tokens,
    base,
    css`
      ul {
        margin: 4px 0 8px;
        padding-left: 20px;
      }
    `,
  ];

  @state() private includeSecrets = false;
  @state() private made: Made | undefined;
  @state() private saved: string | undefined;

  private readonly i18n = new LanguageController(this);
  private readonly store = new StoreController(this);
  private readonly session = new SessionController(this);
  private simulator: SimulatorService | undefined;
  private making = 0;

  constructor() {
    super();
    new ContextConsumer(this, { context: simulatorContext, callback: (s) => (this.simulator = s) });
  }

  private offChanges: (() => void) | undefined;
  private remake: ReturnType<typeof setTimeout> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.make();
    // What the bundle holds follows the session while the view is open (at most twice a second).
    const schedule = (): void => {
      clearTimeout(this.remake);
      this.remake = setTimeout(() => void this.make(), REMAKE_MS);
    };
    const offStore = this.store.available ? this.store.value.subscribe(schedule) : () => undefined;
    const offTraffic = this.session.available ? this.session.api.onTraffic(schedule) : () => undefined;
    this.offChanges = () => {
      offStore();
      offTraffic();
    };
  }

  override disconnectedCallback(): void {
    this.offChanges?.();
    clearTimeout(this.remake);
    super.disconnectedCallback();
  }

  private async make(): Promise<void> {
    const run = ++this.making;
    await loadPrivateMarks();
    const gathered: Gathered = await gatherSource(this.store.value, this.session.api, this.simulator);
    if (run !== this.making) return;
    const createdAt = new Date();
    const withheld = buildBundle({ ...gathered, createdAt, includeSecrets: false });
    const bundle = this.includeSecrets
      ? buildBundle({ ...gathered, createdAt, includeSecrets: true })
      : withheld;
    const link = await bundleLink(bundle, location.href);
    if (run !== this.making) return;
    const made: Made['link'] = link.ok ? { url: link.url } : { tooLong: link.length };
    this.made = { bundle, secretNames: withheld.withheld, link: made };
  }

  private setInclude(on: boolean): void {
    this.includeSecrets = on;
    this.saved = undefined;
    void this.make();
  }

  private async download(): Promise<void> {
    // Exactly what the session holds now, not what it held when the view was drawn.
    clearTimeout(this.remake);
    await this.make();
    const made = this.made;
    if (!made) return;
    const file = bundleFileName(new Date(made.bundle.createdAt));
    downloadText(file, bundleToJson(made.bundle), 'application/json');
    this.saved = file;
  }

  private list(names: readonly string[]): string {
    const lang = this.i18n.lang;
    return names.map((n) => settingLabel(n, lang)).join(lang === 'zh' ? '、' : ', ');
  }

  private renderLink(made: Made) {
    const f = this.i18n.f.bind(this.i18n);
    const link = made.link;
    if ('tooLong' in link) {
      return html`<p class="notice" data-testid="bundle-too-large">
        ${f(SUPPORT.make.tooLarge, { n: link.tooLong, max: MAX_BUNDLE_LINK_CHARS })}
      </p>`;
    }
    return html`<dtu-link-qr testid-prefix="bundle" .url=${link.url} .text=${LINK_TEXT}></dtu-link-qr>`;
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const f = this.i18n.f.bind(this.i18n);
    const made = this.made;
    if (!made) return html`<p aria-busy="true">${t(SUPPORT.make.making)}</p>`;
    const b = made.bundle;
    const id = b.identity;
    const settings = new Set([...Object.keys(b.before), ...Object.keys(b.after), ...b.withheld]).size;
    if (b.log.entries.length === 0 && settings === 0)
      return html`<p class="notice" data-testid="bundle-nothing">${t(SUPPORT.make.nothing)}</p>`;
    return html`
      <p>${t(SUPPORT.make.holds)}</p>
      <ul data-testid="bundle-holds">
        <li>
          ${t(SUPPORT.make.identity)}
          ${
            id
              ? html`<span data-device-data translate="no"
                  >${visibleText(`${id.version} · SN ${id.sn} · IMEI ${id.imei} · ICCID ${id.iccid}`)}</span
                >`
              : t(SUPPORT.make.noIdentity)
          }
        </li>
        <li>${this.i18n.p(SUPPORT.make.settings, settings)}</li>
        <li>${b.apply ? t(SUPPORT.make.report) : t(SUPPORT.make.noReport)}</li>
        <li>${this.i18n.p(SUPPORT.make.log, b.log.entries.length)}</li>
        <li>${f(SUPPORT.make.app, { version: b.app.version })}</li>
      </ul>
      ${
        made.secretNames.length === 0
          ? html`<p class="muted">${t(SUPPORT.make.noSecrets)}</p>`
          : this.includeSecrets
            ? html`<p class="notice error" role="alert" data-testid="bundle-secrets-warning">
                ${f(SUPPORT.make.includeWarning, { list: this.list(made.secretNames) })}
              </p>`
            : html`<p class="notice" data-testid="bundle-withheld">
                ${f(SUPPORT.make.withheld, { list: this.list(made.secretNames) })}
              </p>`
      }
      ${
        made.secretNames.length > 0
          ? html`<label class="inline">
              <input
                type="checkbox"
                data-testid="bundle-include-secrets"
                .checked=${this.includeSecrets}
                @change=${(e: Event) => this.setInclude((e.target as HTMLInputElement).checked)}
              />
              ${t(SUPPORT.make.include)}
            </label>`
          : nothing
      }
      <div class="row">
        <button
          type="button"
          class="primary"
          data-testid="bundle-download"
          @click=${() => void this.download()}
        >
          ${t(SUPPORT.make.download)}
        </button>
        <span role="status" data-testid="bundle-saved"
          >${this.saved ? f(SUPPORT.make.downloaded, { file: this.saved }) : ''}</span
        >
      </div>
      ${this.renderLink(made)}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-make-bundle': DtuMakeBundle;
  }
}

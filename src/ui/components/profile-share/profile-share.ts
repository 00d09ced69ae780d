import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  encodeShareLink,
  factoryValued,
  shareUrl,
  withheldSecrets,
  withoutFactoryValues,
} from '../../../profile';
import type { Profile } from '../../../profile/profile';
import '../dialog/dialog';
import '../link-qr/link-qr';
import type { LinkQrText } from '../link-qr/link-qr';
import { LanguageController } from '../../controllers/language-controller';
import { dtuEvent } from '../../events';
import { P } from '../../i18n/profile-strings';
import { settingLabel } from '../../logic/profile-format';
import { loadPrivateMarks } from '../../secrets/private-marks';
import { PRESET_TEXT } from '../../presets/strings';
import { base, tokens } from '../../styles/shared';

const LINK_TEXT: LinkQrText = {
  link: P.share.link,
  length: P.share.length,
  copy: P.share.copy,
  copied: P.share.copied,
  copyFailed: P.share.copyFailed,
  qr: P.share.qr,
  qrTooLong: P.share.qrTooLong,
};

interface Made {
  readonly url: string;
  readonly withheld: readonly string[];
}

/**
 * The share dialog: the profile as a link (`#p=…`, docs/profiles.md), a copy button and its QR code.
 * Passwords stay out unless the person ticks the opt-in, which lists exactly which settings would then
 * carry one. The link, copy button and QR code are `<dtu-link-qr>` (the QR code an `<img>` data URL, so
 * nothing of the profile is ever parsed as HTML). Emits `dtu-close`.
 */
@customElement('dtu-profile-share')
export class DtuProfileShare extends LitElement {
  static override styles = [tokens, base];

  @property({ attribute: false }) profile: Profile | undefined;
  @property({ type: Boolean }) open = false;

  @state() private includeSecrets = false;
  /** Leave out the settings at their factory value (the link says only what was configured). */
  @state() private onlyChanged = false;
  @state() private made: Made | undefined;

  private readonly i18n = new LanguageController(this);
  private making = 0;

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('profile')) {
      this.includeSecrets = false;
      this.onlyChanged = false;
    }
    if (
      (changed.has('profile') ||
        changed.has('includeSecrets') ||
        changed.has('onlyChanged') ||
        changed.has('open')) &&
      this.open
    )
      void this.make();
  }

  private async make(): Promise<void> {
    const profile = this.profile;
    if (!profile) return;
    const run = ++this.making;
    this.made = undefined;
    // The person's private marks (registration/heartbeat data) decide what is withheld too.
    await loadPrivateMarks();
    if (run !== this.making) return;
    const shared = this.onlyChanged ? withoutFactoryValues(profile) : profile;
    const link = await encodeShareLink(shared, { includeSecrets: this.includeSecrets });
    if (run !== this.making) return;
    this.made = { url: shareUrl(location.href, link), withheld: link.withheld };
  }

  private list(names: readonly string[]): string {
    const lang = this.i18n.lang;
    return names.map((n) => settingLabel(n, lang)).join(lang === 'zh' ? '、' : ', ');
  }

  private renderSecrets() {
    const t = this.i18n.t.bind(this.i18n);
    const secrets = this.profile ? withheldSecrets(this.profile) : [];
    if (secrets.length === 0) return html`<p class="muted">${t(P.share.noSecrets)}</p>`;
    return html`
      ${
        this.includeSecrets
          ? html`<p class="notice error" role="alert" data-testid="share-secrets-warning">
              ${this.i18n.f(P.share.secretsWarning, { list: this.list(secrets) })}
            </p>`
          : html`<p class="notice" data-testid="share-withheld">
              ${this.i18n.f(P.share.withheld, { list: this.list(secrets) })}
            </p>`
      }
      <label class="inline">
        <input
          type="checkbox"
          data-testid="share-include-secrets"
          .checked=${this.includeSecrets}
          @change=${(e: Event) => (this.includeSecrets = (e.target as HTMLInputElement).checked)}
        />
        ${t(P.share.includeSecrets)}
      </label>
    `;
  }

  /** The choice to leave out settings at their factory value, when some (not all) are. */
  private renderOnlyChanged() {
    const values = this.profile?.values ?? {};
    const n = factoryValued(values).length;
    if (n === 0 || n === Object.keys(values).length) return nothing;
    return html`<label class="inline">
      <input
        type="checkbox"
        data-testid="share-only-changed"
        .checked=${this.onlyChanged}
        @change=${(e: Event) => (this.onlyChanged = (e.target as HTMLInputElement).checked)}
      />
      ${this.i18n.f(PRESET_TEXT.shareOnlyChanged, { n })}
    </label>`;
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const made = this.made;
    return html`<dtu-dialog
      .heading=${this.i18n.f(P.share.heading, { name: this.profile?.name ?? '' })}
      .closeLabel=${t(P.share.close)}
      ?open=${this.open}
      @dtu-close=${(e: Event) => {
        e.stopPropagation();
        this.dispatchEvent(dtuEvent('dtu-close', undefined));
      }}
    >
      <p>${t(P.share.intro)}</p>
      ${this.renderSecrets()} ${this.renderOnlyChanged()}
      ${
        made
          ? html`<dtu-link-qr
              prominent
              testid-prefix="share"
              .url=${made.url}
              .text=${LINK_TEXT}
            ></dtu-link-qr>`
          : html`<p aria-busy="true">${t(P.share.making)}</p>`
      }
      <button
        slot="footer"
        type="button"
        @click=${() => this.dispatchEvent(dtuEvent('dtu-close', undefined))}
      >
        ${t(P.share.close)}
      </button>
    </dtu-dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-profile-share': DtuProfileShare;
  }
}

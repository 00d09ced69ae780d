import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { bundleFragmentOf, readBundleLink } from '../../profile/bundle/link';
import { bundleTooLarge, readBundle, type BundleRead } from '../../profile/bundle/read';
import type { SupportBundle } from '../../profile/bundle/format';
import type { UnknownSetting } from '../../profile/bundle/read';
import { MAX_BUNDLE_CHARS } from '../../profile/bundle/format';
import { profileFromBundle } from '../../profile/bundle/to-profile';
import { visibleText } from '../../protocol/visible-text';
import { addProfile } from '../../storage/profiles';
import { StorageError } from '../../storage/errors';
import { settingLabel } from '../logic/profile-format';
import { LanguageController } from '../controllers/language-controller';
import { base, tokens } from '../styles/shared';
import './bundle-replay';
import './bundle-viewer';
import './make-bundle';
import { SUPPORT } from './strings';

interface Opened {
  readonly bundle: SupportBundle;
  readonly unknown: readonly UnknownSetting[];
}

/**
 * The Support view (docs/support.md): on the customer's side "Make a support bundle"; on the support side
 * "Open a bundle" (a file, or a `#support/b=1.…` link) shown read-only, and "Replay on the simulator".
 */
@customElement('dtu-support-view')
export class DtuSupportView extends LitElement {
  static override styles = [
    tokens,
    base,
    css`
      input[type='file'] {
        max-width: 100%;
      }
    `,
  ];

  @state() private opened: Opened | undefined;
  @state() private problem: string | undefined;
  @state() private busy: string | undefined;
  /** What "copy into a new profile" did. */
  @state() private saved: string | undefined;

  private readonly i18n = new LanguageController(this);
  private readonly onHash = (): void => void this.openLink();

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHash);
    void this.openLink();
  }

  override disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.onHash);
    super.disconnectedCallback();
  }

  private show(read: BundleRead, failure: (reason: string) => string): void {
    if (read.ok) {
      this.opened = { bundle: read.bundle, unknown: read.unknownSettings };
      this.problem = undefined;
      this.saved = undefined;
    } else {
      const t = this.i18n.t.bind(this.i18n);
      const detail = read.error.problems.map((p) => t(p.message));
      this.problem = [failure(t(read.error.message)), ...detail].join('\n');
    }
  }

  /** A bundle link (`#support/b=1.…`) opens here, read-only. */
  private async openLink(): Promise<void> {
    const fragment = bundleFragmentOf(location.hash);
    if (fragment === undefined) return;
    const read = await readBundleLink(fragment);
    this.show(read, (reason) => this.i18n.f(SUPPORT.open.refusedLink, { reason }));
  }

  private async pick(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const name = visibleText(file.name, { max: 80 });
    this.busy = this.i18n.f(SUPPORT.open.reading, { file: name });
    try {
      const failure = (reason: string): string => this.i18n.f(SUPPORT.open.refused, { file: name, reason });
      // A file far past the limit is refused before it is read (UTF-8: up to 4 bytes a character).
      if (file.size > MAX_BUNDLE_CHARS * 4) {
        this.show(bundleTooLarge(file.size), failure);
        return;
      }
      let text: string;
      try {
        text = await file.text();
      } catch {
        this.problem = this.i18n.t(SUPPORT.open.openFailed);
        return;
      }
      this.show(readBundle(text), failure);
    } finally {
      this.busy = undefined;
      input.value = '';
    }
  }

  private close(): void {
    this.opened = undefined;
    this.saved = undefined;
  }

  /** Only on request: the bundle's "after" values as a new profile (never applied from here). */
  private async toProfile(bundle: SupportBundle): Promise<void> {
    const lang = this.i18n.lang;
    const made = profileFromBundle(bundle, Date.now());
    try {
      await addProfile(made.profile);
    } catch (e) {
      const reason = e instanceof StorageError ? this.i18n.t(e.text) : String(e);
      this.saved = this.i18n.f(SUPPORT.open.toProfileFailed, { reason });
      return;
    }
    const left = [...made.secrets, ...made.invalid];
    this.saved = [
      this.i18n.f(SUPPORT.open.toProfileDone, {
        name: made.profile.name,
        n: Object.keys(made.profile.values).length,
      }),
      left.length > 0
        ? this.i18n.f(SUPPORT.open.toProfileLeftOut, {
            list: left.map((n) => settingLabel(n, lang)).join(lang === 'zh' ? '、' : ', '),
          })
        : '',
    ].join(' ');
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const opened = this.opened;
    return html`
      <h2>${t(SUPPORT.heading)}</h2>
      <p class="muted">${t(SUPPORT.intro)}</p>
      <section class="card" aria-labelledby="make">
        <h3 id="make">${t(SUPPORT.make.heading)}</h3>
        <dtu-make-bundle></dtu-make-bundle>
      </section>
      <section class="card" aria-labelledby="open">
        <h3 id="open">${t(SUPPORT.open.heading)}</h3>
        <p class="muted small">${t(SUPPORT.open.hint)}</p>
        <label
          >${t(SUPPORT.open.pick)}
          <input
            type="file"
            data-testid="bundle-open"
            accept=".json,application/json"
            ?disabled=${this.busy !== undefined}
            @change=${(e: Event) => void this.pick(e)}
          />
        </label>
        ${this.busy ? html`<p class="muted" role="status" aria-busy="true">${this.busy}</p>` : nothing}
        ${this.problem ? html`<p class="notice error" role="alert" data-testid="bundle-problem" style="white-space: pre-line">${this.problem}</p>` : nothing}
        ${
          opened
            ? html`<dtu-bundle-viewer
                  .bundle=${opened.bundle}
                  .unknownSettings=${opened.unknown}
                ></dtu-bundle-viewer>
                <div class="row">
                  <button
                    type="button"
                    data-testid="bundle-to-profile"
                    @click=${() => void this.toProfile(opened.bundle)}
                  >
                    ${t(SUPPORT.open.toProfile)}
                  </button>
                  <button type="button" data-testid="bundle-close" @click=${() => this.close()}>
                    ${t(SUPPORT.open.close)}
                  </button>
                </div>
                ${this.saved ? html`<p class="notice ok" role="status" data-testid="bundle-profile-saved">${this.saved}</p>` : nothing}`
            : nothing
        }
      </section>
      ${
        opened
          ? html`<section class="card" aria-labelledby="replay">
              <h3 id="replay">${t(SUPPORT.replay.heading)}</h3>
              <dtu-bundle-replay .bundle=${opened.bundle}></dtu-bundle-replay>
            </section>`
          : nothing
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-support-view': DtuSupportView;
  }
}

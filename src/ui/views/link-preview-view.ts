import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { decodeShareLink, withheldSecrets, type LinkResult } from '../../profile';
import { describeThrown } from '../../profile/import/report';
import { visibleText } from '../../protocol/visible-text';
import { StorageError } from '../../storage';
import '../components/profile-apply/profile-apply';
import type { ApplyStatus } from '../components/profile-apply/profile-apply';
import '../components/profile-compare/profile-compare';
import '../components/profile-device/profile-device';
import { saveNewProfile } from '../components/profile-store/profile-saving';
import '../components/profile-store/storage-notice';
import '../components/profile-values/profile-values';
import { LanguageController } from '../controllers/language-controller';
import '../import/unexpected-problem';
import { StoreController } from '../controllers/store-controller';
import '../device-model/model-note';
import { MODEL } from '../device-model/strings';
import { P } from '../i18n/profile-strings';
import { compareValues } from '../logic/profile-compare';
import { formatTime, problemText, settingLabel } from '../logic/profile-format';
import { langTag } from '../i18n/language';
import { summarize } from '../link-proof/findings';
import { base, tokens } from '../styles/shared';
import { viewStyles } from './view-styles';

/**
 * A profile that arrived in a link (`#p=…`): decoded (docs/profiles.md, "Share links"), shown read-only —
 * name and notes as text, the settings with their catalogue labels, and the differences from the
 * connected device — or the decoder's error, plainly. Nothing is stored or sent until the person chooses
 * "Save as profile" or "Apply to device", and applying goes through the same review-then-write flow as a
 * saved profile.
 */
@customElement('dtu-link-preview-view')
export class DtuLinkPreviewView extends LitElement {
  static override styles = [
    tokens,
    base,
    viewStyles,
    css`
      .name {
        font-size: 1.15rem;
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      .notes {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        margin: 0;
      }
      dd.text {
        font-family: inherit;
        word-break: normal;
        overflow-wrap: anywhere;
      }
      .actions {
        margin: 12px 0;
      }
      ul {
        padding-left: 20px;
      }
    `,
  ];

  /** The link text after `#`: `p=1.…`. */
  @property() fragment = '';

  @state() private result: LinkResult | undefined;
  @state() private applying = false;
  @state() private saved: string | undefined;
  @state() private saveError: string | undefined;
  /** A fault inside the app while saving: shown as "unexpected problem", its detail only to copy. */
  @state() private saveFault: string | undefined;
  @state() private saving = false;
  /** Where the last apply of this link stands (the status line follows the report). */
  @state() private applyStatus: ApplyStatus | undefined;

  private readonly i18n = new LanguageController(this);
  private readonly store = new StoreController(this);
  private decoding = 0;

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('fragment')) {
      this.result = undefined;
      this.applying = false;
      this.saved = undefined;
      this.saveError = undefined;
      this.saveFault = undefined;
      this.applyStatus = undefined;
      void this.decode(this.fragment);
    }
  }

  private async decode(fragment: string): Promise<void> {
    const run = ++this.decoding;
    const result = await decodeShareLink(fragment);
    if (run === this.decoding) this.result = result;
  }

  private async save(): Promise<void> {
    if (!this.result?.ok) return;
    const profile = this.result.profile;
    this.saving = true;
    this.saveError = undefined;
    this.saveFault = undefined;
    try {
      await saveNewProfile(profile);
      this.saved = profile.name;
    } catch (e) {
      if (e instanceof StorageError) this.saveError = this.i18n.t(e.text);
      else this.saveFault = describeThrown(e);
    } finally {
      this.saving = false;
    }
  }

  private close(): void {
    location.hash = '#profiles';
  }

  private renderError(result: Extract<LinkResult, { ok: false }>): TemplateResult {
    const t = this.i18n.t.bind(this.i18n);
    const lang = this.i18n.lang;
    const problems = result.error.problems ?? [];
    return html`<div
      class="notice error"
      role="alert"
      data-testid="link-error"
      data-code=${result.error.code}
    >
      <h3>${t(P.link.error)}</h3>
      <p>${visibleText(t(result.error.message))}</p>
      ${
        problems.length > 0
          ? html`<ul>
              ${problems.map((p) => html`<li>${problemText(p, lang)}</li>`)}
            </ul>`
          : nothing
      }
    </div>`;
  }

  private renderProfile(result: Extract<LinkResult, { ok: true }>): TemplateResult {
    const t = this.i18n.t.bind(this.i18n);
    const f = this.i18n.f.bind(this.i18n);
    const lang = this.i18n.lang;
    const p = result.profile;
    const count = Object.keys(p.values).length;
    const device = this.store.available ? this.store.value.device : undefined;
    const secrets = result.includesSecrets ? withheldSecrets(p) : [];
    return html`
      ${this.statusLine()}
      <section class="card" aria-labelledby="link-name-h">
        <dl>
          <dt id="link-name-h">${t(P.link.name)}</dt>
          <dd class="text name" data-testid="link-name">${p.name}</dd>
          <dt>${t(P.link.notes)}</dt>
          <dd class="text"><p class="notes" data-testid="link-notes">${p.notes}</p></dd>
          <dt>${t(P.link.updated)}</dt>
          <dd class="text">${formatTime(p.updated, lang)}</dd>
        </dl>
      </section>
      ${
        secrets.length > 0
          ? html`<p class="notice error" data-testid="link-secrets">
              ${f(P.link.withSecrets, { list: secrets.map((n) => settingLabel(n, lang)).join(lang === 'zh' ? '、' : ', ') })}
            </p>`
          : nothing
      }
      ${
        this.saved
          ? html`<p class="notice ok" role="status" data-testid="link-saved">
              ${f(P.link.saved, { name: this.saved })} <a href="#profiles">${t(P.link.openProfiles)}</a>
            </p>`
          : nothing
      }
      ${this.saveError ? html`<p class="notice error" role="alert">${this.saveError}</p>` : nothing}
      ${this.saveFault ? html`<dtu-unexpected-problem .detail=${this.saveFault}></dtu-unexpected-problem>` : nothing}
      ${
        this.applying
          ? html`<section class="card" aria-labelledby="apply-h">
              <h3 id="apply-h" tabindex="-1">${f(P.apply.heading, { name: p.name })}</h3>
              <dtu-profile-apply
                .values=${p.values}
                .profileName=${p.name}
                @dtu-apply-status=${(e: CustomEvent<ApplyStatus>) => (this.applyStatus = e.detail)}
                @dtu-close=${() => (this.applying = false)}
              ></dtu-profile-apply>
            </section>`
          : html`<div class="actions">
              <button
                type="button"
                class="primary"
                data-testid="link-save"
                ?disabled=${this.saving || this.saved !== undefined}
                @click=${() => void this.save()}
              >
                ${t(P.link.save)}
              </button>
              <button type="button" data-testid="link-apply" @click=${this.startApply}>
                ${t(P.link.apply)}
              </button>
              <button type="button" @click=${this.close}>${t(P.link.close)}</button>
            </div>`
      }
      ${
        device && !this.applying
          ? html`<section class="card" aria-labelledby="diff-h" data-testid="link-diff">
              <h3 id="diff-h">${t(P.link.diffHeading)}</h3>
              <p class="muted">${t(P.compare.deviceNote)}</p>
              <dtu-model-note quiet readable .lead=${t(MODEL.compare.note)}></dtu-model-note>
              <dtu-profile-compare
                .rows=${compareValues(p.values, device, { leftOnly: true })}
                .leftLabel=${t(P.apply.to)}
                .rightLabel=${t(P.apply.from)}
              ></dtu-profile-compare>
            </section>`
          : nothing
      }
      <section class="card" aria-labelledby="values-h">
        <h3 id="values-h">${f(P.link.settings, { n: count })}</h3>
        <p class="muted">${t(P.link.notHeld)}</p>
        <dtu-profile-values
          .values=${p.values}
          .caption=${f(P.link.settings, { n: count })}
        ></dtu-profile-values>
      </section>
    `;
  }

  /**
   * What has happened to this link: nothing yet (not saved, not sent), saved only, or applied — then the
   * line follows the apply report's summary (checking the links, applied, not everything works, failed).
   */
  private statusLine(): TemplateResult {
    const t = this.i18n.t.bind(this.i18n);
    const status = this.applyStatus;
    if (!status) {
      return html`<p class="notice" data-testid="link-safe" data-status=${this.saved ? 'saved' : 'new'}>
        ${t(this.saved ? P.link.savedOnly : P.link.safe)}
      </p>`;
    }
    const time = new Date(status.at).toLocaleTimeString(langTag(this.i18n.lang), { hour12: false });
    // The link check goes on after the apply element is closed: the store has where it is.
    const proof = this.store.available ? this.store.value.linkProof : undefined;
    const tone = summarize(status.report, proof, this.i18n.lang).tone;
    const text = {
      checking: P.link.appliedChecking,
      ok: P.link.appliedOk,
      warn: P.link.appliedWarn,
      error: P.link.appliedError,
    }[tone];
    const colour = tone === 'ok' ? 'ok' : tone === 'error' ? 'error' : '';
    return html`<p
      class="notice ${colour}"
      role="status"
      data-testid="link-safe"
      data-status=${`applied-${tone}`}
    >
      ${this.i18n.f(text, { time })}
    </p>`;
  }

  private startApply(): void {
    this.applying = true;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#apply-h')?.focus());
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const result = this.result;
    return html`
      <div class="head"><h2>${t(P.link.heading)}</h2></div>
      <dtu-profile-storage-notice></dtu-profile-storage-notice>
      ${
        !result
          ? html`<p class="muted" aria-busy="true">${t(P.link.decoding)}</p>`
          : result.ok
            ? this.renderProfile(result)
            : html`${this.renderError(result)}
                <div class="actions">
                  <button type="button" @click=${this.close}>${t(P.link.close)}</button>
                </div>`
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-link-preview-view': DtuLinkPreviewView;
  }
}

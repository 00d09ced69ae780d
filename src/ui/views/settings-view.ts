import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { factoryDefaults, findCommand, SETTING_NAMES } from '../../protocol/catalogue';
import type { CommandEntry } from '../../protocol/types';
import '../components/progress-bar/progress-bar';
import '../components/setting-field/setting-field';
import { LanguageController } from '../controllers/language-controller';
import '../device-model/model-note';
import { markerOf, shortTime } from '../device-model/provenance';
import { MODEL } from '../device-model/strings';
import '../keep-work/draft-note';
import { SessionController } from '../controllers/session-controller';
import { StoreController } from '../controllers/store-controller';
import type { DtuEditEvent, DtuRevertEvent } from '../events';
import { S } from '../i18n/strings';
import { pendingChanges } from '../logic/diff';
import { groupSettings, SECTIONS, type SectionInfo } from '../logic/editor-sections';
import { splitValue } from '../logic/fields';
import { SameObjects, sameStrings } from '../logic/same-object';
import { base, tokens } from '../styles/shared';
import { stickyBarStyles } from '../styles/tables';
import { viewStyles } from './view-styles';
import { animationFrame, FrameBatcher } from '../stream-log/frame-batch';
import { nextReveal, type RevealPlan } from './reveal-steps';

const SETTINGS: readonly CommandEntry[] = SETTING_NAMES.map((n) => findCommand(n)).filter(
  (e): e is CommandEntry => e !== undefined,
);
const GROUPED = groupSettings(SETTINGS);
const LETTERS = ['A', 'B', 'C', 'D'] as const;

/** Work mode, serial port and sockets first (what an engineer opens the view for), then three at a time. */
const REVEAL: RevealPlan = { first: 3, step: 3 };

/**
 * The settings editor: every stored setting of the catalogue, grouped like the manual, each as a form
 * generated from its entry. Edits go to the shared store; the Changes view writes them.
 */
@customElement('dtu-settings-view')
export class DtuSettingsView extends LitElement {
  static override styles = [
    tokens,
    base,
    viewStyles,
    stickyBarStyles,
    css`
      .toc {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
        margin: 0 0 12px;
        padding: 0;
        list-style: none;
      }
      .toc button {
        min-height: 32px;
        padding: 2px 10px;
        font-size: 0.88rem;
      }
      section {
        scroll-margin-top: 8px;
      }
      .section-head {
        display: flex;
        flex-wrap: wrap;
        gap: 4px 12px;
        align-items: baseline;
        margin-bottom: 8px;
      }
      .section-head h3 {
        margin: 0;
      }
      .fields {
        display: grid;
        gap: 12px;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 340px), 1fr));
      }
      [role='tablist'] {
        display: flex;
        flex-wrap: wrap;
        gap: 4px;
        margin-bottom: 10px;
      }
      [role='tab'][aria-selected='true'] {
        background: var(--dtu-accent);
        color: var(--dtu-accent-text);
      }
      .dot {
        display: inline-block;
        width: 8px;
        height: 8px;
        border-radius: 50%;
        background: #b7791f;
      }
    `,
  ];

  private readonly i18n = new LanguageController(this);
  private readonly session = new SessionController(this);
  private readonly store = new StoreController(this);

  @state() private reading: { done: number; total: number } | undefined;
  @state() private readError: string | undefined;
  @state() private socket: (typeof LETTERS)[number] = 'A';
  /** Sections drawn so far (the first render draws a few, each next frame more: REVEAL). */
  @state() private shown = 0;
  private revealing: { cancel(): void } | undefined;
  private autoRead = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.shown = nextReveal(0, SECTIONS.length, REVEAL);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.revealing?.cancel();
    this.revealing = undefined;
  }

  /** Draws the next sections after this frame is painted, until all are there. */
  private revealMore(): void {
    if (this.shown >= SECTIONS.length || this.revealing) return;
    this.revealing = animationFrame(() => {
      // After the paint the frame was for: a task of its own, so input can come in between.
      const id = setTimeout(() => {
        this.revealing = undefined;
        this.shown = nextReveal(this.shown, SECTIONS.length, REVEAL);
      }, 0);
      this.revealing = { cancel: () => clearTimeout(id) };
    });
  }

  override updated(): void {
    this.revealMore();
    // Read once on arrival when connected and nothing was read yet (values the model marks as possibly
    // changed stay shown, marked, until the person reads again).
    const summary = this.store.available ? this.store.value.model.summary() : undefined;
    const nothingRead =
      summary !== undefined && summary.lastReadAt === undefined && summary.stale.length === 0;
    if (!this.autoRead && this.session.ready && nothingRead) {
      this.autoRead = true;
      void this.read();
    }
  }

  private async read(): Promise<void> {
    this.readError = undefined;
    this.reading = { done: 0, total: SETTING_NAMES.length };
    // Progress shown once per frame: a render per setting read held each next command behind it.
    let progress = this.reading;
    const show = new FrameBatcher(() => (this.reading = progress));
    try {
      const values = await this.session.api.readAll((done, total) => {
        progress = { done, total };
        show.schedule();
      });
      this.store.value.setDevice(values);
    } catch (e) {
      this.readError = e instanceof Error ? e.message : String(e);
    } finally {
      show.cancel();
      this.reading = undefined;
    }
  }

  private baseOf(name: string): string {
    return this.store.value.device?.[name] ?? factoryDefaults()[name] ?? '';
  }

  private onEdit(e: DtuEditEvent): void {
    this.store.value.edit(e.detail.name, e.detail.parts, this.baseOf(e.detail.name));
  }

  private onRevert(e: DtuRevertEvent): void {
    this.store.value.revert(e.detail.name);
  }

  /** The fields' properties, the same objects while their content is (a field renders only when it changed). */
  private readonly partsKept = new SameObjects<readonly string[]>(sameStrings);
  private readonly markersKept = new SameObjects<ReturnType<typeof markerOf> | undefined>(
    (a, b) => a?.kind === b?.kind && a?.tone === b?.tone && a?.text === b?.text,
  );

  private field(entry: CommandEntry): TemplateResult {
    const store = this.store.value;
    const parts = this.partsKept.keep(
      entry.name,
      store.draft.get(entry.name) ?? splitValue(entry, this.baseOf(entry.name)),
    );
    return html`<dtu-setting-field
      .entry=${entry}
      .parts=${parts}
      .device=${store.device?.[entry.name]}
      .provenance=${this.markersKept.keep(entry.name, this.marker(entry.name))}
      ?changed=${store.draft.has(entry.name)}
    ></dtu-setting-field>`;
  }

  /** Where the device's value of `name` came from (device-model/), or undefined when not known. */
  private marker(name: string) {
    const known = this.store.value.model.get(name);
    return known ? markerOf(known, this.i18n.lang) : undefined;
  }

  private sectionBody(info: SectionInfo, entries: readonly CommandEntry[]): TemplateResult {
    if (info.id !== 'sockets') return html`<div class="fields">${entries.map((e) => this.field(e))}</div>`;
    const draft = this.store.value.draft;
    return html`<div role="tablist" aria-label=${this.i18n.t(info.title)} @keydown=${this.tabKeys}>
        ${LETTERS.map((s) => {
          const edited = entries.some((e) => e.socket === s && draft.has(e.name));
          return html`<button
            role="tab"
            id=${`tab-${s}`}
            type="button"
            aria-selected=${this.socket === s ? 'true' : 'false'}
            aria-controls="socket-panel"
            tabindex=${this.socket === s ? 0 : -1}
            @click=${() => (this.socket = s)}
          >
            ${this.i18n.f(S.settings.socketTab, { s })}
            ${edited ? html`<span class="dot" aria-label=${this.i18n.t(S.settings.changed)}></span>` : nothing}
          </button>`;
        })}
      </div>
      <div role="tabpanel" id="socket-panel" aria-labelledby=${`tab-${this.socket}`} class="fields">
        ${entries.filter((e) => e.socket === this.socket).map((e) => this.field(e))}
      </div>`;
  }

  private readonly tabKeys = (e: KeyboardEvent): void => {
    const i = LETTERS.indexOf(this.socket);
    const next = e.key === 'ArrowRight' ? (i + 1) % 4 : e.key === 'ArrowLeft' ? (i + 3) % 4 : -1;
    if (next < 0) return;
    e.preventDefault();
    this.socket = LETTERS[next] ?? 'A';
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`#tab-${this.socket}`)?.focus(),
    );
  };

  private async jump(id: string): Promise<void> {
    if (this.shown < SECTIONS.length) {
      this.shown = SECTIONS.length;
      await this.updateComplete;
    }
    const target = this.renderRoot.querySelector<HTMLElement>(`#section-${id}`);
    target?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    target?.querySelector<HTMLElement>('h3')?.focus();
  }

  override render() {
    if (!this.store.available) return nothing;
    const t = this.i18n.t.bind(this.i18n);
    const store = this.store.value;
    const changes = pendingChanges(SETTINGS, store.device, factoryDefaults(), store.draft);
    const invalid = changes.filter((c) => !c.valid).length;
    const lastReadAt = store.model.summary().lastReadAt;
    const read = lastReadAt !== undefined;
    return html`
      <div class="head">
        <h2>${t(S.settings.heading)}</h2>
        <div class="actions">
          <button
            type="button"
            data-testid="read-settings"
            ?disabled=${!this.session.ready || this.reading !== undefined}
            @click=${() => void this.read()}
          >
            ${t(S.settings.read)}
          </button>
        </div>
      </div>
      <p class="muted">${t(S.settings.intro)}</p>
      ${
        this.reading
          ? html`<dtu-progress-bar
              .value=${this.reading.done / this.reading.total}
              .label=${this.i18n.f(S.settings.reading, this.reading)}
            ></dtu-progress-bar>`
          : nothing
      }
      ${this.readError ? html`<p class="notice error" role="alert">${this.readError}</p>` : nothing}
      <p class=${`notice ${read ? 'ok' : ''}`} data-testid="settings-source">
        ${t(read ? S.settings.readAt : S.settings.notRead)}
        ${read ? this.i18n.f(MODEL.summary.readAt, { time: shortTime(lastReadAt, this.i18n.lang) }) : nothing}
      </p>
      <dtu-model-note quiet noReadAt></dtu-model-note>
      <dtu-draft-note></dtu-draft-note>
      <ul class="toc" aria-label=${t(S.settings.heading)}>
        ${SECTIONS.map(
          (s) =>
            html`<li><button type="button" @click=${() => void this.jump(s.id)}>${t(s.title)}</button></li>`,
        )}
      </ul>
      <div @dtu-edit=${this.onEdit} @dtu-revert=${this.onRevert}>
        ${SECTIONS.slice(0, this.shown).map((info) => {
          const entries = GROUPED.get(info.id) ?? [];
          return html`<section class="card" id=${`section-${info.id}`} aria-labelledby=${`h-${info.id}`}>
            <div class="section-head">
              <h3 id=${`h-${info.id}`} tabindex="-1">${t(info.title)}</h3>
              <span class="muted small">${this.i18n.f(S.app.manualSection, { section: info.manual })}</span>
            </div>
            ${
              info.note
                ? html`<p class="muted">${t(info.note)} <a href="#tools">${t(S.settings.openTools)}</a></p>`
                : nothing
            }
            ${entries.length > 0 ? this.sectionBody(info, entries) : nothing}
          </section>`;
        })}
      </div>
      ${
        changes.length > 0
          ? html`<div class="sticky">
              <a class="button primary" href="#changes" data-testid="review-changes"
                >${this.i18n.p(S.settings.reviewChanges, changes.length)}</a
              >
              ${
                invalid > 0
                  ? html`<span class="error">${this.i18n.f(S.settings.invalidCount, { n: invalid })}</span>`
                  : nothing
              }
            </div>`
          : nothing
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-settings-view': DtuSettingsView;
  }
}

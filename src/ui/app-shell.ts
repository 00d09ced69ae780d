import { ContextProvider } from '@lit/context';
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Text } from '../protocol/types';
import styles from './app-shell.styles';
import './components/status-pill/status-pill';
import { languageContext, sessionContext, simulatorContext, storeContext } from './context';
import { wireDeviceModel } from './device-model/wire-model';
import { initialLang, LANGUAGE_STORAGE_KEY, langTag, pick, format, type Lang } from './i18n/language';
import { pluralize } from './i18n/plural';
import { PROFILES_NAV } from './i18n/profile-nav';
import { BATCH_NAV } from './batch/nav';
import { CLASSROOM_NAV } from './classroom/nav';
import { RUN_KEY } from './classroom/run-key';
import { SUPPORT_NAV } from './support/nav';
import { SHELL as S } from './i18n/shell-strings';
import { shareFragmentOf } from './logic/profile-link-hash';
import { showsRestartNotice } from './restart-notice/restart-notice';
import { FRAMED_MESSAGE, framedByOtherOrigin } from './secrets/framing';
import { PROJECTOR_EVENT, PROJECTOR_KEY } from './sim-panel/projector-key';
import { createServices } from './services/lazy-services';
import type { UiSessionState } from './services/session-service';
import { ConfigStore } from './state/config-store';
import { base, tokens } from './styles/shared';

/** The views, each its own chunk, loaded when first shown. */
const VIEWS = {
  connect: { label: S.nav.connect, load: () => import('./views/connect-view') },
  dashboard: { label: S.nav.dashboard, load: () => import('./views/dashboard-view') },
  settings: { label: S.nav.settings, load: () => import('./views/settings-view') },
  changes: { label: S.nav.changes, load: () => import('./views/changes-view') },
  terminal: { label: S.nav.terminal, load: () => import('./views/terminal-view') },
  tools: { label: S.nav.tools, load: () => import('./views/tools-view') },
  simulator: { label: S.nav.simulator, load: () => import('./views/simulator-view') },
  profiles: { label: PROFILES_NAV, load: () => import('./views/profiles-view') },
  batch: { label: BATCH_NAV, load: () => import('./batch/batch-view') },
  classroom: { label: CLASSROOM_NAV, load: () => import('./classroom/classroom-view') },
  support: { label: SUPPORT_NAV, load: () => import('./support/support-view') },
} satisfies Record<string, { label: Text; load: () => Promise<unknown> }>;

export type ViewId = keyof typeof VIEWS;
const VIEW_IDS = Object.keys(VIEWS) as ViewId[];

function viewFromHash(hash: string): ViewId {
  const id = hash.replace(/^#\/?/, '').split(/[?/]/)[0] ?? '';
  return (VIEW_IDS as string[]).includes(id) ? (id as ViewId) : 'connect';
}

/** The value kept under `key` (null when there is none or storage is refused). */
function keptInStorage(storage: () => Storage, key: string): string | null {
  try {
    return storage().getItem(key);
  } catch {
    return null;
  }
}

/**
 * The root element. It provides the shared services through `@lit/context` (context.ts): the session, the
 * config store, the simulator and the language; routes between the views (`#settings`, …) and loads each
 * on demand; keeps the connection state visible; and opens the help when a connection fails.
 */
@customElement('dtu-app')
export class DtuApp extends LitElement {
  static override styles = [tokens, base, styles];

  private readonly services = createServices();
  private readonly store = new ConfigStore();

  @state() private language: Lang = initialLang(
    keptInStorage(() => localStorage, LANGUAGE_STORAGE_KEY),
    navigator.languages ?? [navigator.language],
  );
  @state() private view: ViewId = viewFromHash(location.hash);
  /** A profile link (`#p=…`) being previewed instead of a view. */
  @state() private shareLink: string | undefined = shareFragmentOf(location.hash);
  @state() private loaded = new Set<ViewId>();
  @state() private loadFailed = false;
  @state() private sessionState: UiSessionState = { kind: 'disconnected' };
  @state() private helpOpen = false;
  /** The help dialog's code, loaded the first time it opens (the first view does not show it). */
  @state() private helpLoaded = false;
  /** The help was opened by a failure (not by the person): a later success closes it. */
  private helpForFailure = false;
  @state() private pending = 0;

  private readonly languageProvider = new ContextProvider(this, {
    context: languageContext,
    initialValue: this.language,
  });

  constructor() {
    super();
    new ContextProvider(this, { context: sessionContext, initialValue: this.services.session });
    new ContextProvider(this, { context: storeContext, initialValue: this.store });
    new ContextProvider(this, { context: simulatorContext, initialValue: this.services.simulator });
    this.services.session.subscribe((s) => {
      if (s.kind === 'failed' && this.sessionState.kind !== 'failed') {
        this.helpOpen = true;
        this.helpForFailure = true;
      } else if ((s.kind === 'command' || s.kind === 'working') && this.helpForFailure) {
        // A later attempt reached the module: the failure's help is no longer true.
        this.helpOpen = false;
        this.helpForFailure = false;
      }
      this.sessionState = s;
    });
    this.store.subscribe(() => (this.pending = this.store.draft.size));
    // One device model: every value the session learns lands in the store (device-model/).
    wireDeviceModel(this.services.session, this.store);
  }

  private readonly onHash = (): void => {
    this.shareLink = shareFragmentOf(location.hash);
    this.view = viewFromHash(location.hash);
  };

  /**
   * Projector mode (sim-panel/projector.ts) reaches the top bar and navigation through the `projector`
   * attribute and CSS only (app-shell.styles.ts): the switch's code stays out of the first chunk.
   */
  private readonly onProjector = (e: Event): void => {
    this.toggleAttribute('projector', (e as CustomEvent<boolean>).detail);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHash);
    window.addEventListener(PROJECTOR_EVENT, this.onProjector);
    this.toggleAttribute('projector', keptInStorage(() => localStorage, PROJECTOR_KEY) === 'on');
    this.applyLanguage();
  }

  private extrasLoaded = false;

  /**
   * Code the first view does not show, loaded once that view's code is in: on a slow machine these chunks
   * (IndexedDB, validation, profile code) competed with the first view's and delayed it
   * (docs/performance.md).
   */
  private loadExtras(): void {
    if (this.extrasLoaded) return;
    this.extrasLoaded = true;
    // The "new version available" prompt (with the service worker's code).
    void import('./components/update-prompt/update-prompt');
    // Pending edits come back and are kept; leaving with edits not applied asks first (keep-work/).
    void import('./keep-work/keep-work').then((m) => m.keepWork(this.store)).catch(() => undefined);
    // A classroom exercise running before a reload goes on (classroom/run-keeper.ts).
    if (keptInStorage(() => sessionStorage, RUN_KEY) !== null) {
      void import('./classroom/resume-run')
        .then((m) => m.resumeKeptRun(this.services.simulator))
        .catch(() => undefined);
    }
  }

  override disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.onHash);
    window.removeEventListener(PROJECTOR_EVENT, this.onProjector);
    super.disconnectedCallback();
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (this.helpOpen && !this.helpLoaded) {
      this.helpLoaded = true;
      void import('./components/help-dialog/help-dialog').catch(() => (this.loadFailed = true));
    }
    // Framed by another site: no view (and so no device action) is even loaded.
    if (framedByOtherOrigin() !== undefined) return;
    if (changed.has('view')) void this.ensureLoaded(this.view);
    if (changed.has('shareLink') && this.shareLink !== undefined) {
      void import('./views/link-preview-view')
        .catch(() => (this.loadFailed = true))
        .finally(() => this.loadExtras());
    }
  }

  private async ensureLoaded(view: ViewId): Promise<void> {
    if (this.loaded.has(view)) return;
    try {
      await VIEWS[view].load();
      this.loaded = new Set([...this.loaded, view]);
      this.loadFailed = false;
    } catch {
      this.loadFailed = true;
    }
    this.loadExtras();
  }

  private setLanguage(lang: Lang): void {
    this.language = lang;
    try {
      localStorage.setItem(LANGUAGE_STORAGE_KEY, lang);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    this.applyLanguage();
  }

  private applyLanguage(): void {
    this.languageProvider.setValue(this.language);
    document.documentElement.lang = langTag(this.language);
    document.title = pick(S.app.title, this.language);
  }

  private t(text: Text): string {
    return pick(text, this.language);
  }

  private openHelp(): void {
    this.helpOpen = true;
    this.helpForFailure = false;
  }

  private closeHelp(): void {
    this.helpOpen = false;
    this.helpForFailure = false;
  }

  private async useSimulator(): Promise<void> {
    this.closeHelp();
    this.services.session.dismissFailure();
    location.hash = '#connect';
    await this.services.session.connect({ transport: 'simulator', line: 'auto' }).catch(() => undefined);
  }

  private retry(): void {
    this.closeHelp();
    this.services.session.dismissFailure();
    location.hash = '#connect';
  }

  private renderView(): TemplateResult {
    if (this.loadFailed) return html`<p class="notice error" role="alert">${this.t(S.app.loadFailed)}</p>`;
    // A profile link is previewed, never applied by itself (views/link-preview-view.ts).
    if (this.shareLink !== undefined) {
      return html`<dtu-link-preview-view .fragment=${this.shareLink}></dtu-link-preview-view>`;
    }
    if (!this.loaded.has(this.view))
      return html`<p class="muted" aria-busy="true">${this.t(S.app.loading)}</p>`;
    switch (this.view) {
      case 'connect':
        return html`<dtu-connect-view></dtu-connect-view>`;
      case 'dashboard':
        return html`<dtu-dashboard-view></dtu-dashboard-view>`;
      case 'settings':
        return html`<dtu-settings-view></dtu-settings-view>`;
      case 'changes':
        return html`<dtu-changes-view></dtu-changes-view>`;
      case 'terminal':
        return html`<dtu-terminal-view></dtu-terminal-view>`;
      case 'tools':
        return html`<dtu-tools-view></dtu-tools-view>`;
      case 'simulator':
        return html`<dtu-simulator-view></dtu-simulator-view>`;
      case 'profiles':
        return html`<dtu-profiles-view></dtu-profiles-view>`;
      case 'batch':
        return html`<dtu-batch-view></dtu-batch-view>`;
      case 'classroom':
        return html`<dtu-classroom-view></dtu-classroom-view>`;
      case 'support':
        return html`<dtu-support-view></dtu-support-view>`;
    }
  }

  /** Framed by a page of another origin (secrets/framing.ts): the app does not run there. */
  private renderFramed(origin: string): TemplateResult {
    return html`<main id="main" class="framed" data-testid="framed-refusal">
      <h1>${this.t(FRAMED_MESSAGE.heading)}</h1>
      <p role="alert">${format(FRAMED_MESSAGE.body, this.language, { origin })}</p>
      <p>
        <a href=${location.href} target="_blank" rel="noopener noreferrer">${this.t(FRAMED_MESSAGE.open)}</a>
      </p>
    </main>`;
  }

  override render() {
    const framed = framedByOtherOrigin();
    if (framed !== undefined) return this.renderFramed(framed);
    const s = this.sessionState;
    const connected = s.kind !== 'disconnected' && s.kind !== 'failed';
    return html`
      <a class="skip" href="#main" @click=${this.skip}>${this.t(S.app.skip)}</a>
      <header>
        <div class="top">
          <div>
            <h1>${this.t(S.app.title)}</h1>
            <p class="subtitle">${this.t(S.app.subtitle)}</p>
          </div>
          <div class="controls">
            <label
              >${this.t(S.app.language)}
              <select
                data-testid="language"
                @change=${(e: Event) => this.setLanguage((e.target as HTMLSelectElement).value as Lang)}
              >
                <option value="en" ?selected=${this.language === 'en'} lang="en">English</option>
                <option value="zh" ?selected=${this.language === 'zh'} lang="zh-CN">中文</option>
              </select>
            </label>
          </div>
        </div>
        <nav aria-label=${this.t(S.app.mainNav)}>
          <ul>
            ${VIEW_IDS.map(
              (id) =>
                html`<li>
                  <a
                    href=${`#${id}`}
                    aria-current=${this.view === id && !this.shareLink ? 'page' : nothing}
                    data-view=${id}
                    >${this.t(VIEWS[id].label)}${
                      id === 'changes' && this.pending > 0
                        ? html`<span
                            class="count"
                            aria-label=${pluralize(S.nav.pendingBadge, this.language, this.pending)}
                            >${this.pending}</span
                          >`
                        : nothing
                    }</a
                  >
                </li>`,
            )}
          </ul>
        </nav>
      </header>
      <div class="statusbar">
        <div class="inner">
          <dtu-status-pill .state=${s} @dtu-show-help=${() => this.openHelp()}></dtu-status-pill>
          ${
            connected
              ? html`<button type="button" @click=${() => void this.services.session.disconnect()}>
                  ${this.t(S.state.disconnect)}
                </button>`
              : nothing
          }
          ${showsRestartNotice(s) ? html`<dtu-restart-notice></dtu-restart-notice>` : nothing}
        </div>
      </div>
      <dtu-update-prompt></dtu-update-prompt>
      <main id="main" tabindex="-1" @dtu-show-help=${() => this.openHelp()}>${this.renderView()}</main>
      ${
        this.helpLoaded
          ? html`<dtu-help-dialog
              .problem=${s.kind === 'failed' ? s.problem : undefined}
              .onLinux=${/Linux/.test(navigator.userAgent) && !/Android/.test(navigator.userAgent)}
              ?open=${this.helpOpen}
              @dtu-close=${() => this.closeHelp()}
              @dtu-retry=${this.retry}
              @dtu-use-simulator=${() => void this.useSimulator()}
            ></dtu-help-dialog>`
          : nothing
      }
    `;
  }

  private skip(e: Event): void {
    e.preventDefault();
    this.renderRoot.querySelector<HTMLElement>('main')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-app': DtuApp;
  }
}

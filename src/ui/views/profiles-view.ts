import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { factoryDefaults, SETTING_NAMES } from '../../protocol/catalogue';
import { newProfile, type Profile } from '../../profile/profile';
import {
  duplicateProfile,
  listProfiles,
  listTrash,
  onStoreEvent,
  renameProfile,
  StorageError,
  trashProfile,
  restoreProfile,
  saveProfileWithSecrets,
  withUnlocked,
  type CorruptRecord,
  type StoredProfile,
} from '../../storage';
import '../components/profile-apply/profile-apply';
import '../components/profile-card/profile-card';
import '../components/profile-compare/compare-panel';
import '../components/profile-corrupt/profile-corrupt';
import '../components/profile-device/profile-device';
import '../components/profile-editor/profile-editor';
import type { ProfileActionDetail, ProfileSaveDetail } from '../components/profile-events/profile-events';
import { downloadText } from '../components/profile-files/download';
import '../import/file-import';
import '../components/profile-share/profile-share';
import { saveNewProfile } from '../components/profile-store/profile-saving';
import '../components/profile-store/storage-notice';
import '../components/profile-toast/profile-toast';
import '../components/profile-trash/profile-trash';
import { LanguageController } from '../controllers/language-controller';
import { StoreController } from '../controllers/store-controller';
import { SessionController } from '../controllers/session-controller';
import { settingNames } from '../device-model/provenance';
import { MODEL } from '../device-model/strings';
import '../device-model/model-note';
import '../presets/preset-library';
import '../remote/remote-reconfig';
import { P } from '../i18n/profile-strings';
import { problemText } from '../logic/profile-format';
import type { UnlockedDetail } from '../secrets/events';
import { exportFile, secretsIn, type ExportKind } from '../secrets/export';
import '../secrets/export-dialog';
import { loadPrivateMarks } from '../secrets/private-marks';
import '../secrets/secrets-panel';
import { base, tokens } from '../styles/shared';
import { viewStyles } from './view-styles';

type Mode =
  | { readonly kind: 'list' }
  /** `id` undefined: a new profile, started from `profile` when given; `note` said above the editor. */
  | { readonly kind: 'edit'; readonly id?: string; readonly profile?: Profile; readonly note?: string }
  /** "Save device configuration" while some values were not read back (device-model/): read first? */
  | { readonly kind: 'check-device'; readonly names: readonly string[] }
  /** `values`: the profile's, with its sealed passwords when they are unlocked. */
  | {
      readonly kind: 'apply';
      readonly stored: StoredProfile;
      readonly values: Readonly<Record<string, string>>;
    }
  | { readonly kind: 'compare'; readonly stored: StoredProfile };

interface Toast {
  readonly message: string;
  /** The profile an Undo restores, and its name. */
  readonly undo?: { readonly id: string; readonly name: string };
}

/**
 * Saved profiles: list (with damaged records shown, never dropped), create and edit offline, save the
 * device's configuration, duplicate, rename, delete with undo and a trash, compare, apply through the
 * session with a review first, share as a link with a QR code, and export/import files. Storage errors
 * and other tabs' upgrades are shown to the person.
 */
@customElement('dtu-profiles-view')
export class DtuProfilesView extends LitElement {
  static override styles = [
    tokens,
    base,
    viewStyles,
    css`
      .list {
        display: grid;
        gap: 12px;
        margin: 0 0 16px;
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        gap: 8px 12px;
        align-items: flex-end;
        margin: 0 0 12px;
      }
      .panel-head {
        display: flex;
        flex-wrap: wrap;
        gap: 8px 16px;
        align-items: center;
        justify-content: space-between;
        margin: 0 0 12px;
      }
      .panel-head h3 {
        margin: 0;
        overflow-wrap: anywhere;
      }
    `,
  ];

  private readonly i18n = new LanguageController(this);
  private readonly store = new StoreController(this);
  private readonly session = new SessionController(this);

  @state() private readingDevice = false;
  @state() private profiles: readonly StoredProfile[] = [];
  @state() private trashed: readonly StoredProfile[] = [];
  @state() private corrupt: readonly CorruptRecord[] = [];
  @state() private loaded = false;
  @state() private mode: Mode = { kind: 'list' };
  @state() private sharing: StoredProfile | undefined;
  @state() private toast: Toast | undefined;
  @state() private error: { text: string; problems: readonly string[] } | undefined;
  @state() private status: string | undefined;
  /** Sealed passwords the person unlocked, by profile id: in this page's memory only, never stored. */
  @state() private unlocked: ReadonlyMap<string, Readonly<Record<string, string>>> = new Map();
  /** The export dialog, when what is exported holds secrets. */
  @state() private exporting:
    { readonly profiles: readonly Profile[]; readonly kind: ExportKind; readonly locked: number } | undefined;

  private unsubscribe: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = onStoreEvent((e) => {
      // `settings`: the private marks may have changed what the cards call a secret.
      if (e.type === 'changed' && (e.stores.includes('profiles') || e.stores.includes('settings'))) {
        void this.refresh();
      }
    });
    // The person's private marks, before the cards say which profiles hold secrets.
    void loadPrivateMarks().finally(() => void this.refresh());
  }

  override disconnectedCallback(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    super.disconnectedCallback();
  }

  private async refresh(): Promise<void> {
    try {
      const [list, trash] = await Promise.all([listProfiles(), listTrash()]);
      this.profiles = list.profiles;
      this.corrupt = list.corrupt;
      this.trashed = trash.profiles;
    } catch (e) {
      this.fail(e);
    } finally {
      this.loaded = true;
    }
  }

  private fail(e: unknown): void {
    const lang = this.i18n.lang;
    if (e instanceof StorageError) {
      this.error = { text: this.i18n.t(e.text), problems: e.problems.map((p) => problemText(p, lang)) };
    } else {
      this.error = { text: e instanceof Error ? e.message : String(e), problems: [] };
    }
  }

  /** Runs a store operation and shows its failure; lists refresh through the store's `changed` events. */
  private async run(op: () => Promise<void>): Promise<boolean> {
    this.error = undefined;
    this.status = undefined;
    try {
      await op();
      return true;
    } catch (e) {
      this.fail(e);
      return false;
    }
  }

  private show(mode: Mode): void {
    this.mode = mode;
    this.error = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[data-focus]')?.focus());
  }

  private find(id: string): StoredProfile | undefined {
    return this.profiles.find((p) => p.id === id);
  }

  /** The profile as it is used (applied, shared, exported): with its passwords when unlocked here. */
  private usable(stored: StoredProfile): Profile {
    return withUnlocked(stored, this.unlocked.get(stored.id));
  }

  private setUnlocked(id: string, values: Readonly<Record<string, string>> | undefined): void {
    const next = new Map(this.unlocked);
    if (values) next.set(id, values);
    else next.delete(id);
    this.unlocked = next;
  }

  /** Downloads at once, or asks first (export dialog) when what is exported holds secrets. */
  private exportProfiles(stored: readonly StoredProfile[], kind: ExportKind): void {
    const profiles = stored.map((s) => this.usable(s));
    const locked = stored.filter((s) => s.sealed && !this.unlocked.has(s.id)).length;
    if (secretsIn(profiles).length > 0) {
      this.exporting = { profiles, kind, locked };
      return;
    }
    const file = exportFile(profiles, kind);
    downloadText(file.name, file.text, file.mime);
  }

  private onAction(e: CustomEvent<ProfileActionDetail>): void {
    const { action, id, name } = e.detail;
    const stored = this.find(id);
    if (!stored) return;
    const p = stored.profile;
    switch (action) {
      case 'apply':
        return this.show({ kind: 'apply', stored, values: this.usable(stored).values });
      case 'compare':
        return this.show({ kind: 'compare', stored });
      case 'edit':
        return this.show({ kind: 'edit', id, profile: p });
      case 'share':
        this.sharing = stored;
        return;
      case 'duplicate':
        void this.run(async () => {
          const copy = await duplicateProfile(id);
          this.status = this.i18n.f(P.list.saved, { name: copy.profile.name });
        });
        return;
      case 'rename':
        void this.run(async () => {
          await renameProfile(id, name ?? '');
        });
        return;
      case 'export-json':
        return this.exportProfiles([stored], 'json');
      case 'export-script':
        return this.exportProfiles([stored], 'script');
      case 'delete':
        void this.run(async () => {
          await trashProfile(id);
          this.toast = {
            message: this.i18n.f(P.toast.deleted, { name: p.name }),
            undo: { id, name: p.name },
          };
          await this.updateComplete;
          await this.renderRoot.querySelector('dtu-profile-toast')?.focusAction();
        });
        return;
    }
  }

  private async undo(): Promise<void> {
    const undo = this.toast?.undo;
    if (!undo) return;
    const { id, name } = undo;
    const ok = await this.run(() => restoreProfile(id));
    const back = ok ? { message: this.i18n.f(P.toast.undone, { name }) } : undefined;
    this.toast = back;
    setTimeout(() => {
      if (this.toast === back) this.toast = undefined;
    }, 8000);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[data-focus]')?.focus();
  }

  private async onSave(e: CustomEvent<ProfileSaveDetail>): Promise<void> {
    const mode = this.mode;
    if (mode.kind !== 'edit') return;
    const profile = e.detail.profile;
    const secrets = e.detail.secrets ?? { keep: 'clear' };
    const ok = await this.run(async () => {
      if (mode.id) {
        await saveProfileWithSecrets(profile, secrets, mode.id);
        this.status = this.i18n.f(P.list.saved, { name: profile.name });
      } else {
        const saved = await saveNewProfile(profile, secrets);
        this.status = this.i18n.f(P.list.saved, { name: profile.name });
        if (saved.persistence === 'not-persisted') {
          this.status += `${this.i18n.lang === 'zh' ? '' : ' '}${this.i18n.t(P.storage.persistDenied)}`;
        }
      }
    });
    if (ok) this.show({ kind: 'list' });
  }

  /**
   * A new profile from the device's values as the device model knows them, named after it, for the person
   * to review: only the settings that differ from the factory defaults (the editor's "Include every
   * setting (device values)" adds the others). When some values were not read back (a terminal set, a
   * restart that may have changed them), the person is asked to read first or to save them with a note.
   */
  private fromDevice(marked = false): void {
    const store = this.store.value;
    const device = store.device;
    if (!device) return;
    const unconfirmed = store.model.unconfirmed();
    if (unconfirmed.length > 0 && !marked) {
      this.show({ kind: 'check-device', names: unconfirmed });
      return;
    }
    const id = store.identity?.imei || store.identity?.sn || '';
    const now = Date.now();
    const date = new Date(now).toISOString().slice(0, 10);
    const factory = factoryDefaults();
    const values = Object.fromEntries(
      SETTING_NAMES.filter((n) => device[n] !== undefined && device[n] !== factory[n]).map((n) => [
        n,
        device[n] ?? '',
      ]),
    );
    const name = this.i18n.f(P.list.deviceProfileName, { id, date }).replace(/\s+/g, ' ').trim();
    const notes =
      marked && unconfirmed.length > 0
        ? this.i18n.f(MODEL.save.noteLine, { list: settingNames(unconfirmed, this.i18n.lang) })
        : '';
    const profile: Profile = {
      ...newProfile(name, now, values),
      notes,
      ...(id ? { sourceDevice: id } : {}),
    };
    this.show({
      kind: 'edit',
      profile,
      note: this.i18n.f(MODEL.save.onlyChanged, { n: Object.keys(values).length }),
    });
  }

  /** Reads every setting, then continues to the editor (the values are proven now). */
  private async readThenSave(): Promise<void> {
    this.readingDevice = true;
    const ok = await this.run(async () => {
      this.store.value.setDevice(await this.session.api.readAll());
    });
    this.readingDevice = false;
    if (ok) this.fromDevice();
  }

  private renderCheck(names: readonly string[]): TemplateResult {
    const t = this.i18n.t.bind(this.i18n);
    return this.panel(
      t(MODEL.save.heading),
      html`<div data-testid="save-check">
        <p class="notice">${this.i18n.f(MODEL.save.body, { list: settingNames(names, this.i18n.lang) })}</p>
        <div class="toolbar">
          <button
            type="button"
            class="primary"
            data-testid="save-read-first"
            ?disabled=${!this.session.ready || this.readingDevice}
            @click=${() => void this.readThenSave()}
          >
            ${t(this.readingDevice ? MODEL.summary.reading : MODEL.save.readFirst)}
          </button>
          <button type="button" data-testid="save-marked" @click=${() => this.fromDevice(true)}>
            ${t(MODEL.save.saveMarked)}
          </button>
        </div>
      </div>`,
    );
  }

  private async exportAll(): Promise<void> {
    await this.run(async () => {
      const { profiles } = await listProfiles();
      if (profiles.length === 0) {
        this.status = this.i18n.t(P.files.nothing);
        return;
      }
      this.exportProfiles(profiles, 'json');
    });
  }

  private panel(title: string, body: TemplateResult): TemplateResult {
    return html`<section class="card" aria-labelledby="panel-h" data-testid="profile-panel">
      <div class="panel-head">
        <h3 id="panel-h" tabindex="-1" data-focus>${title}</h3>
        <button type="button" @click=${() => this.show({ kind: 'list' })}>
          ${this.i18n.t(P.action.back)}
        </button>
      </div>
      ${body}
    </section>`;
  }

  private renderMode(): TemplateResult {
    const mode = this.mode;
    const t = this.i18n.t.bind(this.i18n);
    const f = this.i18n.f.bind(this.i18n);
    switch (mode.kind) {
      case 'check-device':
        return this.renderCheck(mode.names);
      case 'edit':
        return this.panel(
          mode.id ? f(P.editor.editHeading, { name: mode.profile?.name ?? '' }) : t(P.editor.newHeading),
          html`${mode.note ? html`<p class="notice" data-testid="editor-note">${mode.note}</p>` : nothing}
            <dtu-profile-editor
              .profile=${mode.profile}
              .sealed=${(mode.id ? this.find(mode.id)?.sealed?.settings : undefined) ?? []}
              ?isNew=${mode.id === undefined}
              .deviceValues=${this.store.available ? this.store.value.device : undefined}
              @dtu-profile-save=${(e: CustomEvent<ProfileSaveDetail>) => void this.onSave(e)}
              @dtu-close=${() => this.show({ kind: 'list' })}
            ></dtu-profile-editor>`,
        );
      case 'apply':
        return this.panel(
          f(P.apply.heading, { name: mode.stored.profile.name }),
          html`<dtu-profile-apply
            .values=${mode.values}
            .profileName=${mode.stored.profile.name}
            .profileId=${mode.stored.id}
            @dtu-close=${() => this.show({ kind: 'list' })}
          ></dtu-profile-apply>`,
        );
      case 'compare':
        return this.panel(
          f(P.compare.heading, { name: mode.stored.profile.name }),
          html`<dtu-profile-compare-panel
            .stored=${mode.stored}
            .others=${this.profiles.filter((p) => p.id !== mode.stored.id)}
          ></dtu-profile-compare-panel>`,
        );
      case 'list':
        return this.renderList();
    }
  }

  private renderList(): TemplateResult {
    const t = this.i18n.t.bind(this.i18n);
    const device = this.store.available ? this.store.value.device : undefined;
    return html`
      <div class="toolbar">
        <button
          type="button"
          class="primary"
          data-testid="profile-new"
          @click=${() => this.show({ kind: 'edit' })}
        >
          ${t(P.list.newProfile)}
        </button>
        <button
          type="button"
          data-testid="profile-from-device"
          ?disabled=${!device}
          @click=${() => this.fromDevice()}
        >
          ${t(P.list.saveDevice)}
        </button>
        <button
          type="button"
          data-testid="profile-export-all"
          ?disabled=${this.profiles.length === 0}
          @click=${() => void this.exportAll()}
        >
          ${t(P.list.exportAll)}
        </button>
        <dtu-file-import></dtu-file-import>
      </div>
      ${device ? nothing : html`<p class="muted small">${t(P.list.saveDeviceHint)}</p>`}
      <dtu-profile-device></dtu-profile-device>
      <dtu-model-note quiet readable></dtu-model-note>
      <dtu-preset-library></dtu-preset-library>
      <dtu-profile-corrupt .records=${this.corrupt}></dtu-profile-corrupt>
      <h3 tabindex="-1" data-focus>
        ${this.i18n.f(this.profiles.length === 1 ? P.list.countOne : P.list.count, { n: this.profiles.length })}
      </h3>
      ${
        !this.loaded
          ? html`<p class="muted" aria-busy="true">${t(P.list.loading)}</p>`
          : this.profiles.length === 0
            ? html`<p class="muted" data-testid="profiles-empty">${t(P.list.empty)}</p>`
            : html`<div
                class="list"
                data-testid="profile-list"
                @dtu-profile-action=${this.onAction}
                @dtu-secrets-unlocked=${(e: CustomEvent<UnlockedDetail>) => this.setUnlocked(e.detail.id, e.detail.values)}
                @dtu-secrets-locked=${(e: CustomEvent<{ id: string }>) => this.setUnlocked(e.detail.id, undefined)}
                @dtu-secrets-status=${(e: CustomEvent<{ message: string }>) => (this.status = e.detail.message)}
              >
                ${this.profiles.map(
                  (s) =>
                    html`<dtu-profile-card
                      .stored=${s}
                      ?unlocked=${this.unlocked.has(s.id)}
                    ></dtu-profile-card>`,
                )}
              </div>`
      }
      <dtu-remote-reconfig .profiles=${this.profiles.map((s) => this.usable(s))}></dtu-remote-reconfig>
      <dtu-profile-trash .trashed=${this.trashed}></dtu-profile-trash>
      <dtu-secrets-panel></dtu-secrets-panel>
    `;
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    return html`
      <div class="head"><h2>${t(P.list.heading)}</h2></div>
      <p class="muted">${t(P.list.intro)}</p>
      <dtu-profile-storage-notice></dtu-profile-storage-notice>
      ${
        this.error
          ? html`<div class="notice error" role="alert" data-testid="profiles-error">
              <p>${this.error.text}</p>
              ${
                this.error.problems.length > 0
                  ? html`<ul>
                      ${this.error.problems.map((p) => html`<li>${p}</li>`)}
                    </ul>`
                  : nothing
              }
            </div>`
          : nothing
      }
      ${this.status ? html`<p class="notice ok" role="status" data-testid="profiles-status">${this.status}</p>` : nothing}
      ${this.renderMode()}
      <dtu-export-dialog
        .profiles=${this.exporting?.profiles ?? []}
        .kind=${this.exporting?.kind ?? 'json'}
        .locked=${this.exporting?.locked ?? 0}
        ?open=${this.exporting !== undefined}
        @dtu-close=${() => (this.exporting = undefined)}
      ></dtu-export-dialog>
      <dtu-profile-share
        .profile=${this.sharing ? this.usable(this.sharing) : undefined}
        ?open=${this.sharing !== undefined}
        @dtu-close=${() => (this.sharing = undefined)}
      ></dtu-profile-share>
      <dtu-profile-toast
        .message=${this.toast?.message ?? ''}
        .actionLabel=${this.toast?.undo ? t(P.toast.undo) : ''}
        .dismissLabel=${t(P.toast.dismiss)}
        @dtu-confirm=${() => void this.undo()}
        @dtu-close=${() => (this.toast = undefined)}
      ></dtu-profile-toast>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-profiles-view': DtuProfilesView;
  }
}

import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { findCommand, SETTING_NAMES } from '../../../protocol/catalogue';
import type { CommandEntry } from '../../../protocol/types';
import {
  MAX_NAME_LENGTH,
  MAX_NOTES_LENGTH,
  type Profile,
  type ProfileProblem,
} from '../../../profile/profile';
import '../setting-field/setting-field';
import { LanguageController } from '../../controllers/language-controller';
import { dtuEvent, type DtuEditEvent, type DtuRevertEvent } from '../../events';
import { P } from '../../i18n/profile-strings';
import { groupSettings, SECTIONS } from '../../logic/editor-sections';
import {
  draftFromProfile,
  draftToProfile,
  draftValues,
  editSetting,
  excludeSetting,
  includeAll,
  includeSetting,
  settingChanged,
  type ProfileDraft,
} from '../../logic/profile-draft';
import { problemText } from '../../logic/profile-format';
import '../../secrets/save-choice';
import { secretSettings } from '../../../profile/secrets';
import { base, tokens } from '../../styles/shared';
import { stickyBarStyles } from '../../styles/tables';
import { profileEvent } from '../profile-events/profile-events';
import styles from './profile-editor.styles';

const SETTINGS: readonly CommandEntry[] = SETTING_NAMES.map((n) => findCommand(n)).filter(
  (e): e is CommandEntry => e !== undefined,
);
const GROUPED = groupSettings(SETTINGS);

/**
 * Creating or editing a profile without a device: name, notes, and which settings the profile holds,
 * each edited with the same catalogue-driven, validated field as the settings editor. Save checks
 * everything (logic/profile-draft.ts) and emits `dtu-profile-save` with a valid profile, or lists every
 * problem; Cancel emits `dtu-close`.
 */
@customElement('dtu-profile-editor')
export class DtuProfileEditor extends LitElement {
  static override styles = [tokens, base, stickyBarStyles, styles];

  /** The profile being edited, or the starting point of a new one (`isNew`); undefined: a new, empty one. */
  @property({ attribute: false }) profile: Profile | undefined;
  /** The profile is not saved yet (a new one, possibly started from the device's values). */
  @property({ type: Boolean }) isNew = false;
  /** Values read from the device, to start settings from (optional). */
  @property({ attribute: false }) deviceValues: Readonly<Record<string, string>> | undefined;
  /** Settings whose passwords are sealed in the stored profile (not in `profile`; they stay sealed). */
  @property({ attribute: false }) sealed: readonly string[] = [];

  @state() private draft: ProfileDraft = draftFromProfile(undefined);
  @state() private problems: readonly ProfileProblem[] = [];
  private original: ProfileDraft = this.draft;

  @query('#problems') private problemsBox!: HTMLElement | null;

  private readonly i18n = new LanguageController(this);

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('profile')) {
      this.draft = draftFromProfile(this.profile);
      this.original = this.draft;
      this.problems = [];
    }
  }

  private onEdit(e: DtuEditEvent): void {
    e.stopPropagation();
    this.draft = editSetting(this.draft, e.detail.name, e.detail.parts);
  }

  private onRevert(e: DtuRevertEvent): void {
    e.stopPropagation();
    const before = this.original.included.get(e.detail.name);
    this.draft = before
      ? editSetting(this.draft, e.detail.name, before)
      : excludeSetting(this.draft, e.detail.name);
  }

  private toggle(entry: CommandEntry, on: boolean): void {
    this.draft = on
      ? includeSetting(
          this.draft,
          entry.name,
          this.original.included.get(entry.name)?.join(',') ?? this.deviceValues?.[entry.name],
        )
      : excludeSetting(this.draft, entry.name);
  }

  private save(): void {
    const result = draftToProfile(this.draft, this.profile, Date.now());
    if (!result.ok) {
      this.problems = result.problems;
      void this.updateComplete.then(() => this.problemsBox?.focus());
      return;
    }
    this.problems = [];
    const box = this.renderRoot.querySelector('dtu-secrets-choice');
    const secrets = box ? box.choice() : { keep: 'clear' as const };
    if (secrets === undefined) return;
    this.dispatchEvent(profileEvent('dtu-profile-save', { profile: result.profile, secrets }));
  }

  private setting(entry: CommandEntry): TemplateResult {
    const parts = this.draft.included.get(entry.name);
    const t = this.i18n.t.bind(this.i18n);
    return html`<div class="setting" data-setting=${entry.name}>
      <label class="inline">
        <input
          type="checkbox"
          data-testid="include"
          .checked=${parts !== undefined}
          @change=${(e: Event) => this.toggle(entry, (e.target as HTMLInputElement).checked)}
        />
        <span>${this.i18n.f(P.editor.include, { label: t(entry.label) })} <code>AT+${entry.name}</code></span>
      </label>
      ${
        parts
          ? html`<dtu-setting-field
              .entry=${entry}
              .parts=${parts}
              ?changed=${!this.isNew && this.profile !== undefined && settingChanged(this.draft, this.original, entry.name)}
            ></dtu-setting-field>`
          : nothing
      }
    </div>`;
  }

  private sections(): TemplateResult[] {
    const t = this.i18n.t.bind(this.i18n);
    return SECTIONS.flatMap((info) => {
      const entries = GROUPED.get(info.id) ?? [];
      if (entries.length === 0) return [];
      const held = entries.filter((e) => this.draft.included.has(e.name)).length;
      return [
        html`<details ?open=${held > 0} data-section=${info.id}>
          <summary>
            ${t(info.title)} — ${this.i18n.f(P.editor.included, { n: held, total: entries.length })}
          </summary>
          <div class="section-body">${entries.map((e) => this.setting(e))}</div>
        </details>`,
      ];
    });
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const lang = this.i18n.lang;
    const { invalid } = draftValues(this.draft);
    return html`
      <div class="names">
        <label
          >${t(P.editor.name)}
          <input
            type="text"
            data-testid="profile-name"
            required
            maxlength=${MAX_NAME_LENGTH}
            autocomplete="off"
            .value=${this.draft.name}
            @input=${(e: Event) => (this.draft = { ...this.draft, name: (e.target as HTMLInputElement).value })}
          />
        </label>
        <label
          >${t(P.editor.notes)}
          <textarea
            data-testid="profile-notes"
            maxlength=${MAX_NOTES_LENGTH}
            aria-describedby="notes-hint"
            .value=${this.draft.notes}
            @input=${(e: Event) => (this.draft = { ...this.draft, notes: (e.target as HTMLTextAreaElement).value })}
          ></textarea>
        </label>
        <span class="muted small" id="notes-hint">${t(P.editor.notesHint)}</span>
      </div>
      <h3>${t(P.editor.settings)}</h3>
      <p class="muted">${t(P.editor.settingsHint)}</p>
      <div class="bar">
        <span data-testid="included-count"
          >${this.i18n.f(P.editor.included, { n: this.draft.included.size, total: SETTINGS.length })}</span
        >
        <button type="button" @click=${() => (this.draft = includeAll(this.draft))}>
          ${t(P.editor.includeAll)}
        </button>
        ${
          this.deviceValues
            ? html`<button
                type="button"
                data-testid="include-all-device"
                @click=${() => (this.draft = includeAll(this.draft, this.deviceValues))}
              >
                ${t(P.editor.includeAllFromDevice)}
              </button>`
            : nothing
        }
        <button type="button" @click=${() => (this.draft = { ...this.draft, included: new Map() })}>
          ${t(P.editor.excludeAll)}
        </button>
      </div>
      <div @dtu-edit=${this.onEdit} @dtu-revert=${this.onRevert}>${this.sections()}</div>
      ${
        this.problems.length > 0
          ? html`<div
              class="notice error problems"
              id="problems"
              tabindex="-1"
              role="alert"
              data-testid="editor-problems"
            >
              ${t(P.editor.problems)}
              <ul>
                ${this.problems.map((p) => html`<li>${problemText(p, lang)}</li>`)}
              </ul>
            </div>`
          : nothing
      }
      <dtu-secrets-choice
        .secrets=${secretSettings(draftValues(this.draft).values)}
        .sealed=${this.sealed}
      ></dtu-secrets-choice>
      <div class="sticky">
        <button type="button" class="primary" data-testid="profile-save" @click=${this.save}>
          ${t(P.editor.save)}
        </button>
        <button type="button" @click=${() => this.dispatchEvent(dtuEvent('dtu-close', undefined))}>
          ${t(P.editor.cancel)}
        </button>
        ${
          invalid.length > 0
            ? html`<span class="error">${this.i18n.f(P.editor.invalidCount, { n: invalid.length })}</span>`
            : nothing
        }
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-profile-editor': DtuProfileEditor;
  }
}

import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CommandEntry, Param, Text } from '../../../protocol/types';
import { MAX_VALUE_CHARS } from '../../../protocol/validate';
import { LanguageController } from '../../controllers/language-controller';
import { dtuEvent } from '../../events';
import { S } from '../../i18n/strings';
import { asciiView, fromPlainView, hexToBytes, plainView, textToHex } from '../../logic/bytes';
import { checkParts, maskSecrets, type FieldCheck } from '../../logic/fields';
import { base, tokens } from '../../styles/shared';
import styles from './setting-field.styles';

/** A paste longer than any parameter is cut, and the field says so (with the limit). */
const CUT: Text = {
  en: 'The pasted text had {n} characters; only the first {max} were kept (no parameter of this module takes more).',
  zh: '粘贴的文本有 {n} 个字符；只保留了前 {max} 个（本模块没有更长的参数）。',
};
const UNEXPECTED: Text = {
  en: 'Unexpected problem while checking this value: it cannot be used. Please tell us what you entered.',
  zh: '检查该值时出现意外问题：无法使用。请告诉我们你输入的内容。',
};

/**
 * One setting of the catalogue as a form: a control per parameter chosen by its type (enum → select,
 * numbers and ports → numeric input, hex → hex + ASCII views, escaped text → escaped + plain views, secrets
 * → password input with reveal), the catalogue's help and inline validation messages, the factory default
 * and whether a restart is needed. Presentational: gets `parts`, emits `dtu-edit` / `dtu-revert`.
 */
@customElement('dtu-setting-field')
export class DtuSettingField extends LitElement {
  static override styles = [tokens, base, styles];

  @property({ attribute: false }) entry!: CommandEntry;
  /** The texts being edited, one per parameter. */
  @property({ attribute: false }) parts: readonly string[] = [];
  /** The device's value, when read. */
  @property({ attribute: false }) device: string | undefined;
  /** True when `parts` differ from the device (or factory) value. */
  @property({ type: Boolean }) changed = false;
  /**
   * Where the device's value came from (device-model/provenance.ts): "read 14:02" (muted), "set in the
   * terminal, not read back yet" or "may have changed" (warn). Undefined: nothing known.
   */
  @property({ attribute: false }) provenance:
    { readonly text: string; readonly tone: 'muted' | 'warn'; readonly kind: string } | undefined;

  @state() private revealed = false;
  /** Per parameter: the length of a paste that was cut to MAX_VALUE_CHARS. */
  @state() private cut: ReadonlyMap<number, number> = new Map();

  private readonly i18n = new LanguageController(this);

  private t(text: Text): string {
    return this.i18n.t(text);
  }

  private emit(index: number, value: string): void {
    const parts = [...this.parts];
    const cut = new Map(this.cut);
    if (value.length > MAX_VALUE_CHARS) cut.set(index, value.length);
    else cut.delete(index);
    this.cut = cut;
    parts[index] = value.length > MAX_VALUE_CHARS ? value.slice(0, MAX_VALUE_CHARS) : value;
    this.dispatchEvent(dtuEvent('dtu-edit', { name: this.entry.name, parts }));
  }

  private onInput(index: number) {
    return (e: Event) => this.emit(index, (e.target as HTMLInputElement | HTMLSelectElement).value);
  }

  /** The field's check; a fault inside it is a message on the field, never a broken view. */
  private check(): FieldCheck {
    try {
      return checkParts(this.entry, this.parts);
    } catch {
      return { errors: this.entry.params.map(() => undefined), canonical: undefined, whole: UNEXPECTED };
    }
  }

  override render() {
    const entry = this.entry;
    const check = this.check();
    const invalid = check.canonical === undefined;
    const factory = entry.default ?? '';
    return html`<fieldset
      class=${`${this.changed ? 'changed' : ''} ${invalid ? 'invalid' : ''}`}
      data-setting=${entry.name}
    >
      <legend>
        <span>${this.t(S.settings.controlLabels[entry.name] ?? entry.label)}</span>
        <code>AT+${entry.name}</code>
      </legend>
      <p class="help">${this.t(entry.help)}</p>
      <div class="params">${entry.params.map((p, i) => this.renderParam(p, i, check.errors[i]))}</div>
      ${check.whole ? html`<div class="msg" role="alert">${this.t(check.whole)}</div>` : nothing}
      ${
        this.provenance
          ? html`<p
              class=${`prov ${this.provenance.tone}`}
              data-testid="provenance"
              data-kind=${this.provenance.kind}
            >
              ${this.provenance.text}
            </p>`
          : nothing
      }
      <div class="meta">
        ${
          this.changed
            ? html`<span class="badge">${this.t(S.settings.changed)}</span>
                ${
                  this.device !== undefined
                    ? html`<span
                        >${this.i18n.f(S.settings.device, {
                          value: this.revealed ? this.device : maskSecrets(entry, this.device),
                        })}</span
                      >`
                    : nothing
                }
                <button
                  type="button"
                  aria-label=${`${this.t(S.settings.revert)} ${this.t(entry.label)}`}
                  @click=${() => this.dispatchEvent(dtuEvent('dtu-revert', { name: entry.name }))}
                >
                  ${this.t(S.settings.revert)}
                </button>`
            : nothing
        }
        <span
          >${this.i18n.f(S.settings.factory, {
            value:
              factory === '' || factory === ',' ? '""' : entry.secret ? maskSecrets(entry, factory) : factory,
          })}${entry.defaultGuessed ? ` ${this.t(S.settings.guessed)}` : ''}</span
        >
        <span>${this.t(entry.needsRestart ? S.settings.restart : S.settings.immediate)}</span>
        <span>${this.i18n.f(S.app.manualSection, { section: entry.section })}</span>
      </div>
    </fieldset>`;
  }

  private renderParam(p: Param, i: number, error: Text | undefined): TemplateResult {
    const id = `p${i}`;
    const errId = `e${i}`;
    const value = this.parts[i] ?? '';
    // Shown while the field still holds the cut text (a revert or another edit ends it).
    const cut = (this.parts[i] ?? '').length === MAX_VALUE_CHARS ? this.cut.get(i) : undefined;
    const describedBy = error || cut !== undefined ? errId : nothing;
    const msg =
      error || cut !== undefined
        ? html`<span class="msg" id=${errId}
            >${cut !== undefined ? this.i18n.f(CUT, { n: cut, max: MAX_VALUE_CHARS }) : ''}
            ${error ? this.t(error) : ''}</span
          >`
        : nothing;
    const type = p.type;
    const label = html`<label for=${id}>${this.t(p.label)}</label>`;
    const invalid = error ? 'true' : 'false';

    if (type.kind === 'enum' || (type.kind === 'int' && type.allowed)) {
      const values = type.kind === 'enum' ? type.values : (type.allowed ?? []).map(String);
      const known = values.includes(value);
      return html`<div class="param">
        ${label}
        <select id=${id} aria-describedby=${describedBy} aria-invalid=${invalid} @change=${this.onInput(i)}>
          ${known ? nothing : html`<option value=${value} selected>${value === '' ? '—' : value}</option>`}
          ${values.map((v) => html`<option value=${v} ?selected=${v === value}>${v}</option>`)}
        </select>
        ${msg}
      </div>`;
    }

    if (p.secret) {
      const plain = type.kind === 'text' && type.escaped && this.revealed;
      return html`<div class="param wide">
        ${label}
        <div class="secret">
          <input
            id=${id}
            type=${this.revealed ? 'text' : 'password'}
            autocomplete="off"
            spellcheck="false"
            .value=${value}
            aria-describedby=${describedBy}
            aria-invalid=${invalid}
            @input=${this.onInput(i)}
          />
          <button
            type="button"
            aria-pressed=${this.revealed ? 'true' : 'false'}
            aria-label=${`${this.t(this.revealed ? S.settings.hide : S.settings.reveal)} ${this.t(p.label)}`}
            @click=${() => (this.revealed = !this.revealed)}
          >
            ${this.t(this.revealed ? S.settings.hide : S.settings.reveal)}
          </button>
        </div>
        ${plain ? html`<span class="unit">${this.t(S.settings.plain)}: ${plainView(value)}</span>` : nothing}
        ${msg}
      </div>`;
    }

    // Two synchronised views of one value: hex + ASCII, or escaped (as sent) + plain text.
    const twoViews = (
      mainLabel: string,
      alt: { label: Text; hint: Text; value: string; toValue: (v: string) => string },
    ) =>
      html`<div class="param wide">
        <label for=${id}>${mainLabel}</label>
        <input
          id=${id}
          class="input-mono"
          autocomplete="off"
          spellcheck="false"
          .value=${value}
          aria-describedby=${describedBy}
          aria-invalid=${invalid}
          @input=${this.onInput(i)}
        />
        ${msg}
        <div class="param alt">
          <label for=${`${id}-alt`}>${this.t(alt.label)}</label>
          <input
            id=${`${id}-alt`}
            class="input-mono"
            autocomplete="off"
            spellcheck="false"
            title=${this.t(alt.hint)}
            .value=${alt.value}
            @change=${(e: Event) => this.emit(i, alt.toValue((e.target as HTMLInputElement).value))}
          />
        </div>
      </div>`;

    if (type.kind === 'hex') {
      const bytes = hexToBytes(value);
      return twoViews(`${this.t(p.label)} (${this.t(S.settings.hex)})`, {
        label: S.settings.ascii,
        hint: S.settings.asciiHint,
        value: bytes ? asciiView(bytes) : '',
        toValue: textToHex,
      });
    }

    if (type.kind === 'text' && type.escaped) {
      return twoViews(`${this.t(p.label)} — ${this.t(S.settings.escaped)}`, {
        label: S.settings.plain,
        hint: S.settings.plainHint,
        value: plainView(value),
        toValue: fromPlainView,
      });
    }

    const numeric = type.kind === 'int' || type.kind === 'port' || (type.kind === 'text' && type.digitsOnly);
    const unit = type.kind === 'int' && type.unit ? html`<span class="unit">${type.unit}</span>` : nothing;
    return html`<div class="param ${type.kind === 'host' ? 'wide' : ''}">
      ${label}
      <span class="with-unit">
        <input
          id=${id}
          inputmode=${numeric ? 'numeric' : 'text'}
          autocomplete="off"
          spellcheck="false"
          .value=${value}
          aria-describedby=${describedBy}
          aria-invalid=${invalid}
          @input=${this.onInput(i)}
        />${unit}
      </span>
      ${msg}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-setting-field': DtuSettingField;
  }
}

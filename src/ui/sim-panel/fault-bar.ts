import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { RadioState, SimCommand } from '../../simulator/core/control';
import { FIRMWARE_PRESET_INFO, FIRMWARE_PRESETS } from '../../simulator/core/variants';
import { LanguageController } from '../controllers/language-controller';
import {
  activeFaults,
  clearAllCommands,
  FAULT_IDS,
  faultCommands,
  faultOn,
  ONE_SHOT,
  WEAK_RSSI,
  wrongBaudFor,
  type FaultId,
  type WorldState,
} from './faults';
import { PANEL } from './strings';

const FIRMWARE_CHOICES: readonly string[] = Object.keys(FIRMWARE_PRESETS).filter((n) => n !== 'manual');

/**
 * `<dtu-fault-bar>`: one row of one-click faults with their state on each button (`aria-pressed`, "on" /
 * "off"), the firmware variant as one choice, and "Clear all faults". Sends control commands through `send`;
 * the state it shows comes from `world` (the simulator's own state), never from what was clicked.
 */
@customElement('dtu-fault-bar')
export class DtuFaultBar extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    .faults {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin: 0 0 8px;
      padding: 0;
      list-style: none;
    }
    button,
    select {
      font: inherit;
      min-height: 2.4em;
      padding: 4px 12px;
      border-radius: var(--dtu-radius, 6px);
      border: 2px solid var(--dtu-accent, #0b5cad);
      background: var(--dtu-surface, #fff);
      color: var(--dtu-accent, #0b5cad);
      cursor: pointer;
    }
    button[aria-pressed='true'] {
      background: var(--dtu-error, #a4161a);
      border-color: var(--dtu-error, #a4161a);
      color: #ffffff;
    }
    button .state {
      display: inline-block;
      margin-left: 8px;
      padding: 0 6px;
      border-radius: 4px;
      font-size: 0.8em;
      font-weight: 700;
      text-transform: uppercase;
      border: 1px solid currentColor;
    }
    button.clear {
      border-color: var(--dtu-text, #1b2430);
      color: var(--dtu-text, #1b2430);
    }
    button:disabled {
      opacity: 0.55;
      cursor: not-allowed;
    }
    :focus-visible {
      outline: 3px solid #f2a900;
      outline-offset: 2px;
    }
    :host([projector]) :focus-visible {
      outline: 5px solid #000000;
      outline-offset: 3px;
      box-shadow: 0 0 0 9px #ffd400;
    }
    .bottom {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
      align-items: center;
    }
    .hints {
      margin: 8px 0 0;
      padding-left: 1.2em;
    }
    .status {
      margin: 0;
      flex: 1 1 16em;
    }
    label {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 4px 8px;
      align-items: center;
      max-width: 100%;
    }
    li {
      min-width: 0;
      max-width: 100%;
    }
    li.firmware {
      flex: 1 1 16em;
    }
    li.firmware label {
      display: flex;
      width: 100%;
    }
    li.firmware select {
      flex: 1 1 12em;
      min-width: 0;
      max-width: 100%;
    }
  `;

  @property({ attribute: false }) world: WorldState | undefined;
  @property({ attribute: false }) firmware: readonly string[] = [];
  @property({ attribute: false }) send: ((c: SimCommand) => void) | undefined;
  /** The radio before a network or signal fault, to go back to. */
  @state() private radioBefore: RadioState | undefined;

  private readonly i18n = new LanguageController(this);

  private run(commands: readonly SimCommand[]): void {
    for (const c of commands) this.send?.(c);
  }

  private toggle(id: FaultId): void {
    const w = this.world;
    if (!w) return;
    const on = ONE_SHOT.has(id) || !faultOn(id, w);
    if (
      on &&
      (id === 'no-network' || id === 'weak-signal') &&
      activeFaults(w).every((f) => f !== 'no-network' && f !== 'weak-signal')
    )
      this.radioBefore = w.radio;
    this.run(faultCommands(id, on, w, this.radioBefore));
  }

  private hint(id: FaultId, w: WorldState): string {
    if (id === 'weak-signal') return this.i18n.f(PANEL.faults.hints[id], { dbm: WEAK_RSSI });
    if (id === 'wrong-baud')
      return this.i18n.f(PANEL.faults.hints[id], { baud: w.faults.wrongBaud ?? wrongBaudFor(w.baud) });
    return this.i18n.t(PANEL.faults.hints[id]);
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const w = this.world;
    if (!w) return nothing;
    const active = activeFaults(w);
    const names = active.map((id) => t(PANEL.faults.names[id]));
    if (this.firmware.length > 0) names.push(`${t(PANEL.faults.firmware)} ${this.firmware.join('+')}`);
    const list = new Intl.ListFormat(this.i18n.lang === 'zh' ? 'zh-CN' : 'en', { type: 'conjunction' });
    return html`<ul class="faults">
        ${FAULT_IDS.map((id) => {
          const oneShot = ONE_SHOT.has(id);
          const on = !oneShot && faultOn(id, w);
          return html`<li>
            <button
              type="button"
              data-testid=${`fault-${id}`}
              data-on=${on ? 'true' : 'false'}
              aria-pressed=${oneShot ? nothing : on ? 'true' : 'false'}
              title=${this.hint(id, w)}
              @click=${() => this.toggle(id)}
            >
              ${t(PANEL.faults.names[id])}${oneShot ? nothing : html`<span class="state" aria-hidden="true">${t(on ? PANEL.faults.on : PANEL.faults.off)}</span>`}
            </button>
          </li>`;
        })}
        <li class="firmware">
          <label
            >${t(PANEL.faults.firmware)}
            <select
              data-testid="fault-firmware"
              @change=${(e: Event) => {
                const v = (e.target as HTMLSelectElement).value;
                this.send?.({ type: 'set-firmware', selection: v === '' ? [] : [v] });
              }}
            >
              <option value="" ?selected=${this.firmware.length === 0}>
                ${t(PANEL.faults.firmwareManual)}
              </option>
              ${FIRMWARE_CHOICES.map((name) => {
                const info = FIRMWARE_PRESET_INFO[name];
                return html`<option
                  value=${name}
                  ?selected=${this.firmware.length === 1 && this.firmware[0] === name}
                >
                  ${info ? t(info.label) : name}
                </option>`;
              })}
            </select>
          </label>
        </li>
      </ul>
      <div class="bottom">
        <p class="status" aria-live="polite" data-testid="faults-status">
          ${names.length === 0 ? t(PANEL.faults.none) : this.i18n.f(PANEL.faults.active, { list: list.format(names) })}
        </p>
        <button
          type="button"
          class="clear"
          data-testid="fault-clear"
          ?disabled=${names.length === 0}
          @click=${() => this.run(clearAllCommands(w, this.radioBefore))}
        >
          ${t(PANEL.faults.clear)}
        </button>
      </div>
      ${
        active.length === 0
          ? nothing
          : html`<ul class="hints" data-testid="fault-hints">
              ${active.map((id) => html`<li>${this.hint(id, w)}</li>`)}
            </ul>`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-fault-bar': DtuFaultBar;
  }
}

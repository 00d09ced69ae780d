import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type { ByteLogEntry } from '../components/byte-log/byte-log';
import '../components/byte-log/byte-log';
import { LanguageController } from '../controllers/language-controller';
import { SessionController } from '../controllers/session-controller';
import { StoreController } from '../controllers/store-controller';
import { S } from '../i18n/strings';
import { CommandHistory } from '../logic/history';
import '../raw-mode/raw-input';
import '../plus-timing/plus-timing-panel';
import { RAW_MODE } from '../raw-mode/strings';
import { logFileName, type LogView } from '../logic/traffic-log';
import type {
  DeviceError,
  ExportLogOptions,
  SessionService,
  TrafficEntry,
} from '../services/session-service';
import '../log-export/log-download';
import { downloadText } from '../components/profile-files/download';
import { LogRing } from '../../session/log-ring';
import { LogRecorder } from '../stream-log/log-recorder';
import '../stream-log/record-button';
import { joinPieces } from '../stream-log/join-pieces';
import { base, tokens } from '../styles/shared';
import { viewStyles } from './view-styles';
import '../sim-panel/projector-toggle';
import { ProjectorController, projectorStyles } from '../sim-panel/projector';

const QUICK = ['AT', 'AT+VER', 'AT+CSQ', 'AT+SYSINFO', 'AT+SOCKALK', 'AT+H'];
/** The terminal keeps this much on screen; "Record the whole log" keeps everything. */
const TERMINAL_ENTRIES = 5000;
const TERMINAL_BYTES = 512 * 1024;

/**
 * "Record the whole log" outlives the view (the person may look at other views while it records): one
 * recording per page, fed from the session's traffic from its start until "Stop and save".
 */
const recorder = new LogRecorder('terminal');
let stopFeeding: (() => void) | undefined;

function startRecording(session: SessionService): void {
  for (const e of session.traffic()) recorder.add(e);
  stopFeeding?.();
  stopFeeding = session.onTraffic((e) => recorder.add(e));
}

function stopRecording(): void {
  stopFeeding?.();
  stopFeeding = undefined;
}

/**
 * The raw AT console: type commands as in the manual (history with ↑/↓), see every byte of the traffic in
 * text or hex, send password AT (3.1.3) without command mode, download the log. Raw mode sends each key
 * as it is typed, with no session around it (a trainer shows `+++` entry by hand); the normal mode goes
 * through the session, whose `+++` is the guarded entry.
 */
@customElement('dtu-terminal-view')
export class DtuTerminalView extends LitElement {
  static override styles = [
    tokens,
    base,
    viewStyles,
    css`
      dtu-byte-log {
        --log-height: min(50vh, 420px);
        margin-bottom: 12px;
      }
      form {
        display: flex;
        flex-wrap: wrap;
        gap: 8px 12px;
        align-items: flex-end;
      }
      form .cmd {
        flex: 1 1 260px;
      }
      form .cmd input {
        width: 100%;
        font-family: var(--dtu-mono);
      }
      .quick {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
        margin: 8px 0 0;
      }
      .quick button {
        font-family: var(--dtu-mono);
        font-size: 0.85rem;
        min-height: 32px;
        padding: 2px 10px;
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        gap: 8px 16px;
        align-items: center;
        margin-bottom: 8px;
      }
      .toolbar fieldset {
        margin: 0;
        padding: 2px 10px 6px;
        display: flex;
        gap: 12px;
      }
      .raw-toggle {
        flex: 1 1 300px;
      }
      .raw-toggle p {
        margin: 2px 0 0;
      }
      .plus-timing {
        margin-top: 16px;
      }
    `,
    projectorStyles,
  ];

  private readonly i18n = new LanguageController(this);
  /** Projector mode (sim-panel/projector.ts): large type and high contrast for a classroom. */
  protected readonly projector = new ProjectorController(this);
  private readonly session = new SessionController(this);
  private readonly store = new StoreController(this);
  private readonly history = new CommandHistory();

  /** What the terminal shows: the newest entries, bounded; older ones are counted, not kept. */
  private readonly entries = new LogRing<ByteLogEntry>({
    maxEntries: TERMINAL_ENTRIES,
    maxBytes: TERMINAL_BYTES,
  });
  @state() private view: LogView = 'text';
  @state() private passwordMode = false;
  @state() private rawMode = false;
  @state() private password = '';
  @state() private sending = false;
  @state() private lastError: DeviceError | undefined;
  @query('#cmd') private input!: HTMLInputElement;
  private nextId = 0;
  /** When the newest piece of traffic came (stream-log/join-pieces.ts). */
  private lastPieceAt = -Infinity;
  private unsubscribe: (() => void) | undefined;

  override updated(): void {
    if (!this.unsubscribe && this.session.available) {
      const kept = this.session.api.traffic();
      for (let i = Math.max(0, kept.length - TERMINAL_ENTRIES); i < kept.length; i++)
        this.add(this.toEntry(kept[i] as TrafficEntry));
      // O(1) per chunk: the log redraws once per animation frame, whatever the rate.
      this.unsubscribe = this.session.api.onTraffic((e) => this.add(this.toEntry(e)));
    }
  }

  override disconnectedCallback(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    super.disconnectedCallback();
  }

  /** A piece that continues the last row's unfinished line joins it (stream-log/join-pieces.ts). */
  private add(entry: ByteLogEntry): void {
    const joined = joinPieces(this.entries.last, entry, this.lastPieceAt);
    if (joined) this.entries.replaceLast(joined);
    else this.entries.push(entry);
    this.lastPieceAt = entry.at;
  }

  private toEntry(e: TrafficEntry): ByteLogEntry {
    return { id: this.nextId++, at: e.at, dir: e.dir, bytes: e.bytes };
  }

  private async send(line: string): Promise<void> {
    const command = line.trim();
    if (command === '' || !this.session.ready) return;
    this.history.push(command);
    this.input.value = '';
    this.sending = true;
    this.lastError = undefined;
    try {
      const password = this.passwordMode
        ? this.password || this.store.value.device?.['CMDPW'] || 'usr.cn'
        : undefined;
      const reply = await this.session.api.sendRaw(command, password === undefined ? {} : { password });
      this.lastError = reply.error;
    } catch (e) {
      this.lastError = { raw: e instanceof Error ? e.message : String(e), meaning: { en: '', zh: '' } };
    } finally {
      this.sending = false;
      this.input.focus();
    }
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'ArrowUp') {
      e.preventDefault();
      this.input.value = this.history.up(this.input.value);
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      this.input.value = this.history.down();
    }
  }

  private renderCommandForm(ready: boolean) {
    const t = this.i18n.t.bind(this.i18n);
    return html`
      <form
        class="card"
        @submit=${(e: Event) => {
          e.preventDefault();
          void this.send(this.input.value);
        }}
      >
        <label class="cmd"
          >${t(S.terminal.command)}
          <input
            id="cmd"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck="false"
            placeholder="AT+VER"
            ?disabled=${!ready}
            @keydown=${this.onKey}
        /></label>
        <button class="primary" type="submit" ?disabled=${!ready || this.sending}>
          ${t(S.terminal.send)}
        </button>
        <label class="inline">
          <input
            type="checkbox"
            .checked=${this.passwordMode}
            @change=${(e: Event) => (this.passwordMode = (e.target as HTMLInputElement).checked)}
          />
          ${t(S.terminal.passwordMode)}
        </label>
        ${
          this.passwordMode
            ? html`<label
                >${t(S.terminal.password)}
                <input
                  type="password"
                  autocomplete="off"
                  placeholder="usr.cn"
                  .value=${this.password}
                  @input=${(e: Event) => (this.password = (e.target as HTMLInputElement).value)}
              /></label>`
            : nothing
        }
      </form>
      ${
        this.lastError
          ? html`<p class="notice error" role="alert" data-testid="terminal-error">
              <code>${this.lastError.raw}</code> ${t(this.lastError.meaning)}
            </p>`
          : nothing
      }
      <div class="quick" role="group" aria-label=${t(S.terminal.quick)}>
        ${QUICK.map(
          (c) =>
            html`<button type="button" ?disabled=${!ready || this.sending} @click=${() => void this.send(c)}>
              ${c}
            </button>`,
        )}
      </div>
    `;
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const ready = this.session.ready;
    return html`
      <div class="head">
        <h2>${t(S.terminal.heading)}</h2>
        <div class="actions">
          <dtu-projector-toggle></dtu-projector-toggle>
          <button type="button" @click=${() => this.entries.clear()}>${t(S.terminal.clear)}</button>
          <dtu-record-button
            .recorder=${recorder}
            .onStart=${() => this.session.available && startRecording(this.session.api)}
            .onStop=${stopRecording}
            filePrefix="dtu-terminal"
          ></dtu-record-button>
          <dtu-log-download
            .save=${(options: ExportLogOptions) =>
              downloadText(
                logFileName(new Date()),
                this.session.api.exportLog(options),
                'application/jsonl;charset=utf-8',
              )}
          ></dtu-log-download>
        </div>
      </div>
      <p class="muted">${t(S.terminal.intro)}</p>
      ${ready ? nothing : html`<p class="notice">${t(S.app.notConnected)} <a href="#connect">${t(S.app.goConnect)}</a></p>`}
      <div class="toolbar">
        <fieldset>
          <legend>${t(S.terminal.view)}</legend>
          ${(['text', 'hex'] as const).map(
            (v) =>
              html`<label class="inline"
                ><input
                  type="radio"
                  name="view"
                  .checked=${this.view === v}
                  @change=${() => (this.view = v)}
                />${t(S.terminal[v])}</label
              >`,
          )}
        </fieldset>
        <div class="raw-toggle">
          <label class="inline">
            <input
              type="checkbox"
              data-testid="raw-mode"
              aria-describedby="raw-explain"
              .checked=${this.rawMode}
              @change=${(e: Event) => (this.rawMode = (e.target as HTMLInputElement).checked)}
            />
            ${t(S.terminal.rawMode)}
          </label>
          <p class="muted small" id="raw-explain">${t(RAW_MODE.explain)}</p>
        </div>
      </div>
      <dtu-byte-log
        data-testid="terminal-log"
        .source=${this.entries}
        .view=${this.view}
        .label=${t(S.terminal.log)}
        .emptyText=${t(S.terminal.empty)}
        .dirLabels=${{ tx: t(S.terminal.tx), rx: t(S.terminal.rx), note: t(S.terminal.note) }}
      ></dtu-byte-log>
      ${
        this.rawMode
          ? html`<div class="card raw">
              <dtu-raw-input ?disabled=${!ready}></dtu-raw-input>
            </div>`
          : this.renderCommandForm(ready)
      }
      <div class="card plus-timing"><dtu-plus-timing-panel></dtu-plus-timing-panel></div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-terminal-view': DtuTerminalView;
  }
}

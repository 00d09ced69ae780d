import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type {
  BrokenBehaviour,
  HttpRequestRecord,
  LedState,
  LinkState,
  ModuleMode,
  NetworkType,
  RadioState,
  ServerBehaviour,
  ServerStreamState,
  SimCommand,
  SimEvent,
  SimFaults,
  SocketId,
} from '../../simulator/core/control';
import type { Text } from '../../protocol/types';
import type { UartSettings } from '../../protocol/uart';
import { describeFirmware, FIRMWARE_PRESET_INFO, FIRMWARE_PRESETS } from '../../simulator/core/variants';
import type { ByteLogEntry } from '../components/byte-log/byte-log';
import '../components/byte-log/byte-log';
import '../components/led/led';
import '../sim-stress/stress-panel';
import '../sim-panel/world-log-view';
import '../sim-panel/fault-bar';
import '../sim-panel/projector-toggle';
import '../plus-timing/plus-timing-panel';
import type { DtuWorldLog } from '../sim-panel/world-log-view';
import { LanguageController } from '../controllers/language-controller';
import { SimulatorController } from '../controllers/simulator-controller';
import { S } from '../i18n/strings';
import { hexToBytes } from '../logic/bytes';
import { LogRing } from '../../session/log-ring';
import { base, tokens } from '../styles/shared';
import { viewStyles } from './view-styles';
import { cableUnplugged, setCableUnplugged } from '../sim-panel/cable';
import { NO_FAULTS, type WorldState } from '../sim-panel/faults';
import { panelStyles } from '../sim-panel/panel-styles';
import { ProjectorController, projectorStyles } from '../sim-panel/projector';
import { serverAddress } from '../sim-panel/server-address';
import { PANEL } from '../sim-panel/strings';
import { pageWorldLog } from '../sim-panel/world-log';

const SOCKETS: readonly SocketId[] = ['A', 'B', 'C', 'D'];
const NETWORKS: readonly NetworkType[] = ['4G', '3G', '2G', 'none'];
const BEHAVIOURS: readonly ServerBehaviour[] = ['echo', 'silent', 'refuse'];
/** Entries and bytes each server's log keeps on screen (older ones are counted, not kept). */
const KEEP = 2000;
const KEEP_BYTES = 256 * 1024;
const newLog = (): LogRing<ByteLogEntry> => new LogRing({ maxEntries: KEEP, maxBytes: KEEP_BYTES });
const encoder = new TextEncoder();
/** Firmware presets offered as checkboxes (core/variants.ts); none checked = as the manual says. */
const FIRMWARE_CHOICES: readonly string[] = Object.keys(FIRMWARE_PRESETS).filter((n) => n !== 'manual');

const tx = (en: string, zh: string): Text => ({ en, zh });
/** Strings of the firmware-variant card (kept here while i18n/strings.ts is being edited elsewhere). */
const FW = {
  heading: tx('Firmware variant', '固件变体'),
  intro: tx(
    'Real modules answer in other ways than the manual says. Tick variants to make the simulated module behave like other firmware versions; they take effect at once (the start message at the next start).',
    '实际模块的应答方式与手册不尽相同。勾选变体，让模拟模块表现得像其他固件版本；立即生效（启动信息在下次启动时生效）。',
  ),
  presets: tx('Variants (combined)', '变体（可组合）'),
  current: tx('Running: {label}', '当前：{label}'),
  manual: tx('Back to the manual', '恢复为手册行为'),
  rejected: tx('Not applied: {message}', '未生效：{message}'),
  seenIn: tx('seen in: {source}', '来源：{source}'),
};

interface SmsLine {
  readonly id: number;
  readonly dir: 'in' | 'out';
  readonly peer: string;
  readonly text: string;
  readonly delivered: boolean;
}

/** Text typed in a send box, as bytes: hex digits in hex mode, else UTF-8 with `\r` `\n` understood. */
export function bytesFromInput(text: string, mode: 'text' | 'hex'): Uint8Array | undefined {
  if (mode === 'hex') return hexToBytes(text);
  return encoder.encode(text.replace(/\\r/g, '\r').replace(/\\n/g, '\n'));
}

/**
 * The trainer's panel: the simulated module's surroundings. Its parts live in `sim-panel/`: the one
 * chronological log of the world (who sent what to whom), the one-click faults, projector mode, the cable.
 * Here: the state from the simulator's events, and the layout — status and LEDs, faults, the log with the
 * serial device's send box, the servers (address, link, behaviour, their packets), phone and HTTP server,
 * radio and power, firmware variants, streams and broken devices.
 */
@customElement('dtu-simulator-view')
export class DtuSimulatorView extends LitElement {
  static override styles = [tokens, base, viewStyles, panelStyles, projectorStyles];

  private readonly i18n = new LanguageController(this);
  private readonly sim = new SimulatorController(this, (e) => this.onEvent(e));
  protected readonly projector = new ProjectorController(this);

  @state() private mode: ModuleMode = 'off';
  @state() private leds: LedState = { pwr: false, work: false, net: 0, linkA: false, linkB: false };
  @state() private links: Record<SocketId, LinkState> = {
    A: 'disabled',
    B: 'disabled',
    C: 'disabled',
    D: 'disabled',
  };
  /** Why each link last went down (the simulator's `link` reason), cleared when it connects. */
  @state() private linkWhy: Partial<Record<SocketId, string>> = {};
  @state() private behaviours: Record<SocketId, ServerBehaviour> = {
    A: 'echo',
    B: 'echo',
    C: 'echo',
    D: 'echo',
  };
  @state() private radio: RadioState = { network: '4G', rssi: -71 };
  @state() private faults: SimFaults = NO_FAULTS;
  @state() private running: Readonly<Record<string, string>> = {};
  @state() private unplugged = cableUnplugged();
  /** The world's log: a plain object, redrawn by its element per frame (a chunk costs no view render). */
  private readonly world = pageWorldLog;
  /** The logs are rings, not state: a chunk costs an O(1) push and the log redraws itself per frame. */
  private readonly packets: Record<SocketId, LogRing<ByteLogEntry>> = {
    A: newLog(),
    B: newLog(),
    C: newLog(),
    D: newLog(),
  };
  @state() private sms: SmsLine[] = [];
  @state() private http: HttpRequestRecord[] = [];
  @state() private sendMode: Record<string, 'text' | 'hex'> = {};
  @state() private firmware: readonly string[] = [];
  @state() private firmwareError: string | undefined;
  @state() private streams: Record<SocketId, ServerStreamState> = {
    A: { bytesPerSecond: 0, pattern: 'text' },
    B: { bytesPerSecond: 0, pattern: 'text' },
    C: { bytesPerSecond: 0, pattern: 'text' },
    D: { bytesPerSecond: 0, pattern: 'text' },
  };
  @state() private broken: BrokenBehaviour | null = null;
  @state() private serialDropped = 0;
  @state() private uart: UartSettings = { baud: 115200, dataBits: 8, stopBits: 1, parity: 'NONE' };
  private readonly sendCommand = (command: SimCommand): void => this.sim.send(command);
  private nextId = 0;

  override firstUpdated(): void {
    void this.sim.start();
  }

  /** The log's element, once rendered (looked up once: a stream calls this per chunk). */
  private worldLogElement: DtuWorldLog | undefined;

  private worldChanged(): void {
    this.worldLogElement ??= this.renderRoot.querySelector<DtuWorldLog>('dtu-world-log') ?? undefined;
    this.worldLogElement?.changed();
  }

  private onEvent(e: SimEvent): void {
    if (this.world.push(e)) this.worldChanged();
    switch (e.type) {
      case 'snapshot':
        this.mode = e.snapshot.mode;
        this.leds = e.snapshot.leds;
        this.links = { ...e.snapshot.links };
        this.behaviours = { ...e.snapshot.behaviours };
        this.radio = e.snapshot.radio;
        this.uart = e.snapshot.uart;
        this.running = e.snapshot.running;
        this.firmware = e.snapshot.firmware ?? [];
        if (e.snapshot.streams) this.streams = { ...e.snapshot.streams };
        this.broken = e.snapshot.broken ?? null;
        this.serialDropped = e.snapshot.serialDropped ?? 0;
        this.faults = e.snapshot.faults ?? NO_FAULTS;
        return;
      case 'faults':
        this.faults = e.faults;
        return;
      case 'restart':
        // New running settings (addresses) after every start.
        if (e.phase === 'done') this.sim.send({ type: 'get-snapshot' });
        return;
      case 'server-stream':
        this.streams = {
          ...this.streams,
          [e.socket]: { bytesPerSecond: e.bytesPerSecond, pattern: e.pattern },
        };
        return;
      case 'broken':
        this.broken = e.behaviour;
        return;
      case 'serial-drop':
        this.serialDropped = e.dropped;
        return;
      case 'uart':
        this.uart = e.uart;
        return;
      case 'firmware':
        this.firmware = e.selection;
        this.firmwareError = e.error;
        return;
      case 'mode':
        this.mode = e.mode;
        return;
      case 'leds':
        this.leds = e.leds;
        return;
      case 'link':
        this.links = { ...this.links, [e.socket]: e.state };
        this.linkWhy = {
          ...this.linkWhy,
          [e.socket]:
            e.state === 'connected' || e.state === 'disabled'
              ? undefined
              : (e.reason ?? this.linkWhy[e.socket]),
        };
        return;
      case 'radio':
        this.radio = e.radio;
        return;
      case 'socket-tx':
      case 'socket-rx': {
        const entry: ByteLogEntry = {
          id: this.nextId++,
          at: e.at,
          dir: e.type === 'socket-tx' ? 'tx' : 'rx',
          bytes: e.bytes,
          tag: e.tag,
          tagLabel: this.i18n.t(S.sim.tags[e.tag]),
        };
        this.packets[e.socket].push(entry);
        return;
      }
      case 'sms-in':
        this.sms = [
          ...this.sms,
          { id: this.nextId++, dir: 'in' as const, peer: e.from, text: e.text, delivered: true },
        ];
        return;
      case 'sms-out':
        this.sms = [
          ...this.sms,
          { id: this.nextId++, dir: 'out' as const, peer: e.to, text: e.text, delivered: e.delivered },
        ];
        return;
      case 'http-request':
        this.http = [...this.http, e.request].slice(-100);
        return;
      default:
        return;
    }
  }

  private get worldState(): WorldState {
    return { radio: this.radio, behaviours: this.behaviours, faults: this.faults, baud: this.uart.baud };
  }

  private setCable(out: boolean): void {
    setCableUnplugged(out);
    this.unplugged = out;
    if (out) this.sim.api?.unplug();
    else this.sim.api?.plug?.();
    this.world.pushNote(out ? 'cable-out' : 'cable-in');
    this.worldChanged();
  }

  private sendForm(id: string, onSend: (bytes: Uint8Array) => void, label: string) {
    const t = this.i18n.t.bind(this.i18n);
    const mode = this.sendMode[id] ?? 'text';
    return html`<form
      class="send"
      @submit=${(e: Event) => {
        e.preventDefault();
        const input = (e.target as HTMLFormElement).querySelector<HTMLInputElement>('input[type=text]');
        const bytes = input ? bytesFromInput(input.value, mode) : undefined;
        if (input && bytes && bytes.length > 0) {
          onSend(bytes);
          input.value = '';
        }
      }}
    >
      <label class="grow"
        >${label}
        <input
          type="text"
          autocomplete="off"
          spellcheck="false"
          placeholder=${mode === 'hex' ? '55 AA 55 …' : 'hello\\r\\n'}
      /></label>
      <label
        >${t(S.sim.sendAs)}
        <select
          @change=${(e: Event) => (this.sendMode = { ...this.sendMode, [id]: (e.target as HTMLSelectElement).value as 'text' | 'hex' })}
        >
          <option value="text" ?selected=${mode === 'text'}>${t(S.terminal.text)}</option>
          <option value="hex" ?selected=${mode === 'hex'}>${t(S.terminal.hex)}</option>
        </select>
      </label>
      <button type="submit" class="primary">${t(S.terminal.send)}</button>
    </form>`;
  }

  private renderAddress(s: SocketId) {
    const f = this.i18n.f.bind(this.i18n);
    const a = serverAddress(this.running, s);
    if (!a) return nothing;
    return html`<p data-testid=${`server-address-${s}`}>
      ${
        a.enabled
          ? html`<span class="address"
              >${f(PANEL.server.address, { host: a.host, port: a.port, protocol: a.protocol })}</span
            >`
          : html`<span class="muted">${f(PANEL.server.notEnabled, { s })}</span>`
      }
    </p>`;
  }

  private renderServer(s: SocketId) {
    const t = this.i18n.t.bind(this.i18n);
    const f = this.i18n.f.bind(this.i18n);
    const dirs = { tx: t(S.sim.fromModule), rx: t(S.sim.toModule) };
    const why = this.linkWhy[s];
    const state = t(S.sim.links[this.links[s]]);
    const reason = why
      ? t(PANEL.reasons[why as keyof typeof PANEL.reasons] ?? PANEL.reasons.unknown)
      : undefined;
    return html`<section class="card server" aria-labelledby=${`h-srv-${s}`} data-socket=${s}>
      <div class="strip">
        <h3 id=${`h-srv-${s}`}>${f(S.sim.server, { s })}</h3>
        <span class="link-state" data-state=${this.links[s]} data-testid=${`link-${s}`}
          >${f(S.sim.link, { state: reason && this.links[s] !== 'connected' ? f(PANEL.server.linkWhy, { state, reason }) : state })}</span
        >
      </div>
      ${this.renderAddress(s)}
      <div class="row">
        <label class="inline"
          >${t(S.sim.behaviour)}
          <select
            @change=${(e: Event) => {
              this.sim.send({
                type: 'set-server-behaviour',
                socket: s,
                behaviour: (e.target as HTMLSelectElement).value as ServerBehaviour,
              });
              // Behaviours have no event of their own: the snapshot brings the faults row up to date.
              this.sim.send({ type: 'get-snapshot' });
            }}
          >
            ${BEHAVIOURS.map((b) => html`<option value=${b} ?selected=${this.behaviours[s] === b}>${t(S.sim.behaviours[b])}</option>`)}
          </select>
        </label>
        <button
          type="button"
          ?disabled=${this.links[s] !== 'connected'}
          @click=${() => this.sim.send({ type: 'drop-link', socket: s })}
        >
          ${t(S.sim.dropLink)}
        </button>
      </div>
      <dtu-byte-log
        data-testid=${`server-log-${s}`}
        .source=${this.packets[s]}
        .label=${f(S.sim.server, { s })}
        .emptyText=${t(S.sim.noPackets)}
        .dirLabels=${dirs}
      ></dtu-byte-log>
      ${this.sendForm(`srv-${s}`, (bytes) => this.sim.send({ type: 'server-send', socket: s, bytes }), t(S.sim.sendDown))}
    </section>`;
  }

  private setFirmware(name: string, on: boolean): void {
    const rest = this.firmware.filter((n) => n !== name);
    this.sim.send({ type: 'set-firmware', selection: on ? [...rest, name] : rest });
  }

  private renderFirmware() {
    const t = this.i18n.t.bind(this.i18n);
    const f = this.i18n.f.bind(this.i18n);
    return html`<section class="card" aria-labelledby="h-firmware" data-testid="firmware">
      <h3 id="h-firmware">${t(FW.heading)}</h3>
      <p class="muted small" id="firmware-intro">${t(FW.intro)}</p>
      <fieldset aria-describedby="firmware-intro">
        <legend>${t(FW.presets)}</legend>
        <div class="variants">
          ${FIRMWARE_CHOICES.map((name) => {
            const info = FIRMWARE_PRESET_INFO[name];
            return html`<label class="inline variant">
              <input
                type="checkbox"
                data-testid=${`firmware-${name}`}
                .checked=${this.firmware.includes(name)}
                @change=${(e: Event) => this.setFirmware(name, (e.target as HTMLInputElement).checked)}
              />
              <span
                >${info ? t(info.label) : name} <code>${name}</code>
                ${info ? html`<span class="muted small source">${f(FW.seenIn, { source: t(info.source) })}</span>` : nothing}
              </span>
            </label>`;
          })}
        </div>
      </fieldset>
      <div class="strip">
        <p aria-live="polite" data-testid="firmware-current">
          ${f(FW.current, { label: t(describeFirmware(this.firmware)) })}
        </p>
        <button
          type="button"
          ?disabled=${this.firmware.length === 0}
          @click=${() => this.sim.send({ type: 'set-firmware', selection: [] })}
        >
          ${t(FW.manual)}
        </button>
      </div>
      ${
        this.firmwareError
          ? html`<p class="error small" role="alert">${f(FW.rejected, { message: this.firmwareError })}</p>`
          : nothing
      }
    </section>`;
  }

  private renderLeds() {
    const t = this.i18n.t.bind(this.i18n);
    const f = this.i18n.f.bind(this.i18n);
    return html`<div class="leds" aria-label=${t(S.dashboard.leds)} role="group" data-testid="sim-leds">
      <dtu-led
        name="PWR"
        colour="#ff5a4f"
        data-led="pwr"
        data-on=${String(this.leds.pwr)}
        ?on=${this.leds.pwr}
        .description=${t(this.leds.pwr ? S.dashboard.ledOn : S.dashboard.ledOff)}
      ></dtu-led>
      <dtu-led
        name="WORK"
        colour="#2ecc40"
        data-led="work"
        data-on=${String(this.leds.work)}
        ?on=${this.leds.work}
        .description=${t(this.leds.work ? S.dashboard.ledOn : S.dashboard.ledOff)}
      ></dtu-led>
      <dtu-led
        name="NET"
        colour="#4fc3ff"
        data-led="net"
        data-on=${String(this.leds.net > 0)}
        .blinks=${this.leds.net}
        .description=${this.leds.net > 0 ? f(S.dashboard.ledBlink, { n: this.leds.net }) : t(S.dashboard.ledOff)}
      ></dtu-led>
      <dtu-led
        name="LINKA"
        colour="#f2cc60"
        data-led="linkA"
        data-on=${String(this.leds.linkA)}
        ?on=${this.leds.linkA}
        .description=${t(this.leds.linkA ? S.dashboard.ledOn : S.dashboard.ledOff)}
      ></dtu-led>
      <dtu-led
        name="LINKB"
        colour="#f2cc60"
        data-led="linkB"
        data-on=${String(this.leds.linkB)}
        ?on=${this.leds.linkB}
        .description=${t(this.leds.linkB ? S.dashboard.ledOn : S.dashboard.ledOff)}
      ></dtu-led>
    </div>`;
  }

  private renderStatus() {
    const t = this.i18n.t.bind(this.i18n);
    const f = this.i18n.f.bind(this.i18n);
    return html`<div class="card strip">
      <div>
        <p>
          <strong data-testid="sim-mode" data-mode=${this.mode}
            >${f(S.sim.mode, { mode: t(S.sim.modes[this.mode]) })}</strong
          >
        </p>
        <p
          class="cable"
          data-testid="cable-state"
          data-unplugged=${String(this.unplugged)}
          aria-live="polite"
        >
          ${t(this.unplugged ? PANEL.cable.out : PANEL.cable.in)} ${this.unplugged ? nothing : nothing}
        </p>
        <div class="actions">
          <button
            type="button"
            class=${this.unplugged ? 'primary' : 'danger'}
            data-testid="unplug"
            aria-pressed=${this.unplugged ? 'true' : 'false'}
            @click=${() => this.setCable(!this.unplugged)}
          >
            ${t(this.unplugged ? PANEL.cable.plug : PANEL.cable.unplug)}
          </button>
          <button
            type="button"
            data-testid="power-cycle"
            @click=${() => this.sim.send({ type: 'power-cycle' })}
          >
            ${t(S.sim.powerCycle)}
          </button>
        </div>
      </div>
      ${this.renderLeds()}
    </div>`;
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const f = this.i18n.f.bind(this.i18n);
    if (!this.sim.running) {
      return html`<div class="head"><h2>${t(S.sim.heading)}</h2></div>
        <p class="muted" aria-busy="true">${t(S.app.loading)}</p>`;
    }
    return html`
      <div class="head">
        <h2>${t(S.sim.heading)}</h2>
        <dtu-projector-toggle></dtu-projector-toggle>
      </div>
      <p class="muted">${t(S.sim.intro)}</p>
      ${this.renderStatus()}
      <section class="card" aria-labelledby="h-faults" data-testid="faults">
        <h3 id="h-faults">${t(PANEL.faults.heading)}</h3>
        <p class="muted small">${t(PANEL.faults.intro)}</p>
        <dtu-fault-bar
          ?projector=${this.projector.active}
          .world=${this.worldState}
          .firmware=${this.firmware}
          .send=${this.sendCommand}
        ></dtu-fault-bar>
      </section>
      <section class="card world" aria-labelledby="h-world">
        <div class="strip">
          <h3 id="h-world">${t(PANEL.log.heading)}</h3>
          <button
            type="button"
            @click=${() => {
              this.world.clear();
              this.worldChanged();
            }}
          >
            ${t(PANEL.log.clear)}
          </button>
        </div>
        <p class="muted small">${t(PANEL.log.intro)}</p>
        <div data-testid="serial-log">
          <dtu-world-log data-testid="world-log" .log=${this.world}></dtu-world-log>
        </div>
        ${this.sendForm('serial', (bytes) => this.sim.send({ type: 'serial-write', bytes, line: this.uart }), t(S.sim.sendSerial))}
      </section>
      <div class="card"><dtu-plus-timing-panel source="module" compact></dtu-plus-timing-panel></div>
      <h3>${t(S.sim.servers)}</h3>
      <div class="servers">${SOCKETS.map((s) => this.renderServer(s))}</div>
      <div class="grid" style="margin-top:16px">
        <section class="card" aria-labelledby="h-phone">
          <h3 id="h-phone">${t(S.sim.phone)}</h3>
          ${this.sms.length === 0 ? html`<p class="muted">${t(S.sim.noSms)}</p>` : nothing}
          <ul class="sms" data-testid="phone-sms" aria-live="polite">
            ${this.sms.map(
              (m) =>
                html`<li class=${m.dir}>
                  <span class="small"
                    >${f(PANEL.fromTo, {
                      from: t(m.dir === 'in' ? PANEL.parties.phone : PANEL.parties.module),
                      to: t(m.dir === 'in' ? PANEL.parties.module : PANEL.parties.phone),
                    })}
                    · ${m.peer}</span
                  ><br />${m.text}
                  ${m.delivered ? nothing : html`<br /><span class="error small">${t(S.sim.notDelivered)}</span>`}
                </li>`,
            )}
          </ul>
          <form
            class="send"
            @submit=${(e: Event) => {
              e.preventDefault();
              const input = (e.target as HTMLFormElement).querySelector('input');
              if (input && input.value !== '') {
                this.sim.send({ type: 'phone-send', text: input.value });
                input.value = '';
              }
            }}
          >
            <label class="grow"
              >${t(S.sim.phoneText)}
              <input type="text" autocomplete="off" placeholder="usr.cnAT+VER" />
              <span class="muted small">${t(S.sim.phoneHint)}</span>
            </label>
            <button type="submit" class="primary">${t(S.sim.phoneSend)}</button>
          </form>
        </section>
        <section class="card" aria-labelledby="h-http">
          <h3 id="h-http">${t(S.sim.http)}</h3>
          ${
            this.http.length === 0
              ? html`<p class="muted">${t(S.sim.noRequests)}</p>`
              : html`<ol class="http">
                  ${this.http.map((r) => html`<li>${r.method} ${r.target} — ${r.host}:${r.port} (${r.body.length} B)</li>`)}
                </ol>`
          }
        </section>
      </div>
      <div class="grid" style="margin-top:16px">
        <section class="card" aria-labelledby="h-radio">
          <h3 id="h-radio">${t(S.sim.radio)}</h3>
          <p>
            <label
              >${t(S.sim.network)}
              <select
                data-testid="radio-network"
                @change=${(e: Event) =>
                  this.sim.send({
                    type: 'set-radio',
                    network: (e.target as HTMLSelectElement).value as NetworkType,
                    rssi: this.radio.rssi,
                  })}
              >
                ${NETWORKS.map((n) => html`<option value=${n} ?selected=${this.radio.network === n}>${t(S.sim.networks[n])}</option>`)}
              </select>
            </label>
          </p>
          <p>
            <label style="width:100%"
              >${f(S.sim.rssi, { dbm: this.radio.rssi })}
              <input
                type="range"
                min="-120"
                max="-45"
                step="1"
                .value=${String(this.radio.rssi)}
                @change=${(e: Event) =>
                  this.sim.send({
                    type: 'set-radio',
                    network: this.radio.network,
                    rssi: Number((e.target as HTMLInputElement).value),
                  })}
            /></label>
          </p>
        </section>
        <section class="card" aria-labelledby="h-power">
          <h3 id="h-power">${t(S.sim.power)}</h3>
          <div class="actions">
            <button type="button" @click=${() => this.sim.send({ type: 'press-reload', ms: 5000 })}>
              ${t(S.sim.reload)}
            </button>
            <button type="button" @click=${() => this.sim.send({ type: 'reset-demo' })}>
              ${t(S.sim.resetDemo)}
            </button>
          </div>
          <p class="muted small" style="margin-top:12px">${t(S.sim.unplugHint)}</p>
        </section>
      </div>
      ${this.renderFirmware()}
      <dtu-sim-stress
        .streams=${this.streams}
        .broken=${this.broken}
        .dropped=${this.serialDropped}
        .baud=${this.uart.baud}
        .send=${this.sendCommand}
      ></dtu-sim-stress>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-simulator-view': DtuSimulatorView;
  }
}

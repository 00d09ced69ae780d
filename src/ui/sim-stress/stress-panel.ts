import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  BROKEN_BEHAVIOURS,
  SOCKET_IDS,
  type BrokenBehaviour,
  type ServerStreamState,
  type SimCommand,
  type SocketId,
  type StreamPattern,
} from '../../simulator/core/control';
import { LanguageController } from '../controllers/language-controller';
import { base, tokens } from '../styles/shared';
import { STRESS } from './strings';

/** Bytes per second a UART at `baud` carries with 8N1 (10 bits a character). */
export function lineRateBytes(baud: number): number {
  return Math.floor(baud / 10);
}

/** Rates offered in one click: what 9600, 115200, 230400 and 921600 lines carry. */
export const STREAM_PRESETS: readonly number[] = [9600, 115200, 230400, 921600];

/**
 * The trainer's card for a server that pushes data at a set rate (`server-stream`) and for devices that do
 * not behave like a 7S4 (`set-broken`). Presentational: the Simulator view passes the state from the
 * simulator's events and a `send` for commands.
 */
@customElement('dtu-sim-stress')
export class DtuSimStress extends LitElement {
  static override styles = [
    tokens,
    base,
    css`
      .row {
        align-items: flex-end;
      }
      input[type='number'] {
        width: 10em;
        font-family: var(--dtu-mono);
      }
      fieldset {
        display: grid;
        gap: 4px;
      }
    `,
  ];

  @property({ attribute: false }) streams: Readonly<Record<SocketId, ServerStreamState>> = {
    A: { bytesPerSecond: 0, pattern: 'text' },
    B: { bytesPerSecond: 0, pattern: 'text' },
    C: { bytesPerSecond: 0, pattern: 'text' },
    D: { bytesPerSecond: 0, pattern: 'text' },
  };
  @property({ attribute: false }) broken: BrokenBehaviour | null = null;
  @property({ type: Number }) dropped = 0;
  /** The module's UART rate, for the drop message and the default stream rate. */
  @property({ type: Number }) baud = 115200;
  @property({ attribute: false }) send: (command: SimCommand) => void = () => undefined;

  @state() private socket: SocketId = 'A';
  @state() private rate: number | undefined;
  @state() private pattern: StreamPattern = 'text';

  private readonly i18n = new LanguageController(this);

  private start(): void {
    const bytesPerSecond = this.rate ?? lineRateBytes(this.baud);
    this.send({ type: 'server-stream', socket: this.socket, bytesPerSecond, pattern: this.pattern });
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const f = this.i18n.f.bind(this.i18n);
    const rate = this.rate ?? lineRateBytes(this.baud);
    const running = SOCKET_IDS.filter((s) => this.streams[s].bytesPerSecond > 0);
    const choice = this.broken ?? 'none';
    return html`<section class="card" aria-labelledby="h-stress" data-testid="sim-stress">
      <h3 id="h-stress">${t(STRESS.heading)}</h3>
      <p class="muted small">${t(STRESS.intro)}</p>
      <fieldset>
        <legend>${t(STRESS.stream)}</legend>
        <div class="row">
          <label
            >${t(STRESS.socket)}
            <select
              data-testid="stream-socket"
              @change=${(e: Event) => (this.socket = (e.target as HTMLSelectElement).value as SocketId)}
            >
              ${SOCKET_IDS.map((s) => html`<option value=${s} ?selected=${this.socket === s}>${s}</option>`)}
            </select>
          </label>
          <label
            >${t(STRESS.rate)}
            <input
              type="number"
              min="0"
              max="1000000"
              step="1"
              data-testid="stream-rate"
              .value=${String(rate)}
              @input=${(e: Event) => {
                const v = Number((e.target as HTMLInputElement).value);
                this.rate = Number.isFinite(v) && v >= 0 ? v : undefined;
              }}
            />
          </label>
          <label
            >${t(STRESS.pattern)}
            <select
              data-testid="stream-pattern"
              @change=${(e: Event) => (this.pattern = (e.target as HTMLSelectElement).value as StreamPattern)}
            >
              ${(['text', 'binary'] as const).map((p) => html`<option value=${p} ?selected=${this.pattern === p}>${t(STRESS.patterns[p])}</option>`)}
            </select>
          </label>
        </div>
        <div class="row" role="group" aria-label=${t(STRESS.rate)}>
          ${STREAM_PRESETS.map(
            (baud) =>
              html`<button
                type="button"
                data-testid=${`stream-preset-${baud}`}
                @click=${() => (this.rate = lineRateBytes(baud))}
              >
                ${f(STRESS.ratePreset, { baud })}
              </button>`,
          )}
        </div>
        <div class="row">
          <button type="button" class="primary" data-testid="stream-start" @click=${() => this.start()}>
            ${t(STRESS.start)}
          </button>
          <button
            type="button"
            data-testid="stream-stop"
            ?disabled=${running.length === 0}
            @click=${() => {
              for (const s of running) this.send({ type: 'server-stream', socket: s, bytesPerSecond: 0 });
            }}
          >
            ${t(STRESS.stop)}
          </button>
        </div>
        <p aria-live="polite" data-testid="stream-status" data-streaming=${running.length > 0 ? 'yes' : 'no'}>
          ${
            running.length === 0
              ? t(STRESS.idle)
              : running.map((s) =>
                  f(STRESS.streaming, {
                    s,
                    rate: this.streams[s].bytesPerSecond,
                    pattern: t(STRESS.patterns[this.streams[s].pattern]),
                  }),
                )
          }
        </p>
        ${
          this.dropped > 0
            ? html`<p class="small" data-testid="stream-dropped">
                ${f(STRESS.dropped, { n: this.dropped, baud: this.baud })}
              </p>`
            : nothing
        }
      </fieldset>
      <fieldset>
        <legend>${t(STRESS.broken)}</legend>
        ${(['none', ...BROKEN_BEHAVIOURS] as const).map(
          (b) =>
            html`<label class="inline"
              ><input
                type="radio"
                name="broken"
                data-testid=${`broken-${b}`}
                .checked=${choice === b}
                @change=${() => this.send({ type: 'set-broken', behaviour: b === 'none' ? null : b })}
              />${t(STRESS.brokenChoices[b])}</label
            >`,
        )}
        <p class="muted small" aria-live="polite" data-testid="broken-now" data-broken=${choice}>
          ${f(STRESS.brokenNow, { what: t(STRESS.brokenChoices[choice]) })}
        </p>
      </fieldset>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-sim-stress': DtuSimStress;
  }
}

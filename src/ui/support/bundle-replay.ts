import { ContextConsumer } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { realClock } from '../../clock/clock';
import type { Verdict } from '../../profile/bundle/compare';
import type { SupportBundle } from '../../profile/bundle/format';
import { Replay, type ExchangeResult } from '../../profile/bundle/replay';
import { simulatorContext } from '../context';
import { LanguageController } from '../controllers/language-controller';
import { SessionController } from '../controllers/session-controller';
import { settingLabel } from '../logic/profile-format';
import type { SimulatorService } from '../services/simulator-service';
import { base, tokens } from '../styles/shared';
import { exchangeText } from './replay-text';
import { loadModule, simulatorTarget, type LoadedModule } from './sim-replay';
import { SUPPORT } from './strings';

const R = SUPPORT.replay;

/**
 * "Replay on the simulator" (support side): puts the bundle's module on the simulator's cable
 * (swap-module: its settings before the session and its identity, already running), then sends the
 * customer's logged writes again — a step at a time or to the end — and marks each answer the simulator
 * gives differently from the customer's module (profile/bundle/compare.ts). The replay uses the simulator's
 * serial line, so the app must not be connected meanwhile.
 */
@customElement('dtu-bundle-replay')
export class DtuBundleReplay extends LitElement {
  static override styles = [
    tokens,
    base,
    css`
      ol {
        list-style: none;
        padding: 0;
        margin: 8px 0;
        max-height: 320px;
        overflow: auto;
        border: 1px solid var(--dtu-border);
        border-radius: var(--dtu-radius);
      }
      li button {
        display: grid;
        grid-template-columns: 3.5em 1fr auto;
        gap: 8px;
        width: 100%;
        text-align: left;
        border: none;
        border-radius: 0;
        border-bottom: 1px solid var(--dtu-border);
        background: var(--dtu-surface);
        font-family: var(--dtu-mono);
        font-size: 0.8rem;
        padding: 3px 8px;
        min-height: 0;
      }
      li button[aria-current='true'] {
        outline: 2px solid var(--dtu-accent);
        outline-offset: -2px;
      }
      .badge {
        font-family: inherit;
        font-size: 0.75rem;
        border-radius: 4px;
        padding: 0 6px;
        white-space: nowrap;
      }
      .v-same {
        background: var(--dtu-ok-bg);
        color: var(--dtu-ok);
      }
      .v-differs,
      .v-missing {
        background: var(--dtu-error-bg);
        color: var(--dtu-error);
        font-weight: 600;
      }
      .v-expected-to-differ,
      .v-withheld {
        background: var(--dtu-warn-bg);
        color: var(--dtu-warn);
      }
      .sent {
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 4px 12px;
      }
      mark {
        background: var(--dtu-error-bg);
        color: var(--dtu-error);
        font-weight: 600;
      }
      dd {
        margin: 0;
        font-family: var(--dtu-mono);
        font-size: 0.85rem;
        overflow-wrap: anywhere;
      }
    `,
  ];

  @property({ attribute: false }) bundle!: SupportBundle;
  @state() private loaded: LoadedModule | undefined;
  @state() private firmware: readonly string[] | undefined;
  @state() private busy: 'loading' | 'running' | undefined;
  @state() private error: string | undefined;
  @state() private cursor = -1;

  private readonly i18n = new LanguageController(this);
  private readonly session = new SessionController(this);
  private simulator: SimulatorService | undefined;
  private replay: Replay | undefined;
  private offReplay: (() => void) | undefined;
  private abort: AbortController | undefined;

  constructor() {
    super();
    new ContextConsumer(this, { context: simulatorContext, callback: (s) => (this.simulator = s) });
  }

  override willUpdate(changed: Map<string, unknown>): void {
    // Another bundle: the replay of the last one ends.
    if (changed.has('bundle') && changed.get('bundle') !== undefined) this.reset();
  }

  override disconnectedCallback(): void {
    this.reset();
    super.disconnectedCallback();
  }

  private reset(): void {
    this.abort?.abort();
    this.offReplay?.();
    this.replay?.dispose();
    this.replay = undefined;
    this.loaded = undefined;
    this.cursor = -1;
  }

  private get results(): readonly ExchangeResult[] {
    return this.replay?.results ?? [];
  }

  private async load(): Promise<void> {
    if (!this.simulator) return;
    this.reset();
    this.busy = 'loading';
    this.error = undefined;
    try {
      const sim = await this.simulator.get();
      // Listening before the swap: the new module's start message counts as output before the first write.
      const replay = new Replay(this.bundle.log.entries, simulatorTarget(sim), { clock: realClock });
      this.replay = replay;
      this.offReplay = replay.subscribe(() => this.requestUpdate());
      this.loaded = await loadModule(sim, this.bundle);
      this.firmware = (await this.simulator.snapshot()).firmware;
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    } finally {
      this.busy = undefined;
    }
  }

  private async run(how: 'step' | 'end'): Promise<void> {
    const replay = this.replay;
    if (!replay || this.busy) return;
    this.busy = 'running';
    this.error = undefined;
    this.abort = new AbortController();
    try {
      if (how === 'step') await replay.next(this.abort.signal);
      else await replay.runToEnd(this.abort.signal);
    } catch (e) {
      if (!this.abort.signal.aborted) this.error = e instanceof Error ? e.message : String(e);
    } finally {
      this.busy = undefined;
      this.cursor = this.results.length - 1;
    }
  }

  /** Next: the next exchange already replayed, else replays one more. */
  private next(): void {
    if (this.cursor < this.results.length - 1) this.cursor++;
    else void this.run('step');
  }

  private renderControls() {
    const t = this.i18n.t.bind(this.i18n);
    const replay = this.replay;
    const total = replay?.exchanges.length ?? 0;
    const atEnd = replay ? replay.position >= total && this.cursor >= this.results.length - 1 : true;
    return html`<div class="row">
      <button
        type="button"
        data-testid="replay-previous"
        ?disabled=${this.cursor <= 0}
        @click=${() => this.cursor--}
      >
        ${t(R.previous)}
      </button>
      <button
        type="button"
        data-testid="replay-step"
        ?disabled=${this.busy !== undefined || atEnd}
        @click=${() => this.next()}
      >
        ${t(R.step)}
      </button>
      <button
        type="button"
        class="primary"
        data-testid="replay-run"
        ?disabled=${this.busy !== undefined || (replay?.position ?? 0) >= total}
        @click=${() => void this.run('end')}
      >
        ${t(R.run)}
      </button>
      ${
        this.busy === 'running'
          ? html`<button type="button" data-testid="replay-stop" @click=${() => this.abort?.abort()}>
              ${t(R.stop)}
            </button>`
          : nothing
      }
    </div>`;
  }

  private renderSummary() {
    const results = this.results;
    const count = (v: Verdict): number => results.filter((r) => r.verdict === v).length;
    return html`<p
      role="status"
      data-testid="replay-summary"
      data-done=${String(this.replay?.finished === true)}
      data-differs=${count('differs') + count('missing')}
    >
      ${this.busy === 'running' ? `${this.i18n.t(R.running)} ` : ''}${this.i18n.f(R.summary, {
        same: count('same'),
        differs: count('differs'),
        missing: count('missing'),
        expected: count('expected-to-differ'),
        withheld: count('withheld'),
        done: results.length,
        n: this.replay?.exchanges.length ?? 0,
      })}
    </p>`;
  }

  private renderList() {
    const t = this.i18n.t.bind(this.i18n);
    return html`<ol data-testid="replay-list" aria-label=${t(R.heading)}>
      ${this.results.map(
        (r, i) =>
          html`<li data-verdict=${r.verdict} data-index=${i}>
            <button type="button" aria-current=${String(i === this.cursor)} @click=${() => (this.cursor = i)}>
              <span>#${i + 1}</span>
              <span class="sent">${exchangeText(r.exchange.sent)}</span>
              <span class="badge v-${r.verdict}">${t(R.verdict[r.verdict])}</span>
            </button>
          </li>`,
      )}
    </ol>`;
  }

  /** The answer with the part after the first difference marked (`<mark>`), as text. */
  private marked(text: string, other: string, differs: boolean) {
    if (!differs) return text;
    let n = 0;
    while (n < text.length && n < other.length && text[n] === other[n]) n++;
    return html`${text.slice(0, n)}<mark data-testid="replay-mark">${text.slice(n)}</mark>`;
  }

  private renderDetail() {
    const r = this.results[this.cursor];
    if (!r) return nothing;
    const t = this.i18n.t.bind(this.i18n);
    const nothingText = t(R.nothing);
    const expected = exchangeText(r.exchange.expected);
    const actual = exchangeText(r.actual);
    const differs = r.verdict === 'differs' || r.verdict === 'expected-to-differ';
    return html`<div class="card" data-testid="replay-detail" data-verdict=${r.verdict}>
      <p>
        ${this.i18n.f(R.position, { i: this.cursor + 1, n: this.replay?.exchanges.length ?? 0 })} ·
        <span class="badge v-${r.verdict}">${t(R.verdict[r.verdict])}</span>
        — ${t(R.verdictHelp[r.verdict])}
      </p>
      <dl>
        <dt>${t(R.sent)}</dt>
        <dd data-testid="replay-sent">${exchangeText(r.exchange.sent)}</dd>
        <dt>${t(R.customer)}</dt>
        <dd data-testid="replay-expected">
          ${expected ? this.marked(expected, actual, differs) : nothingText}
        </dd>
        <dt>${t(R.simulator)}</dt>
        <dd data-testid="replay-actual">
          ${r.verdict === 'withheld' ? '—' : actual ? this.marked(actual, expected, differs) : nothingText}
        </dd>
      </dl>
    </div>`;
  }

  override render() {
    if (!this.bundle) return nothing;
    const t = this.i18n.t.bind(this.i18n);
    const f = this.i18n.f.bind(this.i18n);
    const state = this.session.state.kind;
    const connected = state !== 'disconnected' && state !== 'failed';
    const lang = this.i18n.lang;
    const withheld = this.bundle.withheld;
    const loaded = this.loaded;
    return html`
      <p>${t(R.intro)}</p>
      ${
        withheld.length > 0
          ? html`<p class="muted small">
              ${f(R.withheldNote, { list: withheld.map((n) => settingLabel(n, lang)).join(lang === 'zh' ? '、' : ', ') })}
            </p>`
          : nothing
      }
      ${
        connected
          ? html`<p class="notice" role="alert" data-testid="replay-disconnect-first">
              ${t(R.disconnectFirst)}
              <button type="button" @click=${() => void this.session.api.disconnect()}>
                ${t(R.disconnect)}
              </button>
            </p>`
          : nothing
      }
      <div class="row">
        <button
          type="button"
          class=${loaded ? '' : 'primary'}
          data-testid="replay-load"
          ?disabled=${connected || this.busy !== undefined || !this.simulator}
          @click=${() => void this.load()}
        >
          ${t(R.load)}
        </button>
        ${this.busy === 'loading' ? html`<span role="status" aria-busy="true">${t(R.loading)}</span>` : nothing}
      </div>
      ${this.error ? html`<p class="notice error" role="alert">${f(R.failed, { error: this.error })}</p>` : nothing}
      ${
        loaded
          ? html`<p class="notice ok" role="status" data-testid="replay-loaded">
                ${f(R.loaded, {
                  imei: loaded.identity.imei,
                  firmware:
                    this.firmware && this.firmware.length > 0
                      ? this.firmware.join(', ')
                      : t(SUPPORT.view.manualFirmware),
                })}
              </p>
              ${
                loaded.refused.length > 0
                  ? html`<p class="notice">
                      ${f(R.refusedSettings, { list: loaded.refused.map((r) => `${r.name} (${r.reason})`).join(', ') })}
                    </p>`
                  : nothing
              }
              ${
                (this.replay?.exchanges.length ?? 0) === 0
                  ? html`<p class="muted">${t(R.noExchange)}</p>`
                  : html`${this.renderControls()} ${this.renderSummary()} ${this.renderList()}
                    ${this.renderDetail()}`
              }`
          : nothing
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-bundle-replay': DtuBundleReplay;
  }
}

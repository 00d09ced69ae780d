import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { SimEvent } from '../../simulator/core/control';
import { DEFAULT_UARTFT } from '../../session/timing';
import { LanguageController } from '../controllers/language-controller';
import { SessionController } from '../controllers/session-controller';
import { SimulatorController } from '../controllers/simulator-controller';
import { ProjectorController, projectorStyles } from '../sim-panel/projector';
import { StoreController } from '../controllers/store-controller';
import { base, tokens } from '../styles/shared';
import { pictureFromModule } from './from-module';
import { picturesFromTraffic } from './from-traffic';
import type { TimingPicture } from './picture';
import './plus-timing';
import { PLUS_TIMING } from './strings';

/** Attempts kept for the history. */
export const HISTORY = 6;
/** Traffic entries looked at when inferring (a real device): the newest ones. */
const TRAFFIC_WINDOW = 400;
/** Inference is redone at most this often while traffic flows, ms. */
const INFER_EVERY_MS = 250;

/**
 * Feeds `<dtu-plus-timing>` with the latest `+++` attempts: on the simulator, the module's own
 * `plus-attempt` reports (the truth, with the module's times); on a real device, attempts inferred from
 * the session's traffic log and the UARTFT read from the device (or assumed, and said so). Both the app's
 * own entries and `+++` typed by hand in raw mode show up.
 */
@customElement('dtu-plus-timing-panel')
export class DtuPlusTimingPanel extends LitElement {
  static override styles = [
    tokens,
    base,
    projectorStyles,
    css`
      :host {
        display: block;
      }
    `,
  ];

  /** Leaves out the introduction (where the view around it explains the line already). */
  @property({ type: Boolean }) compact = false;
  /**
   * `auto`: the module's reports when the session runs on the simulator, else inferred from the traffic;
   * `module`: always the simulator's reports (the trainer's simulator view).
   */
  @property() source: 'auto' | 'module' = 'auto';

  private readonly i18n = new LanguageController(this);
  /** Sets the `projector` attribute that `projectorStyles` respond to (large type in the classroom). */
  protected readonly projector = new ProjectorController(this);
  private readonly store = new StoreController(this);
  private readonly session = new SessionController(this, () => this.scheduleInfer());
  private readonly simulator = new SimulatorController(this, (e) => this.onSimEvent(e));
  @state() private fromModule: readonly TimingPicture[] = [];
  @state() private inferred: readonly TimingPicture[] = [];
  private unsubscribeTraffic: (() => void) | undefined;
  private inferTimer: ReturnType<typeof setTimeout> | undefined;

  override disconnectedCallback(): void {
    this.unsubscribeTraffic?.();
    this.unsubscribeTraffic = undefined;
    if (this.inferTimer !== undefined) clearTimeout(this.inferTimer);
    this.inferTimer = undefined;
    super.disconnectedCallback();
  }

  override updated(): void {
    // The simulator may be started after this panel (the person picks it on Connect).
    if (this.onSimulator && !this.simulator.running) void this.simulator.start();
    if (!this.unsubscribeTraffic && this.session.available) {
      this.unsubscribeTraffic = this.session.api.onTraffic((e) => {
        if (e.dir !== 'note') this.scheduleInfer();
      });
      this.scheduleInfer();
    }
  }

  private get onSimulator(): boolean {
    if (this.source === 'module') return true;
    const s = this.session.state;
    return 'transport' in s && s.transport === 'simulator';
  }

  private onSimEvent(e: SimEvent): void {
    if (e.type !== 'plus-attempt') return;
    const picture = pictureFromModule(e.attempt);
    const others = this.fromModule.filter((p) => p.key !== picture.key);
    this.fromModule = [...others, picture].sort((a, b) => a.origin - b.origin).slice(-HISTORY);
  }

  /** Real device: works the attempts out of the traffic log, at most every INFER_EVERY_MS. */
  private scheduleInfer(): void {
    if (this.inferTimer !== undefined || !this.session.available) return;
    this.inferTimer = setTimeout(() => {
      this.inferTimer = undefined;
      if (!this.isConnected || this.onSimulator) return;
      const traffic = this.session.api.traffic();
      const entries = traffic.slice(-TRAFFIC_WINDOW);
      const last = traffic.at(-1);
      const uartft = Number(this.store.available ? this.store.value.device?.['UARTFT'] : undefined);
      const known = Number.isFinite(uartft) && uartft > 0;
      this.inferred = picturesFromTraffic(entries, {
        uartftMs: known ? uartft : DEFAULT_UARTFT,
        uartftKnown: known,
        now: Math.max(last?.at ?? 0, performance.now() - this.trafficOrigin(traffic)),
      }).slice(-HISTORY);
      // Undecided attempts are decided by time passing: look again a little later.
      if (this.inferred.some((p) => p.verdict.outcome === 'waiting')) this.scheduleInfer();
    }, INFER_EVERY_MS);
  }

  /**
   * The traffic log's clock is the session's (ms since it opened); `now` in that clock is estimated from
   * the newest entry when nothing newer is known, so a waiting attempt is decided once the windows passed.
   */
  private trafficOrigin(traffic: readonly { at: number }[]): number {
    const last = traffic.at(-1);
    if (!last) return 0;
    this.seen ??= { at: last.at, wall: performance.now() };
    if (last.at !== this.seen.at) this.seen = { at: last.at, wall: performance.now() };
    return this.seen.wall - this.seen.at;
  }

  private seen: { at: number; wall: number } | undefined;

  override render() {
    const pictures = this.onSimulator ? this.fromModule : this.inferred;
    return html`<section aria-labelledby="plus-timing-heading" data-testid="plus-timing">
      <h3 id="plus-timing-heading">${this.i18n.t(PLUS_TIMING.heading)}</h3>
      ${this.compact ? '' : html`<p class="muted small">${this.i18n.t(PLUS_TIMING.intro)}</p>`}
      <dtu-plus-timing .pictures=${pictures}></dtu-plus-timing>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-plus-timing-panel': DtuPlusTimingPanel;
  }
}

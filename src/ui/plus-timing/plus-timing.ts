import { LitElement, css, html, nothing, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LanguageController } from '../controllers/language-controller';
import { ProjectorController, projectorStyles } from '../sim-panel/projector';
import { base, tokens } from '../styles/shared';
import type { TimingPicture, TimingWindow, WindowKey } from './picture';
import { PLUS_TIMING, T4_LABEL, WINDOW_LABELS } from './strings';
import { ms, outcomeWord, verdictText } from './verdict-text';

/** Drawing sizes, CSS px (drawn at the element's own width so text stays readable at 390 px). */
const M = 10;
const AXIS_Y = 64;
const TICK = 24;
const ROW_H = 20;
const ROWS_Y = AXIS_Y + TICK + 24;
/** Width of a character of the labels (12 px monospace), for placing them. */
const CHAR_W = 7.3;
const ROW_ORDER: readonly WindowKey[] = ['t1', 't2', 't3', 't5', 't6'];
/** Projector mode (issue 12): the whole drawing 1.75 times as large (12 px labels read as 21 px). */
const PROJECTOR_SCALE = 1.75;

/**
 * The `+++` timing picture (docs/ui.md, "plus-timing"): one attempt's bytes on a time axis (above: to the
 * module, below: from it), the guard shaded, the windows of figure 27 as labelled bands (red where the rule
 * was broken), UARTFT as a scale bar, the verdict in words, and the same as tables for screen readers.
 * `pictures` are the latest attempts, newest last; the newest is shown until another is picked.
 */
@customElement('dtu-plus-timing')
export class DtuPlusTiming extends LitElement {
  static override styles = [
    tokens,
    base,
    projectorStyles,
    css`
      :host {
        display: block;
      }
      svg {
        display: block;
        width: 100%;
        overflow: visible;
        font-family: var(--dtu-mono);
        font-size: 12px;
      }
      .verdict {
        font-weight: 600;
        padding: 6px 10px;
        border-radius: var(--dtu-radius);
        margin: 8px 0;
      }
      .verdict.failed {
        background: var(--dtu-error-bg);
        color: var(--dtu-error);
      }
      .verdict.entered {
        background: var(--dtu-ok-bg);
        color: var(--dtu-ok);
      }
      .verdict.waiting {
        background: var(--dtu-warn-bg);
        color: var(--dtu-warn);
      }
      .history {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
        list-style: none;
        padding: 0;
        margin: 6px 0 0;
      }
      .history button {
        min-height: 32px;
        padding: 2px 10px;
        font-size: 0.85rem;
      }
      .history button[aria-pressed='true'] {
        background: var(--dtu-accent);
        color: var(--dtu-accent-text);
      }
      table {
        border-collapse: collapse;
        margin: 6px 0;
        font-size: 0.85rem;
      }
      th,
      td {
        text-align: left;
        padding: 2px 10px 2px 0;
      }
      .tx {
        stroke: var(--dtu-accent);
        fill: var(--dtu-accent);
      }
      .rx {
        stroke: var(--dtu-ok);
        fill: var(--dtu-ok);
      }
      .bad {
        stroke: var(--dtu-error);
        fill: var(--dtu-error);
      }
      .previous {
        stroke: var(--dtu-muted);
        fill: var(--dtu-muted);
      }
      .tick-label {
        font-size: 15px;
        font-weight: 700;
      }
      .axis {
        stroke: var(--dtu-text);
      }
      .band {
        fill: var(--dtu-accent);
        fill-opacity: 0.16;
        stroke: var(--dtu-accent);
        stroke-opacity: 0.5;
      }
      .band.broken {
        fill: var(--dtu-error);
        fill-opacity: 0.22;
        stroke: var(--dtu-error);
      }
      .guard {
        fill: var(--dtu-muted);
        fill-opacity: 0.12;
      }
      .guard.broken {
        fill: var(--dtu-error);
        fill-opacity: 0.14;
      }
      .label {
        fill: var(--dtu-text);
        stroke: none;
      }
      .muted-text {
        fill: var(--dtu-muted);
        stroke: none;
      }
      details {
        margin-top: 6px;
      }
    `,
  ];

  /** Oldest first; the newest is shown by default. */
  @property({ attribute: false }) pictures: readonly TimingPicture[] = [];

  private readonly i18n = new LanguageController(this);
  private readonly projector = new ProjectorController(this);
  @state() private picked: string | undefined;
  @state() private width = 600;
  private resize: ResizeObserver | undefined;
  private lastNewest: string | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.resize = new ResizeObserver((entries) => {
      const w = Math.round(entries[0]?.contentRect.width ?? 0);
      if (w > 0 && Math.abs(w - this.width) > 1) this.width = w;
    });
    this.resize.observe(this);
  }

  override disconnectedCallback(): void {
    this.resize?.disconnect();
    this.resize = undefined;
    super.disconnectedCallback();
  }

  override willUpdate(): void {
    // A new attempt takes the picture over from an older one picked by hand.
    const newest = this.pictures.at(-1)?.key;
    if (newest !== this.lastNewest) {
      this.lastNewest = newest;
      this.picked = undefined;
    }
  }

  private get shown(): TimingPicture | undefined {
    return this.pictures.find((p) => p.key === this.picked) ?? this.pictures.at(-1);
  }

  override render() {
    const lang = this.i18n.lang;
    const t = this.i18n.t.bind(this.i18n);
    const p = this.shown;
    if (!p) return html`<p class="muted" data-testid="plus-timing-empty">${t(PLUS_TIMING.empty)}</p>`;
    const source = p.source === 'module' ? t(PLUS_TIMING.fromModule) : t(PLUS_TIMING.inferred);
    const uartft = this.i18n.f(p.uartftKnown ? PLUS_TIMING.uartftKnown : PLUS_TIMING.uartftAssumed, {
      ms: ms(p.uartftMs),
    });
    return html`
      <p
        class="verdict ${p.verdict.outcome}"
        role="status"
        aria-live="polite"
        data-testid="plus-timing-verdict"
        data-reason=${p.verdict.reason ?? 'waiting'}
      >
        ${verdictText(p, lang)}
      </p>
      ${this.renderSvg(p)}
      <p class="muted small">${source} ${uartft}.${p.slowEntry ? html` ${t(PLUS_TIMING.g786)}.` : nothing}</p>
      ${this.renderHistory(p)} ${this.renderTables(p)}
    `;
  }

  private renderHistory(shown: TimingPicture) {
    if (this.pictures.length < 2) return nothing;
    const t = this.i18n.t.bind(this.i18n);
    const list = this.pictures.map((p, i) => ({ p, n: i + 1 })).reverse();
    return html`<ul class="history" aria-label=${t(PLUS_TIMING.history)}>
      ${list.map(
        ({ p, n }) =>
          html`<li>
            <button
              type="button"
              aria-pressed=${p.key === shown.key ? 'true' : 'false'}
              @click=${() => (this.picked = p.key)}
            >
              ${this.i18n.f(PLUS_TIMING.attemptAt, { n, verdict: outcomeWord(p, this.i18n.lang) })}
            </button>
          </li>`,
      )}
    </ul>`;
  }

  private renderTables(p: TimingPicture) {
    const t = this.i18n.t.bind(this.i18n);
    const dir = (d: 'tx' | 'rx') => t(d === 'tx' ? PLUS_TIMING.toModule : PLUS_TIMING.fromModuleDir);
    return html`<details>
      <summary>${t(PLUS_TIMING.tableCaption)}</summary>
      <table data-testid="plus-timing-bytes">
        <caption class="muted small">
          ${t(PLUS_TIMING.tableCaption)}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t(PLUS_TIMING.colByte)}</th>
            <th scope="col">${t(PLUS_TIMING.colDir)}</th>
            <th scope="col">${t(PLUS_TIMING.colTime)}</th>
          </tr>
        </thead>
        <tbody>
          ${[...p.ticks]
            .sort((a, b) => a.at - b.at)
            .map(
              (k) =>
                html`<tr>
                  <td><code>${k.label}</code></td>
                  <td>${dir(k.dir)}</td>
                  <td>${ms(k.at)}</td>
                </tr>`,
            )}
        </tbody>
      </table>
      <table>
        <caption class="muted small">
          ${t(PLUS_TIMING.windowsCaption)}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t(PLUS_TIMING.colWindow)}</th>
            <th scope="col">${t(PLUS_TIMING.colFrom)}</th>
            <th scope="col">${t(PLUS_TIMING.colTo)}</th>
            <th scope="col">${t(PLUS_TIMING.colKept)}</th>
          </tr>
        </thead>
        <tbody>
          ${p.windows.map(
            (w) =>
              html`<tr>
                <td>${this.windowLabel(w.key, p)}</td>
                <td>${ms(w.from)}</td>
                <td>${w.clipped ? '…' : ms(w.to)}</td>
                <td>${t(w.broken ? PLUS_TIMING.no : PLUS_TIMING.yes)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </details>`;
  }

  private windowLabel(key: WindowKey, p: TimingPicture): string {
    return this.i18n.t(key === 't3' && p.slowEntry ? T4_LABEL : WINDOW_LABELS[key]);
  }

  private renderSvg(p: TimingPicture) {
    // Drawn in units of 1/k px and scaled up, so type, strokes and spacing all grow together.
    const k = this.projector.active ? PROJECTOR_SCALE : 1;
    const W = Math.max(280, this.width / k);
    const span = Math.max(1, p.to - p.from);
    const x = (at: number): number => M + ((at - p.from) / span) * (W - 2 * M);
    const rows = ROW_ORDER.filter((k) => p.windows.some((w) => w.key === k));
    const scaleY = ROWS_Y + rows.length * ROW_H + 14;
    const H = scaleY + 26;
    const guard = p.windows.find((w) => w.key === 't1');
    const t = this.i18n.t.bind(this.i18n);
    return svg`<svg
      viewBox="0 0 ${W} ${H}"
      height=${H * k}
      role="img"
      aria-label=${t(PLUS_TIMING.picture)}
      data-testid="plus-timing-svg"
    >
      ${
        guard
          ? svg`<rect class="guard ${guard.broken ? 'broken' : ''}" x=${x(guard.from)} y=${AXIS_Y - TICK - 14}
              width=${Math.max(1, x(guard.to) - x(guard.from))} height=${2 * TICK + 28}></rect>`
          : nothing
      }
      <line class="axis" x1=${M} x2=${W - M} y1=${AXIS_Y} y2=${AXIS_Y}></line>
      <text class="muted-text" x=${M} y=${12}>↑ ${t(PLUS_TIMING.toModule)}</text>
      <text class="muted-text" x=${M} y=${AXIS_Y + TICK + 13}>↓ ${t(PLUS_TIMING.fromModuleDir)}</text>
      ${
        p.earlierGapMs !== undefined
          ? svg`<text class="muted-text" x=${W - M} y=${12} text-anchor="end">${this.i18n.f(
              PLUS_TIMING.earlier,
              {
                s: (p.earlierGapMs / 1000).toFixed(1),
              },
            )}</text>`
          : nothing
      }
      ${p.ticks.map((k) => {
        const cls = k.bad ? 'bad' : k.role === 'previous' ? 'previous' : k.dir;
        const up = k.dir === 'tx';
        const y2 = up ? AXIS_Y - TICK : AXIS_Y + TICK;
        const ty = up ? AXIS_Y - TICK - 4 : AXIS_Y + TICK + 13;
        return svg`<g class=${cls} data-role=${k.role}>
          <line x1=${x(k.at)} x2=${x(k.at)} y1=${AXIS_Y} y2=${y2} stroke-width="2"></line>
          <text class="tick-label" x=${x(k.at)} y=${ty} text-anchor="middle" stroke="none">${k.label}</text>
        </g>`;
      })}
      ${rows.map((key, r) => this.renderRow(p, key, ROWS_Y + r * ROW_H, x, W))}
      ${this.renderScale(p, x, scaleY, W)}
    </svg>`;
  }

  private renderRow(p: TimingPicture, key: WindowKey, y: number, x: (t: number) => number, W: number) {
    const bands = p.windows.filter((w) => w.key === key);
    const label = this.windowLabel(key, p);
    const first = bands[0] as TimingWindow;
    const start = Math.max(M, x(first.from));
    const end = Math.min(W - M, x((bands.at(-1) as TimingWindow).to));
    // The label after the bands when it fits there, else before them, else inside from the start.
    const need = label.length * CHAR_W + 6;
    const [lx, anchor] =
      W - M - end >= need
        ? [end + 4, 'start']
        : start - M >= need
          ? [start - 4, 'end']
          : [start + 3, 'start'];
    return svg`<g data-window=${key}>
      ${bands.map(
        (w) =>
          svg`<rect class="band ${w.broken ? 'broken' : ''}" x=${x(w.from)} y=${y + 2}
            width=${Math.max(2, x(w.to) - x(w.from))} height=${ROW_H - 4} rx="3"></rect>
          ${w.clipped ? svg`<text class="label" x=${W - M} y=${y + ROW_H / 2 + 4} text-anchor="end">→</text>` : nothing}`,
      )}
      <text class="label" x=${lx} y=${y + ROW_H / 2 + 4} text-anchor=${anchor}>${label}</text>
    </g>`;
  }

  /** A scale bar UARTFT long, and the time of the axis' ends. */
  private renderScale(p: TimingPicture, x: (t: number) => number, y: number, W: number) {
    const len = x(p.uartftMs) - x(0);
    const x0 = M;
    return svg`<g class="scale">
      <line class="axis" x1=${x0} x2=${x0 + len} y1=${y} y2=${y} stroke-width="3"></line>
      <line class="axis" x1=${x0} x2=${x0} y1=${y - 5} y2=${y + 5}></line>
      <line class="axis" x1=${x0 + len} x2=${x0 + len} y1=${y - 5} y2=${y + 5}></line>
      <text class="label" x=${x0 + len + 6} y=${y + 4}>UARTFT = ${ms(p.uartftMs)} ms</text>
      <text class="muted-text" x=${W - M} y=${y + 4} text-anchor="end">${ms(p.to - p.from)} ms</text>
    </g>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-plus-timing': DtuPlusTiming;
  }
}

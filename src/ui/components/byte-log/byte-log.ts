import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import { LanguageController } from '../../controllers/language-controller';
import { entryText, formatTime, type LogView } from '../../logic/traffic-log';
import { FrameBatcher } from '../../stream-log/frame-batch';
import { ArraySource, type LogSource } from '../../../session/log-ring';
import { STREAM_LOG } from '../../stream-log/strings';
import { windowRange, type WindowRange } from '../../stream-log/window';

export interface ByteLogEntry {
  readonly id: number;
  readonly at: number;
  /** `tx` / `rx` as named by `dirLabels`; `note` a remark, shown muted. */
  readonly dir: 'tx' | 'rx' | 'note';
  readonly bytes: Uint8Array;
  /** A tag shown as a badge and used for colour (registration, heartbeat…). */
  readonly tag?: string;
  readonly tagLabel?: string;
}

const ARROWS = { tx: '→', rx: '←', note: '·' } as const;
/** Row height assumed until rows have been measured, px. */
const DEFAULT_ROW_PX = 21;
/** Within this many px of the bottom the log follows new rows. */
const FOLLOW_SLACK_PX = 8;
/**
 * Least time between two redraws while the log keeps changing, ms: a stream scrolls ~10 times a second
 * (more is unreadable anyway and costs layout and paint); a lone change still shows in the next frame.
 */
export const REDRAW_MS = 100;
/** Rows are measured again at most this often, ms (measuring forces a layout). */
const MEASURE_MS = 1000;

/** Text of an entry in a view, computed once per entry (a log redraws the same rows many times). */
const textCache: Record<LogView, WeakMap<ByteLogEntry, string>> = {
  text: new WeakMap(),
  hex: new WeakMap(),
};

function cachedText(e: ByteLogEntry, view: LogView): string {
  const cache = textCache[view];
  let s = cache.get(e);
  if (s === undefined) {
    s = entryText(e, view);
    cache.set(e, s);
  }
  return s;
}

/**
 * A scrolling log of byte packets, newest at the bottom, in text or hex. Presentational: the owner keeps
 * the entries, either as an array (`entries`) or, for a stream, as a live source (`source`, a
 * stream-log/LogRing): then a new chunk costs the owner an O(1) push, and the log redraws at most once per
 * animation frame. Only the rows near the visible part are rendered (a windowed list); older bytes the
 * source no longer keeps are counted ("N earlier bytes not shown"). The log follows the newest row while
 * it is scrolled to the bottom; scrolled up, it stays where the person put it. `dirLabels` name the two
 * directions for screen readers.
 */
@customElement('dtu-byte-log')
export class DtuByteLog extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    .log {
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'Noto Sans Mono CJK SC', monospace;
      /* Projector mode (sim-panel/projector.ts) sets --dtu-log-font on the view. */
      font-size: var(--dtu-log-font, 0.85rem);
      background: #10161f;
      color: #e6edf3;
      border-radius: 6px;
      padding: 8px;
      height: var(--log-height, 240px);
      overflow: auto;
      overflow-anchor: none;
      /* What happens inside never changes the page's layout: a redraw lays out the log alone. */
      contain: strict;
      /* Contains the visually hidden labels, which would otherwise stretch the page. */
      position: relative;
    }
    .text {
      white-space: pre-wrap;
      word-break: break-all;
    }
    .entry {
      display: grid;
      grid-template-columns: auto auto 1fr;
      gap: 8px;
      padding: 1px 0;
    }
    .time {
      color: #9aa7b4;
    }
    .tx .arrow {
      color: #79c0ff;
    }
    .rx .arrow {
      color: #7ee787;
    }
    .note {
      color: #9aa7b4;
      font-style: italic;
    }
    .tag {
      display: inline-block;
      font-size: 0.75rem;
      border-radius: 4px;
      padding: 0 6px;
      margin-right: 6px;
      background: #30363d;
      color: #e6edf3;
    }
    .tag-registration .tag {
      background: #f2cc60;
      color: #1b1f24;
    }
    .tag-heartbeat .tag {
      background: #ff7b72;
      color: #1b1f24;
    }
    .tag-at-reply .tag {
      background: #a5d6ff;
      color: #1b1f24;
    }
    .empty,
    .not-shown {
      color: #9aa7b4;
    }
    .not-shown {
      font-style: italic;
      margin-bottom: 4px;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  `;

  /** The entries as an array (short logs). Ignored when `source` is set. */
  @property({ attribute: false }) entries: readonly ByteLogEntry[] = [];
  /** A live source (stream-log/LogRing): redrawn once per animation frame after it changes. */
  @property({ attribute: false }) source: LogSource<ByteLogEntry> | undefined;
  @property() view: LogView = 'text';
  @property() label = '';
  @property() emptyText = '';
  @property({ attribute: false }) dirLabels: { tx: string; rx: string; note?: string } = { tx: '>', rx: '<' };

  private readonly i18n = new LanguageController(this);
  private readonly frame = new FrameBatcher(() => this.requestUpdate(), { minIntervalMs: REDRAW_MS });
  private measuredAt = -Infinity;
  private measuredView: LogView | undefined;
  private unsubscribe: (() => void) | undefined;
  private arraySource: ArraySource<ByteLogEntry> = new ArraySource([], 0);
  private arrayVersion = 0;
  private follow = true;
  private rowHeight = DEFAULT_ROW_PX;
  private range: WindowRange = { start: 0, end: 0, padTop: 0, padBottom: 0 };

  override connectedCallback(): void {
    super.connectedCallback();
    this.listen();
  }

  override disconnectedCallback(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.frame.cancel();
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('source')) this.listen();
    if (changed.has('entries')) this.arraySource = new ArraySource(this.entries, ++this.arrayVersion);
  }

  private get data(): LogSource<ByteLogEntry> {
    return this.source ?? this.arraySource;
  }

  private listen(): void {
    this.unsubscribe?.();
    this.unsubscribe = this.isConnected ? this.source?.subscribe(() => this.frame.schedule()) : undefined;
  }

  private get box(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.log');
  }

  private onScroll(): void {
    // Scroll events come before the frame's redraw, so the box still holds what the log last drew: at the
    // bottom after the log's own scrolling, elsewhere only when the person scrolled.
    const box = this.box;
    if (!box) return;
    const follow = box.scrollTop + box.clientHeight >= box.scrollHeight - FOLLOW_SLACK_PX;
    // Scrolled by the person (scroll events come once a frame): the rows there are drawn at once.
    if (!follow || !this.follow) this.requestUpdate();
    this.follow = follow;
  }

  override updated(): void {
    const box = this.box;
    if (!box) return;
    const now = performance.now();
    if (now - this.measuredAt > MEASURE_MS || this.measuredView !== this.view) {
      this.measuredAt = now;
      this.measuredView = this.view;
      this.measureRows(box);
    }
    if (this.follow && box.scrollTop + box.clientHeight < box.scrollHeight - 1)
      box.scrollTop = box.scrollHeight;
  }

  /** The average row height of the rows rendered (rows may wrap), for the spacers. */
  private measureRows(box: HTMLElement): void {
    const rows = box.getElementsByClassName('entry');
    if (rows.length === 0) return;
    const first = rows[0] as HTMLElement;
    const last = rows[rows.length - 1] as HTMLElement;
    const span = last.offsetTop + last.offsetHeight - first.offsetTop;
    if (span > 0) this.rowHeight = span / rows.length;
  }

  override render() {
    const data = this.data;
    const count = data.length;
    const box = this.box;
    this.range = windowRange({
      count,
      scrollTop: box?.scrollTop ?? 0,
      viewport: box?.clientHeight ?? 240,
      rowHeight: this.rowHeight,
      follow: this.follow,
    });
    const rows: ByteLogEntry[] = [];
    for (let i = this.range.start; i < this.range.end; i++) {
      const e = data.at(i);
      if (e) rows.push(e);
    }
    const dropped = data.dropped;
    return html`<div class="log" role="log" aria-label=${this.label} tabindex="0" @scroll=${this.onScroll}>
      ${count === 0 && dropped.bytes === 0 ? html`<span class="empty">${this.emptyText}</span>` : nothing}
      ${
        dropped.bytes > 0 && this.range.start === 0
          ? html`<div class="not-shown" data-testid="not-shown" data-bytes=${dropped.bytes}>
              ${this.i18n.f(STREAM_LOG.notShown, { bytes: dropped.bytes, entries: dropped.entries })}
            </div>`
          : nothing
      }
      ${this.range.padTop > 0 ? html`<div aria-hidden="true" style=${styleMap({ height: `${this.range.padTop}px` })}></div>` : nothing}
      ${repeat(
        rows,
        (e) => e.id,
        (e) =>
          html`<div class="entry ${e.dir} ${e.tag ? `tag-${e.tag}` : ''}" data-tag=${e.tag ?? ''}>
            <span class="time">${formatTime(e.at)}</span>
            <span class="arrow" title=${this.dirLabels[e.dir] ?? ''}
              >${ARROWS[e.dir]}<span class="visually-hidden">${this.dirLabels[e.dir] ?? ''}</span></span
            >
            <span class="text"
              >${e.tagLabel ? html`<span class="tag">${e.tagLabel}</span>` : nothing}${cachedText(e, this.view)}</span
            >
          </div>`,
      )}
      ${this.range.padBottom > 0 ? html`<div aria-hidden="true" style=${styleMap({ height: `${this.range.padBottom}px` })}></div>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-byte-log': DtuByteLog;
  }
}

import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { entryText, formatTime, type LogView } from '../../logic/traffic-log';

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

/**
 * A scrolling log of byte packets, newest at the bottom, in text or hex. Presentational: the owner keeps
 * the entries. `dirLabels` name the two directions for screen readers.
 */
@customElement('dtu-byte-log')
export class DtuByteLog extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    .log {
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'Noto Sans Mono CJK SC', monospace;
      font-size: 0.85rem;
      background: #10161f;
      color: #e6edf3;
      border-radius: 6px;
      padding: 8px;
      height: var(--log-height, 240px);
      overflow: auto;
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
    .empty {
      color: #9aa7b4;
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

  @property({ attribute: false }) entries: readonly ByteLogEntry[] = [];
  @property() view: LogView = 'text';
  @property() label = '';
  @property() emptyText = '';
  @property({ attribute: false }) dirLabels: { tx: string; rx: string; note?: string } = { tx: '>', rx: '<' };

  override updated(): void {
    const log = this.renderRoot.querySelector('.log');
    if (log) log.scrollTop = log.scrollHeight;
  }

  override render() {
    return html`<div class="log" role="log" aria-label=${this.label} tabindex="0">
      ${this.entries.length === 0 ? html`<span class="empty">${this.emptyText}</span>` : nothing}
      ${repeat(
        this.entries,
        (e) => e.id,
        (e) =>
          html`<div class="entry ${e.dir} ${e.tag ? `tag-${e.tag}` : ''}" data-tag=${e.tag ?? ''}>
            <span class="time">${formatTime(e.at)}</span>
            <span class="arrow" title=${this.dirLabels[e.dir] ?? ''}
              >${ARROWS[e.dir]}<span class="visually-hidden">${this.dirLabels[e.dir] ?? ''}</span></span
            >
            <span class="text"
              >${e.tagLabel ? html`<span class="tag">${e.tagLabel}</span>` : nothing}${entryText(e, this.view)}</span
            >
          </div>`,
      )}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-byte-log': DtuByteLog;
  }
}

import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { LanguageController } from '../controllers/language-controller';
import { FrameBatcher } from '../stream-log/frame-batch';
import { S } from '../i18n/strings';
import { PANEL } from './strings';
import { rowText, type Party, type WorldLog, type WorldRow } from './world-log';

/** Rows drawn at most (the newest); the log keeps more and counts what is not drawn. */
const DRAWN = 200;
/** Within this many px of the bottom the log follows new rows. */
const FOLLOW_PX = 40;

/**
 * `<dtu-world-log>`: the simulated world's log, oldest first — per row the time, who sent it to whom
 * ("Serial host → Module", "Module → Server A", "Phone → Module"), the channel (serial, the packet's kind,
 * SMS) and the bytes or text; events (power, restarts, links, the cable) as notes. Colours per sender.
 * Inherits font size and colours from the view (projector mode). Call `changed()` after pushing events.
 */
@customElement('dtu-world-log')
export class DtuWorldLog extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    ol {
      list-style: none;
      margin: 0;
      padding: 8px;
      font-family: var(--dtu-mono, monospace);
      font-size: var(--dtu-log-font, 0.9em);
      background: #10161f;
      color: #f0f4f8;
      border-radius: 6px;
      height: var(--log-height, 320px);
      overflow: auto;
      /* What happens inside never changes the page's layout: a redraw lays out the log alone. */
      contain: strict;
    }
    li {
      /* Rows out of sight are not laid out (a stream fills the log with long rows). */
      content-visibility: auto;
      contain-intrinsic-size: auto 1.6em;
      display: grid;
      grid-template-columns: auto minmax(9em, max-content) 1fr;
      gap: 2px 12px;
      padding: 3px 0;
      border-bottom: 1px solid #26303c;
    }
    .time {
      color: #b4c0cc;
    }
    .who {
      font-weight: 700;
      white-space: nowrap;
    }
    .from-host .who {
      color: #8cc8ff;
    }
    .from-module .who {
      color: #8ff0a4;
    }
    .from-server .who {
      color: #ffcf70;
    }
    .from-phone .who {
      color: #f0a8ff;
    }
    .note {
      color: #e0e6ee;
      font-style: italic;
    }
    .text {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .chan {
      display: inline-block;
      border-radius: 4px;
      padding: 0 6px;
      margin-right: 8px;
      background: #3a4552;
      color: #ffffff;
      font-size: 0.85em;
    }
    .undelivered {
      color: #ffb4b4;
    }
    .empty,
    .older {
      color: #b4c0cc;
    }
    @media (max-width: 560px) {
      li {
        grid-template-columns: auto 1fr;
      }
      .text {
        grid-column: 1 / -1;
      }
    }
  `;

  @property({ attribute: false }) log: WorldLog | undefined;

  private readonly i18n = new LanguageController(this);
  private readonly frame = new FrameBatcher(() => this.requestUpdate(), { minIntervalMs: 100 });
  private origin: number | undefined;
  /** Whether the log follows new rows: true until the person scrolls up, again once back at the bottom. */
  private follow = true;
  private readonly scrolled = (e: Event): void => {
    const list = e.currentTarget as HTMLElement;
    this.follow = list.scrollHeight - list.scrollTop - list.clientHeight < FOLLOW_PX;
  };

  /** The log changed: redraw in the next frame (at most ~10 times a second while it keeps changing). */
  changed(): void {
    this.frame.schedule();
  }

  private party(p: Party, socket?: string): string {
    return p === 'server'
      ? this.i18n.f(PANEL.parties.server, { s: socket ?? '?' })
      : this.i18n.t(PANEL.parties[p]);
  }

  private who(row: Exclude<WorldRow, { kind: 'note' }>): string {
    const socket = 'socket' in row ? row.socket : undefined;
    return this.i18n.f(PANEL.fromTo, { from: this.party(row.from, socket), to: this.party(row.to, socket) });
  }

  private time(at: number): string {
    this.origin ??= at;
    return ((at - this.origin) / 1000).toFixed(3);
  }

  private renderRow(row: WorldRow) {
    const t = this.i18n.t.bind(this.i18n);
    const time = html`<span class="time">${this.time(row.at)}</span>`;
    if (row.kind === 'note') {
      const reason = row.values['reason'];
      const values =
        typeof reason === 'string'
          ? {
              ...row.values,
              reason: t(PANEL.reasons[reason as keyof typeof PANEL.reasons] ?? PANEL.reasons.unknown),
            }
          : row.values;
      return html`<li class="note-row" data-kind="note" data-note=${row.note}>
        ${time}<span class="who note">·</span
        ><span class="text note">${this.i18n.f(PANEL.notes[row.note], values)}</span>
      </li>`;
    }
    const chan =
      row.kind === 'sms'
        ? t(PANEL.channels.sms)
        : row.kind === 'serial'
          ? t(PANEL.channels.serial)
          : t(S.sim.tags[row.tag ?? 'data']);
    const body =
      row.kind === 'sms'
        ? html`${row.text}${row.delivered ? nothing : html` <span class="undelivered">(${t(PANEL.notDelivered)})</span>`}`
        : rowText(row.bytes);
    return html`<li
      class=${`from-${row.from}`}
      data-kind=${row.kind}
      data-from=${row.from}
      data-to=${row.to}
      data-socket=${'socket' in row && row.socket ? row.socket : nothing}
    >
      ${time}<span class="who">${this.who(row)}</span
      ><span class="text"><span class="chan">${chan}</span>${body}</span>
    </li>`;
  }

  override updated(): void {
    const list = this.renderRoot.querySelector('ol');
    if (list && this.follow) list.scrollTop = list.scrollHeight;
  }

  override render() {
    const rows = this.log?.rows ?? [];
    const shown = rows.length > DRAWN ? rows.slice(rows.length - DRAWN) : rows;
    const older = (this.log?.dropped ?? 0) + rows.length - shown.length;
    return html`<ol aria-label=${this.i18n.t(PANEL.log.label)} tabindex="0" @scroll=${this.scrolled}>
      ${older > 0 ? html`<li class="older">${this.i18n.f(PANEL.log.older, { n: older })}</li>` : nothing}
      ${shown.length === 0 ? html`<li class="empty">${this.i18n.t(PANEL.log.empty)}</li>` : nothing}
      ${repeat(
        shown,
        (r) => r.id,
        (r) => this.renderRow(r),
      )}
    </ol>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dtu-world-log': DtuWorldLog;
  }
}

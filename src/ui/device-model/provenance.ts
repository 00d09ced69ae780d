/**
 * The words for where a device value came from: the small marker next to a setting ("read 14:02", "set in
 * the terminal 14:03: accepted by the module, not read back yet", "may have changed since …") and the
 * summary lines above the settings, a compare or a save. Pure: tested in tests/ui/device-model.test.ts.
 */
import { findCommand } from '../../protocol/catalogue';
import { format, langTag, pick, type Lang } from '../i18n/language';
import type { DeviceModel, KnownValue, ModelSummary } from './device-model';
import { MODEL } from './strings';

/** `muted`: a plain read; `warn`: not proven current (not read back, or may have changed). */
export type MarkerTone = 'muted' | 'warn';

export interface Marker {
  readonly text: string;
  readonly tone: MarkerTone;
  /** `read`, `set` (accepted, not read back) or `stale`: for tests and styling. */
  readonly kind: 'read' | 'set' | 'stale';
}

/** `14:02`, or `26 Mar 14:02` when not today. */
export function shortTime(ms: number, lang: Lang, now: number = Date.now()): string {
  const tag = langTag(lang);
  const sameDay = new Date(ms).toDateString() === new Date(now).toDateString();
  return new Intl.DateTimeFormat(tag, {
    ...(sameDay ? {} : { month: 'short', day: 'numeric' }),
    hour: 'numeric',
    minute: '2-digit',
  }).format(ms);
}

/** The marker of one known value. */
export function markerOf(known: KnownValue, lang: Lang, now: number = Date.now()): Marker {
  if (known.stale) {
    return {
      kind: 'stale',
      tone: 'warn',
      text: format(MODEL.marker.stale, lang, {
        time: shortTime(known.stale.at, lang, now),
        why: pick(MODEL.why[known.stale.reason], lang),
      }),
    };
  }
  const time = shortTime(known.at, lang, now);
  if (known.how === 'set') {
    return {
      kind: 'set',
      tone: 'warn',
      text: format(known.terminal ? MODEL.marker.setTerminal : MODEL.marker.set, lang, { time }),
    };
  }
  return {
    kind: 'read',
    tone: 'muted',
    text: format(known.terminal ? MODEL.marker.readTerminal : MODEL.marker.read, lang, { time }),
  };
}

/** `Heartbeat interval (AT+HEARTTM), …` */
export function settingNames(names: readonly string[], lang: Lang): string {
  return names
    .map((n) => {
      const entry = findCommand(n);
      return entry ? `${pick(entry.label, lang)} (AT+${n})` : n;
    })
    .join(lang === 'zh' ? '、' : ', ');
}

/**
 * The lines that say how far the model can be trusted now. `readAt: false` leaves out "Last read at …"
 * where the page says it already (the settings view).
 */
export function summaryLines(
  summary: ModelSummary,
  lang: Lang,
  now: number = Date.now(),
  options: { readonly readAt?: boolean } = {},
): string[] {
  const lines: string[] = [];
  if (summary.count === 0) return lines;
  if (!summary.live) {
    const at = summary.lastReadAt ?? summary.offlineSince ?? now;
    lines.push(format(MODEL.summary.offline, lang, { time: shortTime(at, lang, now) }));
  } else if (options.readAt === false) {
    // Said elsewhere on the page.
  } else if (summary.lastReadAt !== undefined) {
    lines.push(format(MODEL.summary.readAt, lang, { time: shortTime(summary.lastReadAt, lang, now) }));
  } else {
    lines.push(pick(MODEL.summary.notReadYet, lang));
  }
  if (summary.staleBecause) {
    lines.push(
      format(MODEL.summary.stale, lang, {
        time: shortTime(summary.staleBecause.at, lang, now),
        why: pick(MODEL.why[summary.staleBecause.reason], lang),
      }),
    );
  }
  if (summary.notReadBack.length > 0) {
    lines.push(format(MODEL.summary.notReadBack, lang, { list: settingNames(summary.notReadBack, lang) }));
  }
  return lines;
}

/** True when a compare or a save would use values not proven current. */
export function hasUnconfirmed(model: DeviceModel): boolean {
  return model.unconfirmed().length > 0;
}

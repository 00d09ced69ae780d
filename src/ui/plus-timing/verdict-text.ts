/** The verdict of a timing picture in words, in one language. */
import { format, pick, type Lang } from '../i18n/language';
import type { TimingPicture } from './picture';
import { PLUS_TIMING, VERDICTS, WAITING_TEXT } from './strings';

/** Milliseconds as people read them on the picture: whole ms, one decimal below 10 ms. */
export function ms(value: number): string {
  const r = Math.abs(value) < 10 ? Math.round(value * 10) / 10 : Math.round(value);
  return String(r);
}

export function verdictText(p: TimingPicture, lang: Lang): string {
  const v = p.verdict;
  if (v.outcome === 'waiting' || v.reason === undefined) {
    const answering = p.ticks.some((t) => t.role === 'a');
    return pick(answering ? WAITING_TEXT.answer : WAITING_TEXT.plus, lang);
  }
  const text = format(VERDICTS[v.reason], lang, {
    ms: v.measuredMs === undefined ? '?' : ms(v.measuredMs),
    limit: v.limitMs === undefined ? ms(p.uartftMs) : ms(v.limitMs),
    n: v.index ?? '?',
    byte: v.byte === undefined ? '?' : byteText(v.byte),
  });
  return v.leadingData > 0 ? `${text} ${format(PLUS_TIMING.leadingData, lang, { n: v.leadingData })}` : text;
}

/** The byte as a person reads it in a sentence. */
function byteText(byte: number): string {
  if (byte === 0x0d) return 'CR';
  if (byte === 0x0a) return 'LF';
  if (byte === 0x20) return '␠';
  if (byte >= 0x21 && byte <= 0x7e) return String.fromCharCode(byte);
  return `[${byte.toString(16).toUpperCase().padStart(2, '0')}]`;
}

/** The short outcome word for the history list. */
export function outcomeWord(p: TimingPicture, lang: Lang): string {
  return pick(PLUS_TIMING[p.verdict.outcome], lang);
}

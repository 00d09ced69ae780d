/**
 * How a check reads to the learner ("Socket A is connected for 3 s"), in both languages, built from the
 * check itself so a trainer's own file reads as well as the built-in ones. Pure.
 */
import { findCommand } from '../../protocol/catalogue';
import type { Text } from '../../protocol/types';
import type { Check } from './scenario';
import { CHECK_TEXT as C } from './strings';

type Values = Readonly<Record<string, string | number | Text>>;

/** Fills `{name}` in both languages; a `Text` value is filled in its own language. */
function fill(text: Text, values: Values): Text {
  const one = (lang: 'en' | 'zh'): string =>
    text[lang].replace(/\{(\w+)\}/g, (m, key: string) => {
      const v = values[key];
      if (v === undefined) return m;
      return typeof v === 'object' ? v[lang] : String(v);
    });
  return { en: one('en'), zh: one('zh') };
}

function joinTexts(...parts: (Text | undefined)[]): Text {
  const present = parts.filter((p): p is Text => p !== undefined);
  return { en: present.map((p) => p.en).join(' '), zh: present.map((p) => p.zh).join('') };
}

function countText(min: number | undefined, max: number | undefined): Text | undefined {
  if (max === 0) return C.packetsNone;
  if (max !== undefined) return fill(C.count, { min: min ?? 0, max });
  if (min !== undefined && min > 1) return fill(C.countMin, { min });
  return undefined;
}

/** The label of a setting in the manual's words, with the command name: "Heartbeat interval (HEARTTM)". */
function settingName(name: string, param: string | undefined): Text {
  const entry = findCommand(name);
  const p = param === undefined ? undefined : entry?.params.find((x) => x.name === param);
  const label = p?.label ?? entry?.label ?? { en: name, zh: name };
  return { en: `${label.en} (${name})`, zh: `${label.zh}（${name}）` };
}

/** One line for `check` (its own level only; the parts of all/any/not are described on their own). */
export function describeCheck(check: Check): Text {
  switch (check.kind) {
    case 'all':
      return C.all;
    case 'any':
      return C.any;
    case 'not':
      return C.not;
    case 'setting': {
      const name = settingName(check.name, check.param);
      const parts: Text[] = [];
      if (check.equals !== undefined) parts.push(fill(C.settingEquals, { name, value: check.equals }));
      if (check.notEquals !== undefined)
        parts.push(fill(C.settingNotEquals, { name, value: check.notEquals }));
      if (check.min !== undefined && check.max !== undefined) {
        parts.push(fill(C.settingRange, { name, min: check.min, max: check.max }));
      } else if (check.min !== undefined) parts.push(fill(C.settingMin, { name, min: check.min }));
      else if (check.max !== undefined) parts.push(fill(C.settingMax, { name, max: check.max }));
      const suffix = (check.source ?? 'running') === 'stored' ? C.storedSuffix : C.runningSuffix;
      return joinTexts(...parts, suffix);
    }
    case 'mode':
      return fill(C.mode, { mode: C.modes[check.is] });
    case 'mode-reached':
      return fill(C.modeReached, { mode: C.modes[check.mode] });
    case 'link':
      return check.forSeconds
        ? fill(C.linkFor, {
            socket: check.socket,
            state: C.linkStates[check.state],
            seconds: check.forSeconds,
          })
        : fill(C.link, { socket: check.socket, state: C.linkStates[check.state] });
    case 'packets':
      return joinTexts(
        fill(check.direction === 'to-server' ? C.packetsTo : C.packetsFrom, {
          socket: check.socket,
          tag: C.tags[check.tag ?? 'any'],
        }),
        check.contains === undefined ? undefined : fill(C.containing, { text: check.contains }),
        countText(check.min, check.max),
      );
    case 'link-events': {
      const head =
        check.state === undefined
          ? fill(C.linkEventsAny, { socket: check.socket })
          : fill(C.linkEvents, { socket: check.socket, state: C.linkStates[check.state] });
      const reason = check.reason as keyof typeof C.reasons | undefined;
      return joinTexts(
        head,
        reason === undefined ? undefined : fill(C.because, { reason: C.reasons[reason] }),
        countText(check.min, check.max),
      );
    }
    case 'serial-out':
      return check.inMode === undefined
        ? fill(C.serialOut, { text: check.contains })
        : fill(C.serialOutIn, { text: check.contains, mode: C.modes[check.inMode] });
    case 'radio': {
      const parts: Text[] = [];
      if (check.attached !== undefined) parts.push(check.attached ? C.radioAttached : C.radioDetached);
      if (check.network !== undefined) parts.push(fill(C.radioNetwork, { network: check.network }));
      return joinTexts(...parts);
    }
  }
}

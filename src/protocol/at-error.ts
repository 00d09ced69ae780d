/**
 * The module's error answers, as one typed value.
 *
 * The manual (3.1.7, table 15) names Err1–Err4 but never shows them on the wire. Real firmware differs, so
 * (module-behaviour.md, "Wire format", *tolerate*) every variant below is read into the same `AtError`:
 * - `+ERR:1`, `+ERR: 1` — what 7S4 firmware sends and what this project's simulator sends;
 * - `ERR1`, `Err1` — the spelling of table 15;
 * - `+ERR=-4` — USR-G761w, N668 and WIFI232 firmware (a negative code after `=`; read as Err4);
 * - `ERROR` — plain Hayes-style failure, no code;
 * - `+CME ERROR:58`, `+CME ERROR: 58` — newer Cat-1 firmware passes the radio's error through.
 * Err5 "setting failed" is not in the 7S4 manual; sibling products use it, so it is named too.
 */
import type { Text } from './types';

export type AtErrorFamily = 'err' | 'cme' | 'error';

export interface AtError {
  /** The number after ERR / CME ERROR; `undefined` for a bare `ERROR` (or a CME error given as text). */
  readonly code: number | undefined;
  readonly family: AtErrorFamily;
  /** The line as received, without its line end. */
  readonly raw: string;
  readonly meaning: Text;
}

/** Meanings of table 15 (Err1–Err4) plus Err5 of the sibling products. */
const ERR_MEANINGS: ReadonlyMap<number, Text> = new Map([
  [1, { en: 'Not an AT command: the line does not start with AT', zh: '不符合 AT 指令格式，不是 AT 开头' }],
  [2, { en: 'Command not found: the module has no such AT command', zh: '该 AT 指令未找到，不存在' }],
  [3, { en: 'Wrong query or set format for this command', zh: '该 AT 指令不符合查询或设置的格式' }],
  [4, { en: 'Parameter out of range, or wrong number of parameters', zh: '参数范围或者数量错误' }],
  [5, { en: 'Setting failed', zh: '设置失败' }],
]);

/** The meaning of an error, in both languages. */
export function errorMeaning(family: AtErrorFamily, code: number | undefined): Text {
  if (family === 'error') return { en: 'The module answered ERROR', zh: '模块返回 ERROR（指令执行失败）' };
  if (family === 'cme') {
    return code === undefined
      ? { en: 'Module error', zh: '模块错误' }
      : { en: `Module error ${code}`, zh: `模块错误 ${code}` };
  }
  const known = code === undefined ? undefined : ERR_MEANINGS.get(code);
  if (known) return known;
  return { en: `Unknown error ${code ?? ''}`.trim(), zh: `未知错误 ${code ?? ''}`.trim() };
}

// `+ERR:1`, `+ERR: 1`, `ERR1`, `Err1`, `+ERR=-4` (and the obvious mixtures such as `ERR:1`): one expression.
const ERR_LINE = /^\+?ERR\s*[:=]?\s*-?\s*(\d{1,5})$/i;
const CME_LINE = /^\+CME\s+ERROR\s*:\s*(.*)$/i;
const ERROR_LINE = /^ERROR$/i;

/**
 * Reads one reply line (line end already removed; surrounding blanks are ignored) as an error, or
 * `undefined` when the line is not an error answer.
 */
export function parseErrorLine(line: string): AtError | undefined {
  const trimmed = line.trim();
  const err = ERR_LINE.exec(trimmed);
  if (err) {
    const code = Number(err[1]);
    return { code, family: 'err', raw: line, meaning: errorMeaning('err', code) };
  }
  const cme = CME_LINE.exec(trimmed);
  if (cme) {
    // Some radios answer `+CME ERROR: SIM not inserted` (verbose mode); keep such a line, without a code.
    const detail = (cme[1] ?? '').trim();
    const code = /^\d{1,5}$/.test(detail) ? Number(detail) : undefined;
    const meaning = errorMeaning('cme', code);
    return {
      code,
      family: 'cme',
      raw: line,
      meaning:
        code === undefined && detail !== ''
          ? { en: `${meaning.en}: ${detail}`, zh: `${meaning.zh}：${detail}` }
          : meaning,
    };
  }
  if (ERROR_LINE.test(trimmed)) {
    return { code: undefined, family: 'error', raw: line, meaning: errorMeaning('error', undefined) };
  }
  return undefined;
}

/** The error answer exactly as the simulator sends it (module-behaviour.md): `\r\n+ERR:<n>\r\n`. */
export function formatErrorReply(code: number): string {
  if (!Number.isInteger(code) || code < 0)
    throw new RangeError(`AT error code must be a whole number: ${code}`);
  return `\r\n+ERR:${code}\r\n`;
}

/**
 * Parameter validation against the catalogue: one escaped parameter text in, the canonical value or a
 * message a person understands (English and Chinese, naming the parameter) out. Pure; no I/O.
 * Decisions (canonical forms, limits the manual leaves open): docs/catalogue-decisions.md.
 */
import { escapeText, firstUnescapedSpecial, unescapeBytes } from './escape';
import type { CommandEntry, Param, ParamType, Text, ValidationResult } from './types';

type Outcome = { readonly value: string } | { readonly error: Text };
type Of<K extends ParamType['kind']> = Extract<ParamType, { kind: K }>;

const bad = (en: string, zh: string): Outcome => ({ error: { en, zh } });
const commandText = (e: CommandEntry): string => (e.name === '' ? 'AT' : `AT+${e.name}`);

/**
 * The longest parameter text read at all. The longest parameter of the catalogue (an SMS of 320 bytes,
 * every byte escaped as `[XX]`) is 1 280 characters, so nothing valid comes near it; longer text (a file,
 * a link, a paste into a form field) is refused before any work, and the message names the limit.
 */
export const MAX_VALUE_CHARS = 4096;
const ENCODER = new TextEncoder();
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });
/** Input echoed in a message is cut to this many characters, so a huge value cannot flood the screen. */
const ECHO_CHARS = 40;

/** `text` for a message: at most ECHO_CHARS characters, never cutting a character in two. */
export function echoText(text: string): string {
  if (text.length <= ECHO_CHARS) return text;
  let end = ECHO_CHARS;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

function tooLong(what: Text, length: number): Text {
  return {
    en: `${what.en} is too long: ${length} characters, and no parameter of this module takes more than ${MAX_VALUE_CHARS}`,
    zh: `${what.zh}过长：${length} 个字符，本模块的参数最多 ${MAX_VALUE_CHARS} 个字符`,
  };
}

/** Splits a set command's parameter text on `,`; specials inside parameters are escaped, so every raw `,` separates. */
export function splitParams(paramText: string): string[] {
  return paramText.split(',');
}

/** Validates everything after `=` of a set command (escaped form); the value is the canonical parameter text. */
export function validateValue(entry: CommandEntry, paramText: string): ValidationResult {
  if (paramText.length > MAX_VALUE_CHARS) {
    const m = tooLong({ en: 'The value', zh: '该值' }, paramText.length);
    return failure(-1, m.en, m.zh);
  }
  const parts = splitParams(paramText);
  const expected = entry.params.length;
  if (parts.length !== expected) {
    const cmd = commandText(entry);
    if (expected === 0) return failure(-1, `${cmd} takes no parameters`, `${cmd} 不带参数`);
    const names = entry.params.map((p) => p.label);
    const hint = parts.length > expected && entry.params.some(isEscapedText);
    return failure(
      -1,
      `${cmd} takes ${expected} parameter${expected > 1 ? 's' : ''} (${names.map((n) => n.en).join(', ')}), got ${parts.length}` +
        (hint ? '; inside text write "," as [2C]' : ''),
      `${cmd} 需要 ${expected} 个参数（${names.map((n) => n.zh).join('、')}），实际 ${parts.length} 个` +
        (hint ? '；文本中的“,”须写成 [2C]' : ''),
    );
  }
  const values: string[] = [];
  for (const [i, part] of parts.entries()) {
    const r = validateParam(entry, i, part);
    if (!r.ok) return r;
    values.push(r.value);
  }
  return { ok: true, value: values.join(',') };
}

/** Validates one parameter (one form field, escaped form) and returns its canonical text. */
export function validateParam(entry: CommandEntry, index: number, text: string): ValidationResult {
  const param = entry.params[index];
  if (!param) {
    const cmd = commandText(entry);
    return failure(-1, `${cmd} has no parameter ${index + 1}`, `${cmd} 没有第 ${index + 1} 个参数`);
  }
  if (text.length > MAX_VALUE_CHARS) {
    return { ok: false, error: { param: index, message: tooLong(param.label, text.length) } };
  }
  const out = check(param, text);
  return 'value' in out
    ? { ok: true, value: out.value }
    : { ok: false, error: { param: index, message: out.error } };
}

function failure(param: number, en: string, zh: string): ValidationResult {
  return { ok: false, error: { param, message: { en, zh } } };
}

const isEscapedText = (p: Param): boolean => p.type.kind === 'text' && p.type.escaped;

function check(p: Param, text: string): Outcome {
  const type = p.type;
  switch (type.kind) {
    case 'enum':
      return checkEnum(type, text, p.label);
    case 'int':
      return checkInt(type, text, p.label);
    case 'port':
      return checkInt({ kind: 'int', min: 1, max: 65535 }, text, p.label);
    case 'hex':
      return checkHex(type, text, p.label);
    case 'host':
      return checkHost(type, text, p.label);
    case 'text':
      return checkText(type, text, p.label);
  }
}

function checkEnum(type: Of<'enum'>, text: string, L: Text): Outcome {
  const found = type.values.find((v) => v.toUpperCase() === text.toUpperCase());
  if (found !== undefined) return { value: found };
  const en =
    type.values.length > 1
      ? `${type.values.slice(0, -1).join(', ')} or ${type.values.at(-1)}`
      : type.values.join('');
  const zh = type.values.join('、');
  return text === ''
    ? bad(`${L.en} is empty: choose ${en}`, `${L.zh}不能为空：请选择 ${zh}`)
    : bad(
        `Unknown value "${echoText(text)}" for ${L.en}: choose ${en}`,
        `${L.zh}的值“${echoText(text)}”无效：请选择 ${zh}`,
      );
}

const ZH_UNITS: Readonly<Record<string, string>> = { s: '秒', ms: '毫秒', bytes: '字节' };

function intRange(type: Of<'int'>): Text {
  const unit = type.unit ? { en: ` ${type.unit}`, zh: `（${ZH_UNITS[type.unit]}）` } : { en: '', zh: '' };
  if (type.allowed) {
    const list = type.allowed.join(', ');
    return { en: `one of ${list}${unit.en}`, zh: ` ${list} 之一${unit.zh}` };
  }
  const extra = type.alsoAllowed?.length ? type.alsoAllowed.join(', ') : '';
  return {
    en: `${extra ? `${extra} or ` : ''}a whole number from ${type.min} to ${type.max}${unit.en}`,
    zh: ` ${extra ? `${extra} 或 ` : ''}${type.min}~${type.max} 之间的整数${unit.zh}`,
  };
}

function checkInt(type: Of<'int'>, text: string, L: Text): Outcome {
  const range = intRange(type);
  if (text === '') return bad(`${L.en} is empty: enter ${range.en}`, `${L.zh}不能为空：请输入${range.zh}`);
  const n = /^[0-9]+$/.test(text) ? Number(text) : NaN;
  const fits = type.allowed
    ? type.allowed.includes(n)
    : (n >= type.min && n <= type.max) || (type.alsoAllowed?.includes(n) ?? false);
  if (fits) return { value: String(n) };
  const got = Number.isNaN(n) ? `"${echoText(text)}"` : echoText(text);
  return bad(`${L.en} must be ${range.en} (got ${got})`, `${L.zh}必须是${range.zh}（收到 ${got}）`);
}

function checkHex(type: Of<'hex'>, text: string, L: Text): Outcome {
  const odd = /[^0-9A-Fa-f]/.exec(text);
  if (odd) {
    return bad(
      `${L.en} must be hex digits 0-9 and A-F: "${odd[0]}" is not one`,
      `${L.zh}只能是十六进制字符 0-9、A-F：“${odd[0]}”不是`,
    );
  }
  if (text.length % 2 !== 0) {
    return bad(
      `${L.en} must have an even number of hex digits: ${text.length} given`,
      `${L.zh}的十六进制字符数必须是偶数：收到 ${text.length} 个`,
    );
  }
  const bytes = text.length / 2;
  if (bytes < type.minBytes || bytes > type.maxBytes) {
    const [lo, hi] = [type.minBytes, type.maxBytes];
    return bad(
      `${L.en} must be ${lo} to ${hi} bytes (${lo * 2} to ${hi * 2} hex digits), got ${bytes}`,
      `${L.zh}必须是 ${lo}~${hi} 字节（${lo * 2}~${hi * 2} 个十六进制字符），收到 ${bytes} 字节`,
    );
  }
  return { value: text.toUpperCase() };
}

const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i;

function checkHost(type: Of<'host'>, text: string, L: Text): Outcome {
  if (text === '') {
    return bad(
      `${L.en} is empty: enter a domain name such as test.usr.cn or an IPv4 address such as 192.168.1.10`,
      `${L.zh}不能为空：请输入域名（如 test.usr.cn）或 IPv4 地址（如 192.168.1.10）`,
    );
  }
  if (text.length > type.maxLength) {
    return bad(
      `${L.en} must be at most ${type.maxLength} characters (got ${text.length})`,
      `${L.zh}最多 ${type.maxLength} 个字符（收到 ${text.length} 个）`,
    );
  }
  if (/\s/.test(text)) return bad(`${L.en} must not contain spaces`, `${L.zh}不能包含空格`);
  if (text.includes('://')) {
    const scheme = echoText(text.slice(0, text.indexOf('://') + 3));
    return bad(
      `${L.en} must be a bare host name: remove "${scheme}"`,
      `${L.zh}只填主机名：请去掉“${scheme}”`,
    );
  }
  if (/[/:]/.test(text)) {
    return bad(
      `${L.en} must be a host name or IPv4 address only, without a path or ":port" (the port has its own field)`,
      `${L.zh}只填主机名或 IPv4 地址，不带路径或“:端口”（端口单独填写）`,
    );
  }
  return /^[0-9.]+$/.test(text) ? checkIpv4(text, L) : checkDomain(text, L);
}

function checkIpv4(text: string, L: Text): Outcome {
  const parts = text.split('.');
  if (parts.length !== 4 || parts.includes('')) {
    return bad(
      `${L.en} "${text}" is not an IPv4 address: it needs 4 numbers from 0 to 255 separated by dots`,
      `${L.zh}“${text}”不是 IPv4 地址：须为 4 个 0~255 的数字，以点分隔`,
    );
  }
  for (const part of parts) {
    if (Number(part) > 255) {
      return bad(
        `${L.en} "${text}": each number of an IPv4 address must be 0 to 255 (got ${part})`,
        `${L.zh}“${text}”：IPv4 地址的每个数字须为 0~255（收到 ${part}）`,
      );
    }
    if (part.length > 1 && part.startsWith('0')) {
      return bad(
        `${L.en} "${text}": numbers of an IPv4 address must not have leading zeros (got ${part})`,
        `${L.zh}“${text}”：IPv4 地址的数字不能有前导零（收到 ${part}）`,
      );
    }
  }
  return { value: text };
}

function checkDomain(text: string, L: Text): Outcome {
  const odd = /[^A-Za-z0-9.-]/.exec(text);
  if (odd) {
    return bad(
      `${L.en} contains "${odd[0]}": a host name may only have letters, digits, "-" and "."`,
      `${L.zh}包含“${odd[0]}”：主机名只能含字母、数字、“-”和“.”`,
    );
  }
  for (const label of text.split('.')) {
    if (label === '') {
      return bad(
        `${L.en} "${text}" has an empty part between dots`,
        `${L.zh}“${text}”中有空的段（连续或首尾的点）`,
      );
    }
    if (!LABEL.test(label)) {
      return bad(
        `${L.en} "${text}": each part between dots must be 1 to 63 characters and not start or end with "-" (got "${label}")`,
        `${L.zh}“${text}”：每段须为 1~63 个字符，且不能以“-”开头或结尾（收到“${label}”）`,
      );
    }
  }
  return { value: text.toLowerCase() };
}

const SPECIAL_NAMES: Readonly<Record<string, string>> = { '\r': 'CR', '\n': 'LF' };

function checkText(type: Of<'text'>, text: string, L: Text): Outcome {
  if (type.escaped) {
    const at = firstUnescapedSpecial(text);
    if (at >= 0) {
      const ch = text.charAt(at);
      const shown = SPECIAL_NAMES[ch] ?? `"${ch}"`;
      const code = escapeText(ch);
      return bad(
        `${L.en}: ${shown} must be written as ${code} inside text`,
        `${L.zh}：文本中的 ${shown} 须写成 ${code}`,
      );
    }
  }
  const bytes = type.escaped ? unescapeBytes(text) : ENCODER.encode(text);
  if (bytes.length === 0 && type.allowEmpty) return { value: '' };
  let plain: string;
  try {
    plain = STRICT_UTF8.decode(bytes);
  } catch {
    return bad(`${L.en} is not valid UTF-8 text`, `${L.zh}不是有效的 UTF-8 文本`);
  }
  const content = contentError(type, plain, L);
  if (content) return content;
  const unit = type.digitsOnly
    ? { en: 'digits', zh: '位数字' }
    : type.charset === 'ascii'
      ? { en: 'characters', zh: '个字符' }
      : { en: 'bytes of UTF-8', zh: '字节（UTF-8）' };
  if (bytes.length < type.minBytes || bytes.length > type.maxBytes) {
    const [lo, hi] = [type.minBytes, type.maxBytes];
    const size =
      lo === hi ? { en: `exactly ${lo}`, zh: `${lo}` } : { en: `${lo} to ${hi}`, zh: `${lo}~${hi}` };
    const orEmpty = type.allowEmpty ? { en: ', or empty', zh: '，或留空' } : { en: '', zh: '' };
    const cjk =
      type.charset === 'utf8'
        ? { en: '; a Chinese character takes 3 bytes', zh: '；一个汉字占 3 字节' }
        : { en: '', zh: '' };
    return bad(
      `${L.en} must be ${size.en} ${unit.en}${orEmpty.en} (got ${bytes.length}${cjk.en})`,
      `${L.zh}必须是 ${size.zh} ${unit.zh}${orEmpty.zh}（收到 ${bytes.length}${cjk.zh}）`,
    );
  }
  if (type.mustStartWith && !plain.startsWith(type.mustStartWith)) {
    return bad(
      `${L.en} must start with "${type.mustStartWith}" (got "${echoText(text)}")`,
      `${L.zh}必须以“${type.mustStartWith}”开头（收到“${echoText(text)}”）`,
    );
  }
  if (type.endsWithCrLf && !plain.endsWith('\r\n')) {
    return bad(`${L.en} must end with [0D][0A]`, `${L.zh}必须以 [0D][0A] 结尾`);
  }
  return { value: type.escaped ? escapeText(plain) : plain };
}

/** Characters the parameter may not hold: non-digits, non-ASCII, control characters other than TAB/CR/LF. */
function contentError(type: Of<'text'>, plain: string, L: Text): Outcome | undefined {
  for (const ch of plain) {
    const code = ch.codePointAt(0) ?? 0;
    if (type.digitsOnly && (ch < '0' || ch > '9')) {
      const plus =
        ch === '+'
          ? {
              en: ' (write the number without "+", e.g. 8613854123456)',
              zh: '（号码不带“+”，例如 8613854123456）',
            }
          : { en: '', zh: '' };
      return bad(
        `${L.en} must contain digits only: "${ch}" is not a digit${plus.en}`,
        `${L.zh}只能是数字：“${ch}”不是数字${plus.zh}`,
      );
    }
    if ((code < 0x20 && !'\t\r\n'.includes(ch)) || code === 0x7f) {
      const hex = escapeText(ch);
      return bad(
        `${L.en} contains the control character ${hex}, which is not allowed`,
        `${L.zh}包含不允许的控制字符 ${hex}`,
      );
    }
    if (type.charset === 'ascii' && code > 0x7e) {
      return bad(
        `${L.en} must be plain ASCII: "${ch}" is not allowed`,
        `${L.zh}只能是 ASCII 字符：不允许“${ch}”`,
      );
    }
  }
  return undefined;
}

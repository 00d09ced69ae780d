/**
 * Rules for the free text of a profile (name, notes) and the source-device id. Names and notes are plain
 * text: HTML in them is kept as the characters typed (`<b>` stays `<b>`; views bind it as text, never as
 * markup). What is refused is what cannot be shown honestly: control characters, unpaired surrogates, and
 * the bidirectional override/isolate controls that can make a name read differently from what it is.
 */
import {
  MAX_DEVICE_ID_LENGTH,
  MAX_NAME_LENGTH,
  MAX_NOTES_LENGTH,
  problem,
  type ProfileProblem,
} from './profile';

/** U+202A–U+202E (embeddings, overrides) and U+2066–U+2069 (isolates). */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function controlIn(value: string, allowLineBreaks: boolean): string | undefined {
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    if (allowLineBreaks && (ch === '\n' || ch === '\r' || ch === '\t')) continue;
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029) {
      return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    }
  }
  return undefined;
}

function plainText(
  path: string,
  label: { en: string; zh: string },
  value: string,
  allowLineBreaks: boolean,
): ProfileProblem | undefined {
  if (LONE_SURROGATE.test(value)) {
    return problem(
      path,
      `${label.en} contains broken characters (an unpaired surrogate)`,
      `${label.zh}包含损坏的字符（孤立代理项）`,
    );
  }
  const control = controlIn(value, allowLineBreaks);
  if (control) {
    return problem(
      path,
      `${label.en} contains the control character ${control}${allowLineBreaks ? '' : ' (a name is one line)'}`,
      `${label.zh}包含控制字符 ${control}${allowLineBreaks ? '' : '（名称只能是一行）'}`,
    );
  }
  if (BIDI_CONTROL.test(value)) {
    return problem(
      path,
      `${label.en} contains a text-direction override character, which can make it read differently from what it is`,
      `${label.zh}包含文字方向控制字符，可能使显示内容与实际内容不同`,
    );
  }
  return undefined;
}

export function checkName(path: string, value: unknown): ProfileProblem | undefined {
  if (typeof value !== 'string') return problem(path, 'The name must be text', '名称必须是文本');
  if (value.trim() === '') return problem(path, 'The name is empty', '名称不能为空');
  if (value.length > MAX_NAME_LENGTH) {
    return problem(
      path,
      `The name is too long: at most ${MAX_NAME_LENGTH} characters (got ${value.length})`,
      `名称过长：最多 ${MAX_NAME_LENGTH} 个字符（实际 ${value.length} 个）`,
    );
  }
  return plainText(path, { en: 'The name', zh: '名称' }, value, false);
}

export function checkNotes(path: string, value: unknown): ProfileProblem | undefined {
  if (typeof value !== 'string') return problem(path, 'The notes must be text', '备注必须是文本');
  if (value.length > MAX_NOTES_LENGTH) {
    return problem(
      path,
      `The notes are too long: at most ${MAX_NOTES_LENGTH} characters (got ${value.length})`,
      `备注过长：最多 ${MAX_NOTES_LENGTH} 个字符（实际 ${value.length} 个）`,
    );
  }
  return plainText(path, { en: 'The notes', zh: '备注' }, value, true);
}

/** IMEI (15 digits) or SN: letters, digits and `-_.:`. */
export function checkDeviceId(path: string, value: unknown): ProfileProblem | undefined {
  if (typeof value !== 'string') return problem(path, 'The source device must be text', '来源设备必须是文本');
  if (value.length < 1 || value.length > MAX_DEVICE_ID_LENGTH || !/^[A-Za-z0-9._:-]+$/.test(value)) {
    return problem(
      path,
      `The source device must be an IMEI or serial number: 1–${MAX_DEVICE_ID_LENGTH} letters, digits or . _ : -`,
      `来源设备须为 IMEI 或序列号：1~${MAX_DEVICE_ID_LENGTH} 个字母、数字或 . _ : -`,
    );
  }
  return undefined;
}

/** Milliseconds since 1970: a whole number within the range a `Date` can hold. */
export function checkTime(path: string, value: unknown): ProfileProblem | undefined {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || value > 8.64e15) {
    return problem(
      path,
      `${path} must be a time in milliseconds since 1970 (a whole number)`,
      `${path} 必须是自 1970 年起的毫秒数（整数）`,
    );
  }
  return undefined;
}

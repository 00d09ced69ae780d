/**
 * One AT command line as the two remote channels carry it (manual 3.1.4–3.1.5, docs/remote.md):
 * - SMS AT: the text `<CMDPW>AT+NAME=value` — one command per SMS (the manual sends one; the module takes
 *   an SMS as one password-AT line), and it must fit ONE SMS: the manual says nothing of long SMS being
 *   joined again for SMS AT, and a half command would be refused or, worse, taken half.
 * - network AT: the bytes `<CMDPW>AT+NAME=value` + CR ("注意该字符串最后有一个回车符"), one line per packet, the
 *   next only after the answer. The manual treats it like serial password AT (3.1.4 "和串口 AT 指令类似"),
 *   which the module frames by UARTFL (2.2.2): a longer line would be split, so the line must fit UARTFL.
 */
import { smsLength, type SmsLength } from '../../protocol/sms-length';
import type { Text } from '../../protocol/types';

export interface SmsPayload {
  /** 1-based position in the sending order. */
  readonly number: number;
  /** The command line without password or CR: `AT+HEARTTM=90`. */
  readonly command: string;
  /** The SMS text: password + command. */
  readonly text: string;
  readonly length: SmsLength;
  /** Why it cannot be sent by SMS; absent when it can. */
  readonly problem?: Text;
}

export interface NetworkPayload {
  readonly number: number;
  readonly command: string;
  /** The line a server sends: password + command + CR. */
  readonly line: string;
  /** Its length in bytes (UTF-8), CR included. */
  readonly bytes: number;
  readonly problem?: Text;
}

const utf8 = new TextEncoder();

export function smsPayload(number: number, password: string, command: string): SmsPayload {
  const text = password + command;
  const length = smsLength(text);
  if (length.units <= length.single) return { number, command, text, length };
  const alphabet =
    length.encoding === 'gsm7'
      ? { en: 'GSM 7-bit text', zh: 'GSM 7 位编码' }
      : {
          en: 'text with characters outside GSM 7-bit (sent as UCS-2)',
          zh: '含 GSM 7 位以外字符的文本（按 UCS-2 发送）',
        };
  return {
    number,
    command,
    text,
    length,
    problem: {
      en: `Too long for one SMS: ${length.units} of ${length.single} (${alphabet.en}). SMS AT takes one command in one SMS; send this setting by network AT or on site.`,
      zh: `超出一条短信：${length.units}/${length.single}（${alphabet.zh}）。短信 AT 一条短信只能带一条指令；请用网络 AT 或在现场设置此参数。`,
    },
  };
}

export function networkPayload(
  number: number,
  password: string,
  command: string,
  uartfl: number,
): NetworkPayload {
  const line = `${password}${command}\r`;
  const bytes = utf8.encode(line).length;
  if (bytes <= uartfl) return { number, command, line, bytes };
  return {
    number,
    command,
    line,
    bytes,
    problem: {
      en: `${bytes} bytes, longer than the module's UARTFL (${uartfl} bytes): the module would split the line. Raise UARTFL first (its own payload, then AT+Z) or set this on site.`,
      zh: `${bytes} 字节，超过模块的 UARTFL（${uartfl} 字节）：模块会把这一行拆开。请先调大 UARTFL（单独发送并 AT+Z）或在现场设置。`,
    },
  };
}

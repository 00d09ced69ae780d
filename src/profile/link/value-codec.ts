/**
 * Compact form of one canonical value, parameter by parameter, by the catalogue's parameter types:
 * an enum is its index in the fewest bits that hold every choice (ON/OFF costs one bit), a number or
 * port a varint, hex its bytes, an IPv4 host its 4 bytes, text its unescaped bytes (`[0D][0A]` costs
 * 2 bytes, not 8). `encodeValue` returns `undefined` when the typed form would not give back exactly the
 * same text; the payload then carries the value as plain text instead. Decoding only rebuilds text:
 * whether it is a valid value is decided afterwards by the validator.
 */
import { escapeText, unescapeBytes } from '../../protocol/escape';
import type { CommandEntry, ParamType } from '../../protocol/types';
import { splitParams } from '../../protocol/validate';
import { BitReader, BitWriter, payloadError } from './bits';
import { readBlock, readText, utf8Text, writeBlock, type TextForm } from './text-stream';

/** Longest parameter the catalogue has is 320 bytes (SMS); a margin for escapes. */
const MAX_PARAM_BYTES = 1024;
const PARAM = { en: 'a value in the link', zh: '链接中的参数值' };
const HOST = { en: 'a host name in the link', zh: '链接中的主机名' };
const IPV4 = /^(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2})$/;
const utf8 = new TextEncoder();

/** Bits for an enum of `n` choices: 0 for one choice, 1 for ON/OFF, 3 for five. */
export function enumWidth(n: number): number {
  return n <= 1 ? 0 : Math.ceil(Math.log2(n));
}

function encodeParam(type: ParamType, text: string, w: BitWriter, form: TextForm): void {
  switch (type.kind) {
    case 'enum': {
      const i = type.values.indexOf(text);
      if (i < 0) throw new RangeError('not an enum value');
      w.bits(i, enumWidth(type.values.length));
      return;
    }
    case 'int':
    case 'port':
      if (!/^(0|[1-9][0-9]{0,14})$/.test(text)) throw new RangeError('not a canonical number');
      w.varint(Number(text));
      return;
    case 'hex':
      if (!/^([0-9A-F]{2})*$/.test(text)) throw new RangeError('not canonical hex');
      writeBlock(
        w,
        form,
        Uint8Array.from(text.match(/../g) ?? [], (h) => parseInt(h, 16)),
      );
      return;
    case 'host': {
      const ip = IPV4.exec(text);
      const parts = ip ? ip.slice(1, 5).map(Number) : [];
      const isIp = parts.length === 4 && parts.every((n) => n <= 255);
      w.bits(isIp ? 1 : 0, 1);
      if (isIp) w.bytes(Uint8Array.from(parts));
      else writeBlock(w, form, utf8.encode(text), true);
      return;
    }
    case 'text':
      writeBlock(w, form, type.escaped ? unescapeBytes(text) : utf8.encode(text), true);
      return;
  }
}

function decodeParam(type: ParamType, r: BitReader, form: TextForm): string {
  switch (type.kind) {
    case 'enum': {
      const i = r.bits(enumWidth(type.values.length));
      return (
        type.values[i] ??
        payloadError(`a choice in the link is out of range (${i})`, `链接中的选项超出范围（${i}）`)
      );
    }
    case 'int':
    case 'port':
      return String(r.varint());
    case 'hex':
      return [...readBlock(r, form, MAX_PARAM_BYTES, PARAM)]
        .map((b) => b.toString(16).toUpperCase().padStart(2, '0'))
        .join('');
    case 'host':
      return r.bit() === 1 ? [...r.bytes(4)].join('.') : readText(r, form, MAX_PARAM_BYTES, HOST);
    case 'text': {
      const plain = utf8Text(readBlock(r, form, MAX_PARAM_BYTES, PARAM, true), PARAM);
      return type.escaped ? escapeText(plain) : plain;
    }
  }
}

/** Writes the typed form of `value`, or returns false (writing nothing) when only plain text is exact. */
export function encodeValue(entry: CommandEntry, value: string, w: BitWriter, form: TextForm): boolean {
  const parts = splitParams(value);
  if (parts.length !== entry.params.length) return false;
  // Trial run on its own writer: typed forms must give back exactly the same text.
  const trial = new BitWriter();
  try {
    entry.params.forEach((p, i) => encodeParam(p.type, parts[i] ?? '', trial, form));
    const r = new BitReader(trial.result());
    if (decodeValue(entry, r, form) !== value) return false;
  } catch {
    return false;
  }
  entry.params.forEach((p, i) => encodeParam(p.type, parts[i] ?? '', w, form));
  return true;
}

export function decodeValue(entry: CommandEntry, r: BitReader, form: TextForm): string {
  return entry.params.map((p) => decodeParam(p.type, r, form)).join(',');
}

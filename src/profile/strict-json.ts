/**
 * A strict JSON reader for files and links that come from outside. `JSON.parse` silently keeps the last of
 * two equal keys, which would hide a conflicting setting in a hand-edited file; this reader reports it.
 * Objects are built without a prototype, with keys defined as own data properties, so a key `__proto__`
 * is just data (reported later by the profile validator) and can never reach `Object.prototype`.
 */
import type { Text } from '../protocol/types';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export type JsonResult =
  { readonly ok: true; readonly value: JsonValue } | { readonly ok: false; readonly message: Text };

/** Nesting deeper than this is no profile file; it only costs stack. */
const MAX_DEPTH = 32;

class JsonError extends Error {
  constructor(readonly text: Text) {
    super(text.en);
  }
}

export function parseStrictJson(source: string): JsonResult {
  const reader = new Reader(source);
  try {
    reader.blank();
    const value = reader.value(0);
    reader.blank();
    if (!reader.done())
      reader.fail('unexpected text after the end of the JSON data', 'JSON 数据结束后还有多余内容');
    return { ok: true, value };
  } catch (e) {
    if (e instanceof JsonError) return { ok: false, message: e.text };
    throw e;
  }
}

class Reader {
  private at = 0;
  constructor(private readonly src: string) {}

  done(): boolean {
    return this.at >= this.src.length;
  }

  fail(en: string, zh: string): never {
    const before = this.src.slice(0, this.at);
    const line = before.split('\n').length;
    const column = this.at - before.lastIndexOf('\n');
    throw new JsonError({
      en: `Not valid JSON at line ${line}, column ${column}: ${en}`,
      zh: `JSON 格式错误（第 ${line} 行第 ${column} 列）：${zh}`,
    });
  }

  blank(): void {
    while (/^[ \t\r\n]$/.test(this.src.charAt(this.at))) this.at++;
  }

  value(depth: number): JsonValue {
    if (depth > MAX_DEPTH) this.fail(`nested more than ${MAX_DEPTH} levels deep`, `嵌套超过 ${MAX_DEPTH} 层`);
    const ch = this.src.charAt(this.at);
    if (ch === '{') return this.object(depth);
    if (ch === '[') return this.array(depth);
    if (ch === '"') return this.string();
    if (ch === '-' || (ch >= '0' && ch <= '9')) return this.number();
    for (const [word, v] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.src.startsWith(word, this.at)) {
        this.at += word.length;
        return v;
      }
    }
    return this.done()
      ? this.fail('the data ends too early', '数据提前结束')
      : this.fail(`unexpected character "${ch}"`, `意外的字符“${ch}”`);
  }

  private object(depth: number): { [key: string]: JsonValue } {
    const out = Object.create(null) as { [key: string]: JsonValue };
    this.at++;
    this.blank();
    if (this.src.charAt(this.at) === '}') {
      this.at++;
      return out;
    }
    for (;;) {
      if (this.src.charAt(this.at) !== '"')
        this.fail('expected a key in double quotes', '此处应为带双引号的键名');
      const keyAt = this.at;
      const key = this.string();
      if (Object.prototype.hasOwnProperty.call(out, key)) {
        this.at = keyAt;
        this.fail(`the key "${key}" appears twice`, `键“${key}”重复出现`);
      }
      this.blank();
      if (this.src.charAt(this.at) !== ':') this.fail('expected ":" after the key', '键名后应为“:”');
      this.at++;
      this.blank();
      Object.defineProperty(out, key, {
        value: this.value(depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      this.blank();
      const next = this.src.charAt(this.at++);
      if (next === '}') return out;
      if (next !== ',') {
        this.at--;
        this.fail('expected "," or "}"', '此处应为“,”或“}”');
      }
      this.blank();
    }
  }

  private array(depth: number): JsonValue[] {
    const out: JsonValue[] = [];
    this.at++;
    this.blank();
    if (this.src.charAt(this.at) === ']') {
      this.at++;
      return out;
    }
    for (;;) {
      out.push(this.value(depth + 1));
      this.blank();
      const next = this.src.charAt(this.at++);
      if (next === ']') return out;
      if (next !== ',') {
        this.at--;
        this.fail('expected "," or "]"', '此处应为“,”或“]”');
      }
      this.blank();
    }
  }

  private number(): number {
    const m = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/.exec(
      this.src.slice(this.at, this.at + 400),
    );
    if (!m) this.fail('malformed number', '数字格式错误');
    this.at += m[0].length;
    const n = Number(m[0]);
    if (!Number.isFinite(n)) this.fail('number too large', '数字过大');
    return n;
  }

  private string(): string {
    this.at++;
    let out = '';
    for (;;) {
      const ch = this.src.charAt(this.at);
      if (ch === '') this.fail('a string is not closed with "', '字符串缺少结尾的双引号');
      this.at++;
      if (ch === '"') return out;
      if (ch < ' ') {
        this.at--;
        this.fail('a control character inside a string must be escaped', '字符串中的控制字符必须转义');
      }
      if (ch !== '\\') {
        out += ch;
        continue;
      }
      const esc = this.src.charAt(this.at++);
      const simple: Record<string, string> = {
        '"': '"',
        '\\': '\\',
        '/': '/',
        b: '\b',
        f: '\f',
        n: '\n',
        r: '\r',
        t: '\t',
      };
      if (Object.prototype.hasOwnProperty.call(simple, esc)) {
        out += simple[esc];
      } else if (esc === 'u' && /^[0-9A-Fa-f]{4}$/.test(this.src.slice(this.at, this.at + 4))) {
        out += String.fromCharCode(parseInt(this.src.slice(this.at, this.at + 4), 16));
        this.at += 4;
      } else {
        this.at--;
        this.fail('unknown escape after "\\"', '“\\”后的转义无效');
      }
    }
  }
}

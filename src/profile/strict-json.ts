/**
 * A strict JSON reader for files and links that come from outside. `JSON.parse` silently keeps the last of
 * two equal keys, which would hide a conflicting setting in a hand-edited file; this reader reports it.
 * Objects are built without a prototype, with keys defined as own data properties, so a key `__proto__`
 * is just data (reported later by the profile validator) and can never reach `Object.prototype`.
 *
 * It reads without recursion (an explicit stack), so no input can exhaust the call stack, and it tells
 * where each problem is, so one damaged profile need not cost the others:
 * - a key given twice, or a container nested deeper than MAX_DEPTH (read, then left empty), is an
 *   *issue* with its path (`profiles[3].values`), line and column; reading goes on;
 * - a syntax error stops reading; every container open at that point keeps the members that were complete
 *   before it (`incomplete` holds those containers), so the caller can take what came before the damage.
 * Messages name the usual hand-editing mistakes (curly quotes, a trailing comma, comments).
 */
import type { Text } from '../protocol/types';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonPath = readonly (string | number)[];

/** Nesting deeper than this is no profile file; deeper containers are read and left empty. */
export const MAX_JSON_DEPTH = 32;

export interface JsonIssue {
  /** Where: keys and indexes from the root (`['profiles', 3, 'values']`). */
  readonly path: JsonPath;
  readonly line: number;
  readonly column: number;
  /** Already says where (line and column). */
  readonly message: Text;
}

export interface JsonRead {
  /** The value; undefined when not even the start of a value could be read. */
  readonly value: JsonValue | undefined;
  /** The syntax error that stopped reading; `endOfText` when the text simply ends too early (cut off). */
  readonly error?: JsonIssue & { readonly endOfText: boolean };
  /** Keys given twice (the first is kept; one issue per object) and containers nested too deep. */
  readonly issues: readonly JsonIssue[];
  /** Containers that were still open at the syntax error: their members are only those read before it. */
  readonly incomplete: ReadonlySet<object>;
  /** Lists that had more than `maxItems` elements: how many more there were (read for syntax, not kept). */
  readonly dropped: ReadonlyMap<object, number>;
}

export interface JsonReadOptions {
  /** A list keeps at most this many elements; the rest are checked for syntax and counted, not built. */
  readonly maxItems?: number;
}

export type JsonResult =
  { readonly ok: true; readonly value: JsonValue } | { readonly ok: false; readonly message: Text };

/** All or nothing: any syntax error or issue refuses the text (the first one is the message). */
export function parseStrictJson(source: string): JsonResult {
  const r = readJson(source);
  const first = r.error ?? r.issues[0];
  if (first || r.value === undefined) {
    return { ok: false, message: first?.message ?? { en: 'Not valid JSON', zh: 'JSON 格式错误' } };
  }
  return { ok: true, value: r.value };
}

export function readJson(source: string, options: JsonReadOptions = {}): JsonRead {
  return new Reader(source, options.maxItems ?? Number.POSITIVE_INFINITY).read();
}

class JsonSyntaxError extends Error {
  constructor(
    readonly en: string,
    readonly zh: string,
    readonly endOfText: boolean,
  ) {
    super(en);
  }
}

type JsonObject = { [key: string]: JsonValue };

interface Frame {
  readonly kind: 'object' | 'array';
  readonly container: JsonObject | JsonValue[];
  /** This container's key or index in its parent (undefined for the root). */
  readonly member: string | number | undefined;
  /** Object: the key whose value is being read. */
  key: string | undefined;
  /** Object: a duplicate was already reported for it. */
  reported: boolean;
  /** Where it opens in the text. */
  readonly start: number;
  /** A level past MAX_JSON_DEPTH: read for its syntax only, nothing kept. */
  readonly skip?: true;
}

/** The frames of every level past MAX_JSON_DEPTH (one per kind, shared: they keep nothing). */
const SKIPPED: Readonly<Record<'object' | 'array', Frame>> = {
  object: {
    kind: 'object',
    container: Object.create(null) as JsonObject,
    member: undefined,
    key: undefined,
    reported: true,
    start: 0,
    skip: true,
  },
  array: {
    kind: 'array',
    container: [] as JsonValue[],
    member: undefined,
    key: undefined,
    reported: true,
    start: 0,
    skip: true,
  },
};

const NONE = Symbol('none');
type Step = JsonValue | typeof NONE;

// eslint-disable-next-line no-control-regex -- control characters end a run: JSON requires them escaped
const STRING_RUN = /[^"\\\u0000-\u001f]*/y;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const BLANK = /[ \t\r\n]*/y;
const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

class Reader {
  private at = 0;
  private readonly stack: Frame[] = [];
  /**
   * Levels past MAX_JSON_DEPTH cost one byte each (1 object, 0 array), not a frame: a 20 MB file of `[`
   * must not cost gigabytes. `skipStart` is where the outermost skipped container opened.
   */
  private skipKinds = new Uint8Array(64);
  private skipDepth = 0;
  private skipStart = 0;
  /** The container being skipped is past the depth limit (else its value is dropped anyway). */
  private skipDeep = false;
  private readonly dropped = new Map<object, number>();
  private readonly issues: JsonIssue[] = [];
  private lineStarts: number[] | undefined;

  constructor(
    private readonly src: string,
    private readonly maxItems: number,
  ) {}

  read(): JsonRead {
    try {
      const value = this.run();
      this.blank();
      if (this.at < this.src.length) {
        this.fail('unexpected text after the end of the JSON data', 'JSON 数据结束后还有多余内容');
      }
      return { value, issues: this.issues, incomplete: new Set(), dropped: this.dropped };
    } catch (e) {
      if (!(e instanceof JsonSyntaxError)) throw e;
      return this.stopped(e);
    }
  }

  /** After a syntax error: attach every open container to its parent, and say where reading stopped. */
  private stopped(e: JsonSyntaxError): JsonRead {
    const path = this.path(true);
    const incomplete = new Set<object>();
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const frame = this.stack[i];
      if (!frame) continue;
      incomplete.add(frame.container);
      const parent = this.stack[i - 1];
      if (parent) this.put(parent, frame.container);
    }
    const root = this.stack[0]?.container;
    const where = this.where(this.at);
    return {
      value: root ?? this.rootValue,
      error: {
        path,
        line: where.line,
        column: where.column,
        endOfText: e.endOfText,
        message: this.located(where, e.en, e.zh),
      },
      issues: this.issues,
      incomplete,
      dropped: this.dropped,
    };
  }

  /** A primitive root that was read completely before the error (`"x" y`). */
  private rootValue: JsonValue | undefined;

  private run(): JsonValue {
    this.blank();
    let step = this.begin();
    for (;;) {
      while (step === NONE) {
        // A container was just opened: it closes at once, or its first member follows.
        const top = this.top();
        this.blank();
        if (this.peek() === closer(top)) {
          this.at++;
          step = this.close();
          break;
        }
        if (top.kind === 'object') this.key(top);
        step = this.begin();
      }
      const top = this.current();
      if (!top) {
        this.rootValue = step;
        return step;
      }
      this.put(top, step);
      this.blank();
      const ch = this.peek();
      if (ch === ',') {
        this.at++;
        this.blank();
        if (this.peek() === closer(top)) {
          this.fail(
            `a "," right before "${closer(top)}" is not allowed in JSON (remove the last comma)`,
            `JSON 中“${closer(top)}”之前不能有“,”（请删除最后一个逗号）`,
          );
        }
        if (top.kind === 'object') this.key(top);
        step = this.begin();
        continue;
      }
      if (ch === closer(top)) {
        this.at++;
        step = this.close();
        continue;
      }
      if (this.done()) this.fail('the data ends too early', '数据提前结束', true);
      this.fail(`expected "," or "${closer(top)}"`, `此处应为“,”或“${closer(top)}”`);
    }
  }

  /** Starts a value: a primitive is read and returned; a container is pushed (returns NONE). */
  private begin(): Step {
    const ch = this.peek();
    if (ch === '{' || ch === '[') {
      this.at++;
      const deep = this.stack.length >= MAX_JSON_DEPTH;
      if (this.skipDepth > 0 || deep || this.dropsNext()) {
        if (this.skipDepth === 0) {
          this.skipStart = this.at - 1;
          this.skipDeep = deep;
        }
        if (this.skipDepth === this.skipKinds.length) {
          const grown = new Uint8Array(this.skipKinds.length * 2);
          grown.set(this.skipKinds);
          this.skipKinds = grown;
        }
        this.skipKinds[this.skipDepth++] = ch === '{' ? 1 : 0;
        return NONE;
      }
      const parent = this.stack.at(-1);
      const member = parent ? currentMember(parent) : undefined;
      this.stack.push({
        kind: ch === '{' ? 'object' : 'array',
        container: ch === '{' ? (Object.create(null) as JsonObject) : [],
        member,
        key: undefined,
        reported: false,
        start: this.at - 1,
      });
      return NONE;
    }
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
    return this.unexpected();
  }

  private close(): JsonValue {
    if (this.skipDepth > 0) {
      const object = this.skipKinds[--this.skipDepth] === 1;
      if (this.skipDepth > 0) return null; // inside the skipped container: nothing is kept
      if (!this.skipDeep) return null; // a value that is dropped anyway (a list past maxItems, a repeated key)
      // The outermost container past the limit: reported where it opened, and left empty.
      const parent = this.stack.at(-1);
      const member = parent ? currentMember(parent) : undefined;
      this.issue(
        [...this.path(false), ...(member === undefined ? [] : [member])],
        this.skipStart,
        `nested more than ${MAX_JSON_DEPTH} levels deep`,
        `嵌套超过 ${MAX_JSON_DEPTH} 层`,
      );
      return object ? (Object.create(null) as JsonObject) : [];
    }
    const frame = this.stack.pop();
    return frame ? frame.container : null;
  }

  private key(top: Frame): void {
    if (this.peek() !== '"') {
      if (this.done()) this.fail('the data ends too early', '数据提前结束', true);
      this.unexpected('expected a key in double quotes', '此处应为带双引号的键名');
    }
    const keyAt = this.at;
    const key = this.string();
    const container = top.container as JsonObject;
    if (Object.prototype.hasOwnProperty.call(container, key)) {
      if (!top.reported) {
        top.reported = true;
        this.issue(
          this.path(false),
          keyAt,
          `the key "${shortKey(key)}" appears twice`,
          `键“${shortKey(key)}”重复出现`,
        );
      }
      top.key = undefined; // the first value is kept; this one is read and dropped
    } else {
      top.key = key;
    }
    this.blank();
    if (this.peek() !== ':') {
      if (this.done()) this.fail('the data ends too early', '数据提前结束', true);
      this.fail('expected ":" after the key', '键名后应为“:”');
    }
    this.at++;
    this.blank();
  }

  private put(frame: Frame, value: JsonValue): void {
    if (frame.skip) return;
    if (frame.kind === 'array') {
      const list = frame.container as JsonValue[];
      if (list.length < this.maxItems) list.push(value);
      else this.dropped.set(list, (this.dropped.get(list) ?? 0) + 1);
      return;
    }
    if (frame.key === undefined) return;
    Object.defineProperty(frame.container, frame.key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    frame.key = undefined;
  }

  /** The value about to be read will not be kept: a list is full, or an object's key was a repeat. */
  private dropsNext(): boolean {
    const parent = this.stack.at(-1);
    if (!parent) return false;
    return parent.kind === 'array'
      ? (parent.container as JsonValue[]).length >= this.maxItems
      : parent.key === undefined;
  }

  /** The innermost open container (a shared stand-in past MAX_JSON_DEPTH), if any. */
  private current(): Frame | undefined {
    if (this.skipDepth > 0) return this.skipKinds[this.skipDepth - 1] === 1 ? SKIPPED.object : SKIPPED.array;
    return this.stack.at(-1);
  }

  private top(): Frame {
    const top = this.current();
    if (!top) throw new Error('JSON reader: no open container');
    return top;
  }

  /** Keys and indexes from the root to the member being read (`withMember`) or to the open container. */
  private path(withMember: boolean): (string | number)[] {
    const out: (string | number)[] = [];
    for (const f of this.stack) if (f.member !== undefined) out.push(f.member);
    const top = this.stack.at(-1);
    if (withMember && top) {
      const m = currentMember(top);
      if (m !== undefined) out.push(m);
    }
    return out;
  }

  private peek(): string {
    return this.src.charAt(this.at);
  }

  private done(): boolean {
    return this.at >= this.src.length;
  }

  private blank(): void {
    BLANK.lastIndex = this.at;
    BLANK.test(this.src);
    this.at = BLANK.lastIndex;
  }

  private number(): number {
    NUMBER.lastIndex = this.at;
    const m = NUMBER.exec(this.src);
    if (!m) return this.fail('malformed number', '数字格式错误', this.at + 1 >= this.src.length);
    this.at += m[0].length;
    const n = Number(m[0]);
    if (!Number.isFinite(n)) this.fail('number too large', '数字过大');
    return n;
  }

  private string(): string {
    this.at++;
    let out = '';
    for (;;) {
      STRING_RUN.lastIndex = this.at;
      STRING_RUN.test(this.src);
      if (STRING_RUN.lastIndex > this.at) {
        out += this.src.slice(this.at, STRING_RUN.lastIndex);
        this.at = STRING_RUN.lastIndex;
      }
      const ch = this.src.charAt(this.at);
      if (ch === '') this.fail('a string is not closed with "', '字符串缺少结尾的双引号', true);
      this.at++;
      if (ch === '"') return out;
      if (ch !== '\\') {
        this.at--;
        this.fail('a control character inside a string must be escaped', '字符串中的控制字符必须转义');
      }
      const esc = this.src.charAt(this.at++);
      const simple = ESCAPES[esc];
      if (simple !== undefined && Object.prototype.hasOwnProperty.call(ESCAPES, esc)) {
        out += simple;
      } else if (esc === 'u' && /^[0-9A-Fa-f]{4}$/.test(this.src.slice(this.at, this.at + 4))) {
        out += String.fromCharCode(parseInt(this.src.slice(this.at, this.at + 4), 16));
        this.at += 4;
      } else {
        if (esc === '' || this.at + 4 > this.src.length)
          this.fail('a string is not closed with "', '字符串缺少结尾的双引号', true);
        this.at--;
        this.fail('unknown escape after "\\"', '“\\”后的转义无效');
      }
    }
  }

  /** The character here cannot start a value (or a key): say what it is and, if known, why. */
  private unexpected(en?: string, zh?: string): never {
    if (this.done()) return this.fail('the data ends too early', '数据提前结束', true);
    const ch = String.fromCodePoint(this.src.codePointAt(this.at) ?? 0);
    if ('\u201C\u201D\u2018\u2019'.includes(ch)) {
      return this.fail(
        `curly quotes ${ch} instead of straight quotes " (a word processor or chat app changed the file)`,
        `使用了弯引号 ${ch}，应为直引号 "（文件被文字处理软件或聊天应用改动过）`,
      );
    }
    if (ch === "'") return this.fail('JSON uses double quotes ", not \'', 'JSON 使用双引号 "，不能用 \'');
    if (ch === '/') return this.fail('JSON has no comments', 'JSON 不支持注释');
    const shown = /[\p{L}\p{N}\p{P}\p{S}]/u.test(ch)
      ? `"${ch}"`
      : `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
    return this.fail(
      en ? `${en} (found ${shown})` : `unexpected character ${shown}`,
      zh ? `${zh}（实为 ${shown}）` : `意外的字符 ${shown}`,
    );
  }

  private fail(en: string, zh: string, endOfText = false): never {
    throw new JsonSyntaxError(en, zh, endOfText);
  }

  private issue(path: JsonPath, at: number, en: string, zh: string): void {
    const where = this.where(at);
    this.issues.push({ path, line: where.line, column: where.column, message: this.located(where, en, zh) });
  }

  private located(where: { line: number; column: number }, en: string, zh: string): Text {
    return {
      en: `Not valid JSON at line ${where.line}, column ${where.column}: ${en}`,
      zh: `JSON 格式错误（第 ${where.line} 行第 ${where.column} 列）：${zh}`,
    };
  }

  /** Line and column (1-based) of a position; line breaks are LF, CR LF or CR. */
  private where(at: number): { line: number; column: number } {
    if (!this.lineStarts) {
      const starts = [0];
      const breaks = /\r\n|\r|\n/g;
      for (let m = breaks.exec(this.src); m; m = breaks.exec(this.src)) starts.push(m.index + m[0].length);
      this.lineStarts = starts;
    }
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - (starts[lo] ?? 0) + 1 };
  }
}

function closer(frame: Frame): '}' | ']' {
  return frame.kind === 'object' ? '}' : ']';
}

/** The member a container is reading now: its pending key, or the next index. */
function currentMember(frame: Frame): string | number | undefined {
  return frame.kind === 'object' ? frame.key : (frame.container as JsonValue[]).length;
}

function shortKey(key: string): string {
  return key.length > 40 ? `${key.slice(0, 40)}…` : key;
}

/**
 * Reading a support bundle that came from outside (a file, a link): all or nothing, with a specific error —
 * too large, not JSON, not a bundle, a newer version, a key given twice, a field of the wrong type (every
 * one listed with where it is), a log past the limits. Settings this app's catalogue does not know are not
 * silently dropped: they are left out of the values and listed (`unknownSettings`), so the support side says
 * so. Reading never stores, applies or loads anything.
 */
import { findCommand } from '../../protocol/catalogue';
import type { Text } from '../../protocol/types';
import { readJson, type JsonValue } from '../strict-json';
import { isPlainObject } from '../validate-profile';
import { bundleTextToBytes } from './byte-text';
import {
  BUNDLE_KIND,
  BUNDLE_VERSION,
  MAX_BUNDLE_CHARS,
  MAX_BUNDLE_LOG_BYTES,
  MAX_BUNDLE_LOG_ENTRIES,
  MAX_BUNDLE_SETTINGS,
  MAX_BUNDLE_VALUE_CHARS,
  type BundleApply,
  type BundleIdentity,
  type BundleLinkProof,
  type BundleLogEntry,
  type BundleResult,
  type BundleSocketProof,
  type SupportBundle,
} from './format';

export type BundleErrorCode =
  'too-large' | 'not-json' | 'not-a-bundle' | 'version' | 'duplicate-key' | 'invalid' | 'log-too-large';

export interface BundleIssue {
  /** Where in the file: `log.entries[3].t`. */
  readonly path: string;
  readonly message: Text;
}

export interface BundleError {
  readonly code: BundleErrorCode;
  readonly message: Text;
  /** For `invalid`: every field that is wrong (the first MAX_ISSUES). */
  readonly problems: readonly BundleIssue[];
}

/** A setting the catalogue does not know, left out of `where` (`before`, `after`, `apply.snapshot`, …). */
export interface UnknownSetting {
  readonly where: string;
  readonly name: string;
}

export type BundleRead =
  | {
      readonly ok: true;
      readonly bundle: SupportBundle;
      readonly unknownSettings: readonly UnknownSetting[];
      /** Top-level fields this version does not know (ignored). */
      readonly ignoredFields: readonly string[];
    }
  | { readonly ok: false; readonly error: BundleError };

const MAX_ISSUES = 20;
const TOP_FIELDS = new Set([
  'kind',
  'version',
  'createdAt',
  'app',
  'transport',
  'firmware',
  'secrets',
  'withheld',
  'redactedLines',
  'identity',
  'before',
  'after',
  'apply',
  'linkProof',
  'log',
]);

const t = (en: string, zh: string): Text => ({ en, zh });

function fail(code: BundleErrorCode, message: Text, problems: readonly BundleIssue[] = []): BundleRead {
  return { ok: false, error: { code, message, problems } };
}

/** True when the text starts like a bundle (`{` … `"kind": "usr-lte-7s4-support-bundle"` near the top). */
export function looksLikeBundle(text: string): boolean {
  return /^\s*\{[\s\S]{0,200}?"kind"\s*:\s*"usr-lte-7s4-support-bundle"/.test(text.slice(0, 512));
}

/** Collects every wrong field instead of stopping at the first. */
class Checker {
  readonly problems: BundleIssue[] = [];
  readonly unknown: UnknownSetting[] = [];

  wrong(path: string, en: string, zh: string): undefined {
    if (this.problems.length < MAX_ISSUES)
      this.problems.push({ path, message: t(`${path}: ${en}`, `${path}：${zh}`) });
    return undefined;
  }

  str(path: string, v: JsonValue | undefined, max = MAX_BUNDLE_VALUE_CHARS): string | undefined {
    if (typeof v !== 'string') return this.wrong(path, 'expected text', '应为文本');
    if (v.length > max) return this.wrong(path, `longer than ${max} characters`, `超过 ${max} 个字符`);
    return v;
  }

  num(path: string, v: JsonValue | undefined): number | undefined {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
      return this.wrong(path, 'expected a number ≥ 0', '应为不小于 0 的数字');
    return v;
  }

  oneOf<T extends string>(path: string, v: JsonValue | undefined, allowed: readonly T[]): T | undefined {
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    return this.wrong(path, `expected one of ${allowed.join(', ')}`, `应为 ${allowed.join('、')} 之一`);
  }

  obj(path: string, v: JsonValue | undefined): Record<string, JsonValue> | undefined {
    if (!isPlainObject(v)) return this.wrong(path, 'expected an object', '应为对象');
    return v as Record<string, JsonValue>;
  }

  list(path: string, v: JsonValue | undefined): JsonValue[] | undefined {
    if (!Array.isArray(v)) return this.wrong(path, 'expected a list', '应为列表');
    return v;
  }

  /** Setting values; names the catalogue does not know as a setting are listed and left out. */
  settings(path: string, v: JsonValue | undefined): Record<string, string> | undefined {
    const o = this.obj(path, v);
    if (!o) return undefined;
    const names = Object.keys(o);
    if (names.length > MAX_BUNDLE_SETTINGS)
      return this.wrong(
        path,
        `more than ${MAX_BUNDLE_SETTINGS} settings`,
        `超过 ${MAX_BUNDLE_SETTINGS} 个参数`,
      );
    const out: Record<string, string> = {};
    for (const name of names) {
      const value = this.str(`${path}.${name}`, o[name]);
      if (value === undefined) continue;
      const entry = findCommand(name);
      if (!entry || entry.kind !== 'setting' || name !== entry.name) this.unknown.push({ where: path, name });
      else out[name] = value;
    }
    return out;
  }
}

function identityOf(c: Checker, v: JsonValue | undefined): BundleIdentity | null | undefined {
  if (v === null) return null;
  const o = c.obj('identity', v);
  if (!o) return undefined;
  const version = c.str('identity.version', o.version);
  const sn = c.str('identity.sn', o.sn);
  const imei = c.str('identity.imei', o.imei);
  const iccid = c.str('identity.iccid', o.iccid);
  if (version === undefined || sn === undefined || imei === undefined || iccid === undefined)
    return undefined;
  return { version, sn, imei, iccid };
}

const OUTCOMES = ['applied', 'unchanged', 'rejected', 'not-reached'] as const;

function resultOf(c: Checker, path: string, v: JsonValue): BundleResult | undefined {
  const o = c.obj(path, v);
  if (!o) return undefined;
  const name = c.str(`${path}.name`, o.name, 64);
  const value = c.str(`${path}.value`, o.value);
  const outcome = c.oneOf(`${path}.outcome`, o.outcome, OUTCOMES);
  if (name === undefined || value === undefined || outcome === undefined) return undefined;
  if (outcome !== 'rejected') return { name, value, outcome };
  const e = c.obj(`${path}.error`, o.error);
  const m = e ? c.obj(`${path}.error.meaning`, e.meaning) : undefined;
  const raw = e ? c.str(`${path}.error.raw`, e.raw, 200) : undefined;
  const en = m ? c.str(`${path}.error.meaning.en`, m.en) : undefined;
  const zh = m ? c.str(`${path}.error.meaning.zh`, m.zh) : undefined;
  if (raw === undefined || en === undefined || zh === undefined) return undefined;
  return { name, value, outcome, error: { raw, meaning: { en, zh } } };
}

function applyOf(c: Checker, v: JsonValue | undefined): BundleApply | null | undefined {
  if (v === null) return null;
  const o = c.obj('apply', v);
  if (!o) return undefined;
  const list = c.list('apply.results', o.results) ?? [];
  if (list.length > MAX_BUNDLE_SETTINGS) return c.wrong('apply.results', 'too many results', '结果过多');
  const results = list.map((r, i) => resultOf(c, `apply.results[${i}]`, r));
  const snapshot = c.settings('apply.snapshot', o.snapshot);
  const confirmed = c.settings('apply.confirmed', o.confirmed);
  if (typeof o.restarted !== 'boolean')
    return c.wrong('apply.restarted', 'expected true or false', '应为 true 或 false');
  if (results.some((r) => r === undefined) || !snapshot || !confirmed) return undefined;
  return { results: results as BundleResult[], snapshot, restarted: o.restarted, confirmed };
}

const SOCKETS = ['A', 'B', 'C', 'D'] as const;
const VERDICTS = ['up', 'down', 'on-demand', 'disabled'] as const;
const REASONS = ['no-service', 'weak-signal', 'server-unreachable'] as const;
const PROOF_STATES = ['done', 'failed', 'stopped', 'checking'] as const;

function socketOf(c: Checker, path: string, v: JsonValue): BundleSocketProof | undefined {
  const o = c.obj(path, v);
  if (!o) return undefined;
  const socket = c.oneOf(`${path}.socket`, o.socket, SOCKETS);
  const verdict = c.oneOf(`${path}.verdict`, o.verdict, VERDICTS);
  const server = o.server === undefined ? undefined : c.str(`${path}.server`, o.server, 300);
  const upAfterMs = o.upAfterMs === undefined ? undefined : c.num(`${path}.upAfterMs`, o.upAfterMs);
  const reason = o.reason === undefined ? undefined : c.oneOf(`${path}.reason`, o.reason, REASONS);
  if (socket === undefined || verdict === undefined) return undefined;
  return {
    socket,
    verdict,
    ...(server !== undefined ? { server } : {}),
    ...(upAfterMs !== undefined ? { upAfterMs } : {}),
    ...(reason !== undefined ? { reason } : {}),
  };
}

function proofOf(c: Checker, v: JsonValue | undefined): BundleLinkProof | null | undefined {
  if (v === null || v === undefined) return null;
  const o = c.obj('linkProof', v);
  if (!o) return undefined;
  const state = c.oneOf('linkProof.state', o.state, PROOF_STATES);
  const at = o.at === undefined ? undefined : c.num('linkProof.at', o.at);
  const error = o.error === undefined ? undefined : c.str('linkProof.error', o.error);
  const mode = o.mode === undefined ? undefined : c.str('linkProof.mode', o.mode, 20);
  const watchedMs = o.watchedMs === undefined ? undefined : c.num('linkProof.watchedMs', o.watchedMs);
  const list = c.list('linkProof.sockets', o.sockets) ?? [];
  const sockets = list.slice(0, 4).map((s, i) => socketOf(c, `linkProof.sockets[${i}]`, s));
  if (list.length > 4) c.wrong('linkProof.sockets', 'more than 4 sockets', '超过 4 个 Socket');
  if (state === undefined || sockets.some((s) => s === undefined)) return undefined;
  return {
    state,
    ...(at !== undefined ? { at } : {}),
    ...(error !== undefined ? { error } : {}),
    ...(mode !== undefined ? { mode } : {}),
    ...(watchedMs !== undefined ? { watchedMs } : {}),
    sockets: sockets as BundleSocketProof[],
  };
}

const DIRS = ['tx', 'rx', 'note'] as const;

function logOf(c: Checker, v: JsonValue | undefined): { log?: SupportBundle['log']; tooLarge?: BundleRead } {
  const o = c.obj('log', v);
  if (!o) return {};
  const d = c.obj('log.dropped', o.dropped);
  const droppedEntries = d ? c.num('log.dropped.entries', d.entries) : undefined;
  const droppedBytes = d ? c.num('log.dropped.bytes', d.bytes) : undefined;
  const list = c.list('log.entries', o.entries);
  if (!list) return {};
  if (list.length > MAX_BUNDLE_LOG_ENTRIES) {
    return {
      tooLarge: fail(
        'log-too-large',
        t(
          `The bundle's log has ${list.length} entries; a bundle holds at most ${MAX_BUNDLE_LOG_ENTRIES} (the app's own log never has more): refused`,
          `该支持包的日志有 ${list.length} 条；支持包最多 ${MAX_BUNDLE_LOG_ENTRIES} 条（本应用的日志从不超过此数）：已拒绝`,
        ),
      ),
    };
  }
  const entries: BundleLogEntry[] = [];
  let bytes = 0;
  list.forEach((item, i) => {
    const path = `log.entries[${i}]`;
    const e = c.obj(path, item);
    if (!e) return;
    const time = c.num(`${path}.t`, e.t);
    const dir = c.oneOf(`${path}.dir`, e.dir, DIRS);
    const data = c.str(`${path}.data`, e.data, 4 * MAX_BUNDLE_LOG_BYTES);
    const b = data === undefined ? undefined : bundleTextToBytes(data);
    if (data !== undefined && b === undefined)
      c.wrong(
        `${path}.data`,
        'not the log’s byte text (\\r \\n \\t \\\\ \\xNN and printable ASCII)',
        '不是日志的字节文本格式',
      );
    if (time === undefined || dir === undefined || b === undefined) return;
    bytes += b.length;
    entries.push({ t: time, dir, bytes: b });
  });
  if (bytes > MAX_BUNDLE_LOG_BYTES) {
    return {
      tooLarge: fail(
        'log-too-large',
        t(
          `The bundle's log holds ${bytes} bytes; a bundle holds at most ${MAX_BUNDLE_LOG_BYTES} (1 MiB, as the app's own log): refused`,
          `该支持包的日志有 ${bytes} 字节；支持包最多 ${MAX_BUNDLE_LOG_BYTES} 字节（1 MiB，与本应用日志相同）：已拒绝`,
        ),
      ),
    };
  }
  if (droppedEntries === undefined || droppedBytes === undefined) return {};
  return { log: { dropped: { entries: droppedEntries, bytes: droppedBytes }, entries } };
}

/** The answer for a file too large to be a bundle (`size` in characters or bytes), refused unread. */
export function bundleTooLarge(size: number): BundleRead {
  return fail(
    'too-large',
    t(
      `The file has ${size} characters; a support bundle has at most ${MAX_BUNDLE_CHARS}: is this the right file?`,
      `文件有 ${size} 个字符；支持包最多 ${MAX_BUNDLE_CHARS} 个：请确认文件是否正确。`,
    ),
  );
}

export function readBundle(text: string): BundleRead {
  if (text.length > MAX_BUNDLE_CHARS) return bundleTooLarge(text.length);
  const parsed = readJson(text.replace(/^\uFEFF/, ''));
  if (parsed.error || parsed.value === undefined) {
    const m = parsed.error?.message ?? t('Not valid JSON', 'JSON 格式错误');
    return fail('not-json', t(`This is not a support bundle: ${m.en}`, `这不是支持包：${m.zh}`));
  }
  const root = parsed.value;
  if (!isPlainObject(root) || root.kind !== BUNDLE_KIND) {
    return fail(
      'not-a-bundle',
      t(
        `This is not a support bundle (its "kind" should be "${BUNDLE_KIND}"): a profile file goes into Profiles → Import`,
        `这不是支持包（其 "kind" 应为 "${BUNDLE_KIND}"）：配置档案文件请在“配置档案 → 导入”中打开`,
      ),
    );
  }
  const r = root as Record<string, JsonValue>;
  if (r.version !== BUNDLE_VERSION) {
    const v = r.version;
    return fail(
      'version',
      typeof v === 'number' && Number.isInteger(v) && v > BUNDLE_VERSION
        ? t(
            `This bundle was made by a newer version of the app (bundle format ${v}); update the app to open it`,
            `该支持包由更新版本的应用生成（格式 ${v}），请更新应用后再打开`,
          )
        : t(
            `Unknown bundle format ${JSON.stringify(v ?? null).slice(0, 20)}: this app reads format ${BUNDLE_VERSION}`,
            `未知的支持包格式 ${JSON.stringify(v ?? null).slice(0, 20)}：本应用只能读取格式 ${BUNDLE_VERSION}`,
          ),
    );
  }
  const dup = parsed.issues[0];
  if (dup) {
    return fail(
      'duplicate-key',
      t(`The bundle is damaged: ${dup.message.en}`, `支持包已损坏：${dup.message.zh}`),
    );
  }
  const c = new Checker();
  const createdAt = c.str('createdAt', r.createdAt, 40);
  const app = c.obj('app', r.app);
  const appVersion = app ? c.str('app.version', app.version, 40) : undefined;
  const browser = app ? c.str('app.browser', app.browser, 1000) : undefined;
  const transport =
    r.transport === null ? null : c.oneOf('transport', r.transport, ['serial', 'simulator'] as const);
  const firmwareList = r.firmware === undefined ? undefined : c.list('firmware', r.firmware);
  const firmware = firmwareList?.map((f, i) => c.str(`firmware[${i}]`, f, 40) ?? '');
  const secrets = c.oneOf('secrets', r.secrets, ['withheld', 'included'] as const);
  const withheldList = c.list('withheld', r.withheld) ?? [];
  const withheld = withheldList
    .slice(0, MAX_BUNDLE_SETTINGS)
    .map((w, i) => c.str(`withheld[${i}]`, w, 64) ?? '');
  const redactedLines = c.num('redactedLines', r.redactedLines);
  const identity = identityOf(c, r.identity);
  const before = c.settings('before', r.before);
  const after = c.settings('after', r.after);
  const apply = applyOf(c, r.apply);
  const linkProof = proofOf(c, r.linkProof);
  const { log, tooLarge } = logOf(c, r.log);
  if (tooLarge) return tooLarge;
  if (
    c.problems.length > 0 ||
    createdAt === undefined ||
    appVersion === undefined ||
    browser === undefined ||
    transport === undefined ||
    secrets === undefined ||
    redactedLines === undefined ||
    identity === undefined ||
    !before ||
    !after ||
    apply === undefined ||
    linkProof === undefined ||
    !log
  ) {
    const n = c.problems.length;
    return fail(
      'invalid',
      t(
        `The support bundle is damaged or was edited: ${n === 1 ? '1 field is' : `${n} fields are`} wrong`,
        `支持包已损坏或被修改：${n} 个字段有误`,
      ),
      c.problems,
    );
  }
  const bundle: SupportBundle = {
    kind: BUNDLE_KIND,
    version: BUNDLE_VERSION,
    createdAt,
    app: { version: appVersion, browser },
    transport,
    ...(firmware ? { firmware } : {}),
    secrets,
    withheld,
    redactedLines,
    identity,
    before,
    after,
    apply,
    linkProof,
    log,
  };
  return {
    ok: true,
    bundle,
    unknownSettings: c.unknown,
    ignoredFields: Object.keys(r).filter((k) => !TOP_FIELDS.has(k)),
  };
}

/**
 * The profile file kind: `{ "format": "usr-7s4-profiles", "version": 1, "profiles": [ … ] }`, or one bare
 * profile object. Read with the strict reader (strict-json.ts), then:
 *
 * - the file is refused as a whole only when it is not one of ours (not JSON at all, another format, a newer
 *   version, no list of profiles) or its own top level is damaged (a key given twice there);
 * - each profile is validated on its own; one that holds a duplicate key, a container nested too deep or a
 *   problem `validateProfile` finds is left out with every reason, the others are taken;
 * - when the text is damaged part-way (cut off, a missing comma), the profiles complete before the damage
 *   are taken, and the damage is one entry that says where reading stopped;
 * - an unknown top-level field is ignored and listed; profiles past MAX_FILE_PROFILES are listed together.
 */
import { problem, type ProfileProblem } from '../profile';
import { isPlainObject, validateProfile } from '../validate-profile';
import { readJson, type JsonIssue, type JsonRead } from '../strict-json';
import { MAX_FILE_PROFILES } from './limits';
import {
  describeValue,
  describeValueZh,
  unexpected,
  type ImportedProfile,
  type ImportItem,
  type LeftOutList,
} from './report';

export const PROFILES_FILE_FORMAT = 'usr-7s4-profiles';
export const PROFILES_FILE_VERSION = 1;
const TOP_FIELDS = new Set(['format', 'version', 'profiles']);
const FILE: ImportItem = { type: 'file' };

export interface JsonKindRead {
  readonly profiles: ImportedProfile[];
  readonly refused: boolean;
}

/** A JSON file, from its first characters: `{`, or `[` followed by `{` or `]` (a log line starts `[10:…`). */
export function looksLikeProfilesJson(text: string): boolean {
  return /^\s*(?:\{|\[\s*[{\]])/.test(text.slice(0, 4096));
}

const say = (en: string, zh: string): ProfileProblem[] => [problem('', en, zh)];

function nameOf(item: unknown): string | undefined {
  if (!isPlainObject(item) || typeof item.name !== 'string') return undefined;
  const name = item.name;
  return name.length > 100 ? `${name.slice(0, 100)}…` : name;
}

/** Where reading stopped, for the entry that explains the damage. */
function stoppedAt(parsed: JsonRead, taken: number): ProfileProblem[] {
  const error = parsed.error;
  if (!error) return [];
  if (error.endOfText) {
    return say(
      `The file ends too early, at line ${error.line}: it looks cut off. The ${taken} profile(s) complete before that point were read; anything after it is missing.`,
      `文件在第 ${error.line} 行提前结束，似乎被截断。已读取此前完整的 ${taken} 个配置档案；其后的内容缺失。`,
    );
  }
  return say(
    `${error.message.en}. The ${taken} profile(s) complete before that point were read; the rest of the file could not be.`,
    `${error.message.zh}。已读取此前完整的 ${taken} 个配置档案；其余内容无法读取。`,
  );
}

export function readProfilesJson(text: string, leftOut: LeftOutList): JsonKindRead {
  const refuse = (problems: readonly ProfileProblem[]): JsonKindRead => {
    leftOut.add({ item: FILE, reasons: problems });
    return { profiles: [], refused: true };
  };
  // Lists past the limit are read for their syntax only: a huge file costs no more memory than the limit.
  const parsed = readJson(text, { maxItems: MAX_FILE_PROFILES });
  const root = parsed.value;
  const syntax = parsed.error ? [problem('', parsed.error.message.en, parsed.error.message.zh)] : [];
  if (root === undefined) return refuse(syntax);
  if (!isPlainObject(root)) {
    return refuse(
      say(
        `This is not a profile file: it holds ${describeValue(root)}, not an object with "format": "${PROFILES_FILE_FORMAT}"`,
        `这不是配置档案文件：其中是${describeValueZh(root)}，而不是含 "format": "${PROFILES_FILE_FORMAT}" 的对象`,
      ),
    );
  }
  const rootIssues = parsed.issues.filter((i) => i.path.length === 0);
  if (rootIssues.length > 0) return refuse(rootIssues.map((i) => problem('', i.message.en, i.message.zh)));

  // A bare profile object (someone copied one out of a file): a file of one.
  if (root.format === undefined && root.formatVersion !== undefined) {
    if (parsed.incomplete.has(root)) return refuse(syntax);
    return { profiles: readItems([root], '', parsed, leftOut, 0), refused: false };
  }
  if (root.format !== PROFILES_FILE_FORMAT) {
    if (root.format === undefined && parsed.error) return refuse(syntax);
    return refuse(
      say(
        `This is not a profile file (expected "format": "${PROFILES_FILE_FORMAT}")`,
        `这不是配置档案文件（应有 "format": "${PROFILES_FILE_FORMAT}"）`,
      ),
    );
  }
  const version = root.version;
  if (version !== PROFILES_FILE_VERSION) {
    if (version === undefined && parsed.error) return refuse(syntax);
    return refuse(
      typeof version === 'number' && version > PROFILES_FILE_VERSION
        ? say(
            `This file was made by a newer version of the app (file version ${version}); update the app to open it`,
            `该文件由更新版本的应用创建（文件版本 ${version}），请更新应用后再打开`,
          )
        : say(
            `Unsupported profile file version: ${describeValue(version)} (this app reads version ${PROFILES_FILE_VERSION})`,
            `不支持的配置档案文件版本：${describeValueZh(version)}（本应用读取版本 ${PROFILES_FILE_VERSION}）`,
          ),
    );
  }
  const list = root.profiles;
  if (list === undefined && parsed.error) return refuse(syntax);
  if (!Array.isArray(list)) {
    return refuse(
      say(
        `"profiles" must be a list (got ${describeValue(list)})`,
        `"profiles" 必须是列表（实际为${describeValueZh(list)}）`,
      ),
    );
  }
  for (const key of Object.keys(root)) {
    if (TOP_FIELDS.has(key)) continue;
    leftOut.add({
      item: { type: 'field', key },
      reasons: say(
        `Unknown field "${key.length > 40 ? `${key.slice(0, 40)}…` : key}" in a profile file: ignored`,
        `配置档案文件中的未知字段“${key.length > 40 ? `${key.slice(0, 40)}…` : key}”：已忽略`,
      ),
    });
  }
  const listIncomplete = parsed.incomplete.has(list);
  const complete = list.filter(
    (item) => !(typeof item === 'object' && item !== null && parsed.incomplete.has(item)),
  );
  const profiles = readItems(complete, 'profiles', parsed, leftOut, 0);
  const total = list.length + (parsed.dropped.get(list) ?? 0);
  if (total > MAX_FILE_PROFILES) {
    leftOut.add({
      item: { type: 'profiles', from: MAX_FILE_PROFILES, to: total - 1 },
      reasons: say(
        `One file imports at most ${MAX_FILE_PROFILES} profiles; these ${total - MAX_FILE_PROFILES} were not read. Split the file and import the rest separately.`,
        `一个文件最多导入 ${MAX_FILE_PROFILES} 个配置档案；这 ${total - MAX_FILE_PROFILES} 个未读取。请拆分文件后分别导入其余部分。`,
      ),
    });
  }
  if (parsed.error) {
    leftOut.add({
      item: FILE,
      reasons: listIncomplete
        ? stoppedAt(parsed, Math.min(complete.length, MAX_FILE_PROFILES))
        : say(
            `${parsed.error.message.en}: the text after the list of profiles was not read`,
            `${parsed.error.message.zh}：配置档案列表之后的内容未读取`,
          ),
    });
  }
  return { profiles, refused: false };
}

/** Validates each item on its own; `base` is the path of the list (`profiles`, or '' for a bare profile). */
function readItems(
  items: readonly unknown[],
  base: string,
  parsed: JsonRead,
  leftOut: LeftOutList,
  first: number,
): ImportedProfile[] {
  const issuesByItem = new Map<number, JsonIssue[]>();
  for (const issue of parsed.issues) {
    const index = base === '' ? 0 : issue.path[0] === base ? issue.path[1] : undefined;
    if (typeof index !== 'number') continue;
    const list = issuesByItem.get(index) ?? [];
    list.push(issue);
    issuesByItem.set(index, list);
  }
  const out: ImportedProfile[] = [];
  const count = Math.min(items.length, MAX_FILE_PROFILES);
  for (let i = 0; i < count; i++) {
    const raw = items[i];
    const index = first + i;
    const name = nameOf(raw);
    const item: ImportItem = { type: 'profile', index, ...(name === undefined ? {} : { name }) };
    try {
      const prefix = base === '' ? '' : `${base}[${index}].`;
      const issues = (issuesByItem.get(index) ?? []).map((issue) =>
        problem(
          `${prefix}${issue.path.slice(base === '' ? 0 : 2).join('.')}`.replace(/\.$/, ''),
          issue.message.en,
          issue.message.zh,
        ),
      );
      const checked = validateProfile(raw, prefix);
      if (checked.ok && issues.length === 0) {
        out.push({ item, profile: checked.profile });
      } else {
        leftOut.add({ item, reasons: [...issues, ...(checked.ok ? [] : checked.problems)] });
      }
    } catch (e) {
      leftOut.add(unexpected(item, e));
    }
  }
  return out;
}

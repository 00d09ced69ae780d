/**
 * `validateProfile(unknown)`: the one gate every profile passes — from IndexedDB, a file, an AT script or a
 * link. It lists every problem it finds (not just the first), each with where and what, in English and
 * Chinese. A valid input comes back as a fresh, canonical profile (values canonical and in catalogue order).
 */
import {
  PROFILE_FORMAT_VERSION,
  problem,
  type Profile,
  type ProfileProblem,
  type ProfileResult,
} from './profile';
import { checkSetting, orderedValues } from './settings-check';
import { checkDeviceId, checkName, checkNotes, checkTime } from './text-rules';

const FIELDS = new Set(['formatVersion', 'name', 'notes', 'values', 'created', 'updated', 'sourceDevice']);
/** Enough to fix a file by hand; the rest are counted. */
const MAX_PROBLEMS = 50;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || proto === Object.prototype;
}

/** `prefix` is put in front of every path (`profiles[3].`), for problems inside a file of many profiles. */
export function validateProfile(input: unknown, prefix = ''): ProfileResult {
  const problems: ProfileProblem[] = [];
  const add = (p: ProfileProblem | undefined): void => {
    if (p) problems.push(p);
  };
  if (!isPlainObject(input)) {
    return {
      ok: false,
      problems: [problem(prefix, 'This is not a profile (expected an object)', '这不是配置档案（应为对象）')],
    };
  }
  for (const key of Object.keys(input)) {
    if (!FIELDS.has(key))
      add(problem(`${prefix}${key}`, `Unknown field "${key}" in a profile`, `配置档案中有未知字段“${key}”`));
  }
  const version = input.formatVersion;
  if (version !== PROFILE_FORMAT_VERSION) {
    add(
      typeof version === 'number' && Number.isInteger(version) && version > PROFILE_FORMAT_VERSION
        ? problem(
            `${prefix}formatVersion`,
            `This profile was made by a newer version of the app (format ${version}); update the app to open it`,
            `该配置档案由更新版本的应用创建（格式 ${version}），请更新应用后再打开`,
          )
        : problem(
            `${prefix}formatVersion`,
            `formatVersion must be ${PROFILE_FORMAT_VERSION}`,
            `formatVersion 必须为 ${PROFILE_FORMAT_VERSION}`,
          ),
    );
  }
  add(checkName(`${prefix}name`, input.name));
  add(checkNotes(`${prefix}notes`, input.notes));
  add(checkTime(`${prefix}created`, input.created));
  add(checkTime(`${prefix}updated`, input.updated));
  if (
    typeof input.created === 'number' &&
    typeof input.updated === 'number' &&
    input.updated < input.created
  ) {
    add(
      problem(
        `${prefix}updated`,
        'The profile was changed before it was created (updated < created)',
        '修改时间早于创建时间',
      ),
    );
  }
  if (input.sourceDevice !== undefined) add(checkDeviceId(`${prefix}sourceDevice`, input.sourceDevice));

  const values = new Map<string, string>();
  if (!isPlainObject(input.values)) {
    add(
      problem(
        `${prefix}values`,
        'values must be an object of setting → value',
        'values 必须是“参数 → 值”的对象',
      ),
    );
  } else {
    for (const [key, raw] of Object.entries(input.values)) {
      const path = `${prefix}values.${key}`;
      const checked = checkSetting(path, key, raw);
      if (!checked.ok) {
        add(checked.problem);
      } else if (values.has(checked.name)) {
        add(problem(path, `AT+${checked.name} is given twice`, `AT+${checked.name} 重复出现`));
      } else {
        values.set(checked.name, checked.value);
      }
    }
  }

  if (problems.length > 0) return { ok: false, problems: capped(problems) };
  const profile: Profile = {
    formatVersion: PROFILE_FORMAT_VERSION,
    name: input.name as string,
    notes: input.notes as string,
    values: orderedValues(values),
    created: input.created as number,
    updated: input.updated as number,
    ...(input.sourceDevice === undefined ? {} : { sourceDevice: input.sourceDevice as string }),
  };
  return { ok: true, profile };
}

export function capped(problems: readonly ProfileProblem[]): ProfileProblem[] {
  if (problems.length <= MAX_PROBLEMS) return [...problems];
  const more = problems.length - MAX_PROBLEMS;
  return [
    ...problems.slice(0, MAX_PROBLEMS),
    problem('', `…and ${more} more problems`, `……另有 ${more} 个问题`),
  ];
}

/**
 * Firmware variants (shared/spec/module-behaviour.md, "Firmware variants a session must survive"): the 7S4
 * manual is one firmware's view; modules in the field answer in other ways. Each row of that table is one
 * independent switch here, so a test or a trainer can combine them; named presets select common mixes.
 * The default (`MANUAL_FIRMWARE`, every switch off) is the simulator's reading of the manual.
 *
 * Pure data and small functions only (no catalogue, no clock): the trainer's panel imports this file.
 */
import type { Text } from '../../protocol/types';

/**
 * The processing-delay model (docs/simulator.md, "Firmware variants"). A reply leaves this long after the
 * CR that ended its command, drawn from the module's seeded PRNG:
 * - queries, `=?`, actions (AT, AT+H, AT+ENTM …) and error answers: `baseMs … baseMs + jitterMs`;
 * - plain sets (a flash write): `setMs … setMs + setJitterMs` (when `setMs` is absent: as queries);
 * - sets that reconfigure a link or the UART (SOCKx…, SHORxTO, APN, UART): `slowSetMs … 2 × slowSetMs`;
 * - AT+Z, AT+REBOOT, AT+RELD, AT+CLEAR and AT+UPDATE are not delayed: they have their own timing.
 */
export interface ProcessingModel {
  readonly baseMs: number;
  readonly jitterMs: number;
  readonly slowSetMs: number;
  /** Shortest plain set; absent: plain sets take `baseMs … baseMs + jitterMs` like queries. */
  readonly setMs?: number;
  /** Spread of plain sets above `setMs` (default `jitterMs`). */
  readonly setJitterMs?: number;
}

export interface FirmwareVariant {
  /** USR-G786/G809: `a` is sent UARTFT after the third `+` (T4), `+ok` UARTFT after the host's `a` (T6). */
  readonly slowEntry: boolean;
  /** Queries answered `\r\n+NAME:value\r\n` with no OK after it (USR-G761w). Sets/actions still get OK. */
  readonly queriesWithoutOk: boolean;
  /** Sets answered `\r\n+OK\r\n` (queries keep `+NAME:v` then `+OK`), errors as `\r\n+ERR=-4\r\n` (G761w/N668/WIFI232). */
  readonly plusOk: boolean;
  /** Per-command processing delay: the reply leaves baseMs..(baseMs+jitterMs) after the CR (seeded PRNG); slowSets for SOCK*, APN, etc. */
  readonly processing: ProcessingModel | undefined;
  /** A lone `\r\n` sent ~5 ms after each OK (manual 3.1.7.1 shows it). */
  readonly extraCrlf: boolean;
  /** Start message: the STMSG setting as today ('stmsg'), the G780 V2 banner `\r\n[USR-7S4 V2]\r\n` ('v2-banner'), or nothing at all ('none'). */
  readonly startMessage: 'stmsg' | 'v2-banner' | 'none';
  /** Text notices sent to the serial side in working mode: `NOTICE_TEXT` after `NOTICE_INTERVAL_MS` without network data, and again every interval while it stays quiet. */
  readonly notices: boolean;
  /** `+NAME: value` with a blank after the colon. */
  readonly blankAfterColon: boolean;
  /** `+++` received in command mode gets no answer until a CR arrives (then +ERR:1 for the whole line), instead of +ERR:1 at once. */
  readonly silentPlusInCommandMode: boolean;
  /** Input framed by UARTFT in command mode: a pause longer than UARTFT inside a command line ends the line there (the rest is a new line). */
  readonly splitInput: boolean;
}

/** The manual's reading: every switch off, the STMSG start message, answers in zero time (today's behaviour). */
export const MANUAL_FIRMWARE: FirmwareVariant = Object.freeze({
  slowEntry: false,
  queriesWithoutOk: false,
  plusOk: false,
  processing: undefined,
  extraCrlf: false,
  startMessage: 'stmsg',
  notices: false,
  blankAfterColon: false,
  silentPlusInCommandMode: false,
  splitInput: false,
});

/** The `slow` preset: queries 5–40 ms, plain sets 20–80 ms, SOCKx/SHORxTO/APN/UART sets 150–300 ms. */
export const SLOW_PROCESSING: ProcessingModel = Object.freeze({
  baseMs: 5,
  jitterMs: 35,
  setMs: 20,
  setJitterMs: 60,
  slowSetMs: 150,
});

/** The G780 V2 boot banner (module-behaviour.md: "USR-G780 V2 is a 7S4 inside"). */
export const V2_BANNER = '\r\n[USR-7S4 V2]\r\n';

/**
 * The working-mode notice (`notices`). Not from a manual: modelled on what field drivers filter out, a
 * bracketed `[USR]` line between CR LF pairs, sent when the network has been quiet.
 */
export const NOTICE_TEXT = '\r\n[USR] no data, communication timeout reset\r\n';

/** How long the network must be quiet before a notice, and the period while it stays quiet. */
export const NOTICE_INTERVAL_MS = 20_000;

/** Delay of the lone CR LF after an OK (`extraCrlf`). */
export const EXTRA_CRLF_DELAY_MS = 5;

/** The boolean switches of `FirmwareVariant`, plus `processing` (= `SLOW_PROCESSING`). */
export type FirmwareSwitch =
  | 'slowEntry'
  | 'queriesWithoutOk'
  | 'plusOk'
  | 'processing'
  | 'extraCrlf'
  | 'notices'
  | 'blankAfterColon'
  | 'silentPlusInCommandMode'
  | 'splitInput';

/**
 * Named presets, combined left to right (a later preset's fields win). Every switch has a preset of its
 * own; `noisy` and `worst-case` are mixes. `manual` changes nothing.
 */
export const FIRMWARE_PRESETS: Readonly<Record<string, Partial<FirmwareVariant>>> = Object.freeze({
  manual: {},
  'g786-timing': { slowEntry: true },
  'no-ok-queries': { queriesWithoutOk: true },
  'plus-ok': { plusOk: true },
  slow: { processing: SLOW_PROCESSING },
  'extra-crlf': { extraCrlf: true },
  'v2-banner': { startMessage: 'v2-banner' },
  'no-banner': { startMessage: 'none' },
  notices: { notices: true },
  'blank-colon': { blankAfterColon: true },
  'silent-plus': { silentPlusInCommandMode: true },
  'split-input': { splitInput: true },
  noisy: { notices: true, extraCrlf: true, startMessage: 'v2-banner' },
  'worst-case': {
    slowEntry: true,
    queriesWithoutOk: true,
    plusOk: true,
    processing: SLOW_PROCESSING,
    extraCrlf: true,
    startMessage: 'v2-banner',
    notices: true,
    blankAfterColon: true,
    silentPlusInCommandMode: true,
    splitInput: true,
  },
});

/** Each switch name and the one-switch preset it stands for (the selection is kept in preset names). */
export const SWITCH_PRESETS: Readonly<Record<FirmwareSwitch, string>> = Object.freeze({
  slowEntry: 'g786-timing',
  queriesWithoutOk: 'no-ok-queries',
  plusOk: 'plus-ok',
  processing: 'slow',
  extraCrlf: 'extra-crlf',
  notices: 'notices',
  blankAfterColon: 'blank-colon',
  silentPlusInCommandMode: 'silent-plus',
  splitInput: 'split-input',
});

/** Preset names, then switch names, then other spellings: what a selection may contain. */
export type FirmwareSelection = readonly string[];

/** Label and source ("seen in" of the spec table) of each preset, for the UI, the CLI and the docs. */
export const FIRMWARE_PRESET_INFO: Readonly<Record<string, { readonly label: Text; readonly source: Text }>> =
  Object.freeze({
    manual: {
      label: { en: 'As the manual says', zh: '按手册' },
      source: { en: 'USR-LTE-7S4 software manual V1.0.5', zh: 'USR-LTE-7S4 软件设计手册 V1.0.5' },
    },
    'g786-timing': {
      label: { en: 'Slow +++ entry (G786/G809)', zh: '慢速 +++ 进入（G786/G809）' },
      source: {
        en: 'USR-G786-G / G809 manuals (T4 = T6 = UARTFT)',
        zh: 'USR-G786-G / G809 手册（T4 = T6 = 打包间隔）',
      },
    },
    'no-ok-queries': {
      label: { en: 'Queries without OK', zh: '查询回复不带 OK' },
      source: { en: 'USR-G761w manual', zh: 'USR-G761w 手册' },
    },
    'plus-ok': {
      label: { en: '+OK and +ERR=-n', zh: '+OK 与 +ERR=-n' },
      source: { en: 'USR-G761w, N668, WIFI232 manuals', zh: 'USR-G761w、N668、WIFI232 手册' },
    },
    slow: {
      label: { en: 'Slow replies (5–300 ms)', zh: '回复有处理延时（5–300 ms）' },
      source: { en: 'every real module', zh: '所有真实模块' },
    },
    'extra-crlf': {
      label: { en: 'Extra CR LF after OK', zh: 'OK 后多一个回车换行' },
      source: { en: '7S4 manual 3.1.7.1', zh: '7S4 手册 3.1.7.1' },
    },
    'v2-banner': {
      label: { en: 'Start message [USR-7S4 V2]', zh: '启动信息 [USR-7S4 V2]' },
      source: { en: 'field driver (USR-G780 V2)', zh: '现场驱动（USR-G780 V2）' },
    },
    'no-banner': {
      label: { en: 'No start message', zh: '无启动信息' },
      source: { en: 'field driver; STMSG is user-settable', zh: '现场驱动；STMSG 可由用户设置' },
    },
    notices: {
      label: { en: 'Notices in working mode', zh: '透传模式下的提示信息' },
      source: { en: 'field driver', zh: '现场驱动' },
    },
    'blank-colon': {
      label: { en: 'Blank after the colon', zh: '冒号后带空格' },
      source: { en: 'field drivers', zh: '现场驱动' },
    },
    'silent-plus': {
      label: { en: '+++ in command mode: silent until CR', zh: '指令模式下 +++ 在回车前无应答' },
      source: { en: 'module-behaviour.md, entry step 6', zh: 'module-behaviour.md 进入指令模式第 6 条' },
    },
    'split-input': {
      label: { en: 'Input split at UARTFT pauses', zh: '输入按打包间隔拆分' },
      source: {
        en: '7S4 manual 2.2.2 framing + password AT wording',
        zh: '7S4 手册 2.2.2 成帧机制与密码 AT 的描述',
      },
    },
    noisy: {
      label: { en: 'Noisy (V2 banner, notices, extra CR LF)', zh: '嘈杂（V2 启动信息、提示信息、多余换行）' },
      source: { en: 'field driver', zh: '现场驱动' },
    },
    'worst-case': {
      label: { en: 'Every variant at once', zh: '所有变体同时开启' },
      source: { en: 'all of the above', zh: '以上全部' },
    },
  });

const squash = (name: string): string => name.toLowerCase().replace(/[-_\s]/g, '');

const BY_SPELLING: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const [sw, preset] of Object.entries(SWITCH_PRESETS)) map.set(squash(sw), preset);
  for (const preset of Object.keys(FIRMWARE_PRESETS)) map.set(squash(preset), preset);
  return map;
})();

/** The preset name a selection item stands for, or undefined when it is not a known name. */
export function canonicalFirmwareName(name: string): string | undefined {
  const exact = name.trim();
  if (Object.hasOwn(FIRMWARE_PRESETS, exact)) return exact;
  if (Object.hasOwn(SWITCH_PRESETS, exact)) return SWITCH_PRESETS[exact as FirmwareSwitch];
  return BY_SPELLING.get(squash(exact));
}

/** Every name a selection may use, for error messages and `--help`. */
export function validFirmwareNames(): string {
  return `presets: ${Object.keys(FIRMWARE_PRESETS).join(', ')}; switches: ${Object.keys(SWITCH_PRESETS).join(', ')}`;
}

/**
 * The selection in canonical form: preset names only, `manual` and blanks left out, each name once (at its
 * last place, which keeps the left-to-right meaning). Throws like `resolveFirmware` on an unknown name.
 */
export function normaliseFirmwareSelection(selection: FirmwareSelection): string[] {
  const names: string[] = [];
  const unknown: string[] = [];
  for (const item of selection) {
    if (item.trim() === '') continue;
    const name = canonicalFirmwareName(item);
    if (name === undefined) unknown.push(item);
    else if (name !== 'manual') names.push(name);
  }
  if (unknown.length > 0) {
    const list = unknown.map((u) => `"${u}"`).join(', ');
    throw new Error(`Unknown firmware variant ${list}. Valid names: ${validFirmwareNames()}.`);
  }
  return names.filter((n, i) => names.lastIndexOf(n) === i);
}

/**
 * The variant a selection stands for: presets and switch names merged left to right onto
 * `MANUAL_FIRMWARE`. Throws an Error naming every unknown name and listing the valid ones.
 */
export function resolveFirmware(selection: FirmwareSelection): FirmwareVariant {
  let variant: FirmwareVariant = MANUAL_FIRMWARE;
  for (const name of normaliseFirmwareSelection(selection)) {
    variant = { ...variant, ...FIRMWARE_PRESETS[name] };
  }
  return Object.freeze(variant);
}

/** A whole variant from a partial one (missing fields as in the manual). */
export function completeFirmware(partial: Partial<FirmwareVariant>): FirmwareVariant {
  const defined = Object.fromEntries(
    Object.entries(partial).filter(([k, v]) => v !== undefined || k === 'processing'),
  );
  return Object.freeze({ ...MANUAL_FIRMWARE, ...defined });
}

/**
 * The one-switch presets that describe a variant (for a variant given as an object). Processing with other
 * numbers than `SLOW_PROCESSING` is listed as `slow` too.
 */
export function selectionOfFirmware(variant: FirmwareVariant): string[] {
  const out: string[] = [];
  for (const [sw, preset] of Object.entries(SWITCH_PRESETS) as [FirmwareSwitch, string][]) {
    if (sw === 'processing' ? variant.processing !== undefined : variant[sw]) out.push(preset);
  }
  if (variant.startMessage === 'v2-banner') out.push('v2-banner');
  if (variant.startMessage === 'none') out.push('no-banner');
  return out;
}

/**
 * A short label for a selection, in both languages: `As the manual says` for an empty selection, else the
 * presets' labels joined. Unknown names are shown as they are (this never throws).
 */
export function describeFirmware(selection: FirmwareSelection): Text {
  const names: string[] = [];
  for (const item of selection) {
    if (item.trim() === '') continue;
    const name = canonicalFirmwareName(item) ?? item.trim();
    if (name !== 'manual' && !names.includes(name)) names.push(name);
  }
  if (names.length === 0) return FIRMWARE_PRESET_INFO['manual']?.label ?? { en: 'manual', zh: 'manual' };
  const labels = names.map(
    (n) => FIRMWARE_PRESET_INFO[n]?.label ?? { en: `unknown "${n}"`, zh: `未知“${n}”` },
  );
  return { en: labels.map((l) => l.en).join(' + '), zh: labels.map((l) => l.zh).join(' + ') };
}

/**
 * The `+++` timing picture's words (plus-timing/). Terms follow the manual's Chinese: 打包间隔时间 (UARTFT),
 * 临时指令模式 (temporary command mode), 透传 (working mode data).
 */
import type { Text } from '../../protocol/types';
import type { TimingReason, WindowKey } from './picture';

const t = (en: string, zh: string): Text => ({ en, zh });

export const PLUS_TIMING = {
  heading: t('+++ timing', '+++ 时序'),
  intro: t(
    'The last +++ attempts on a time axis: above the line what was sent to the module, below what the module sent back, with the windows of the manual’s figure 27.',
    '最近几次 +++ 尝试的时间轴：线上方是发给模块的字节，下方是模块发回的字节，并标出手册图 27 的各个时间窗口。',
  ),
  empty: t(
    'No +++ attempt yet. In raw mode: wait a moment, then type +++ quickly.',
    '还没有 +++ 尝试。在原始模式下：先停顿片刻，再快速输入 +++。',
  ),
  fromModule: t('As the module saw it (simulator).', '模块（模拟器）实际看到的时序。'),
  inferred: t(
    'Inferred from the app’s side: the times are when the browser wrote and read the bytes, not when they reached the module, and the reason is worked out from the manual’s rules.',
    '根据本应用一侧推断：时间是浏览器写入和读取字节的时间，并非字节到达模块的时间；原因由手册规则推算得出。',
  ),
  uartftKnown: t('UARTFT = {ms} ms', 'UARTFT（打包间隔时间）= {ms} ms'),
  uartftAssumed: t(
    'UARTFT = {ms} ms (assumed: not read from this device yet)',
    'UARTFT（打包间隔时间）= {ms} ms（假定值：尚未从该设备读取）',
  ),
  g786: t('G786/G809 entry timing (T4 = T6 = UARTFT)', 'G786/G809 进入时序（T4 = T6 = UARTFT）'),
  toModule: t('to the module', '发往模块'),
  fromModuleDir: t('from the module', '来自模块'),
  earlier: t('{s} s of silence before', '之前静默 {s} 秒'),
  history: t('Attempts', '尝试记录'),
  attemptAt: t('{n}. {verdict}', '{n}. {verdict}'),
  entered: t('entered', '已进入'),
  failed: t('failed', '失败'),
  waiting: t('waiting', '等待中'),
  tableCaption: t('Bytes of this attempt', '本次尝试的字节'),
  windowsCaption: t('Windows of this attempt', '本次尝试的时间窗口'),
  colByte: t('Byte', '字节'),
  colDir: t('Direction', '方向'),
  colTime: t('Time (ms)', '时间（ms）'),
  colWindow: t('Window', '窗口'),
  colFrom: t('From (ms)', '开始（ms）'),
  colTo: t('To (ms)', '结束（ms）'),
  colKept: t('Kept', '是否满足'),
  yes: t('yes', '是'),
  no: t('no', '否'),
  picture: t('Time axis of the attempt', '本次尝试的时间轴'),
  leadingData: t('{n} + before it went to the server as data.', '此前的 {n} 个 + 已作为数据发往服务器。'),
} as const;

/** Window labels on the picture and in the table. */
export const WINDOW_LABELS: Readonly<Record<WindowKey, Text>> = {
  t1: t('T1 > UARTFT: silence', 'T1 > UARTFT：静默'),
  t2: t('T2 < UARTFT', 'T2 < UARTFT'),
  t3: t('T3: silence, then a', 'T3：静默后回 a'),
  t5: t('T5 < 3 s: answer a', 'T5 < 3 秒：回复 a'),
  t6: t('T6 = UARTFT', 'T6 = UARTFT'),
};

/** T3 on G786/G809 firmware is called T4 there and equals UARTFT. */
export const T4_LABEL = t('T4 = UARTFT: silence, then a', 'T4 = UARTFT：静默后回 a');

/** The verdict in words; `{ms}` measured, `{limit}` the rule's limit, `{n}` the `+`, `{byte}` the byte. */
export const VERDICTS: Readonly<Record<TimingReason, Text>> = {
  entered: t(
    'Entered command mode: the module sent +ok. The a came back {ms} ms after the module’s a (T5 < 3 s).',
    '已进入临时指令模式：模块回复了 +ok。主机在模块发出 a 之后 {ms} ms 回复了 a（T5 < 3 秒）。',
  ),
  guard: t(
    'Not entered: the first + came {ms} ms after the byte before it ({byte}). The module needs more than UARTFT = {limit} ms of silence before +++ (T1), so the + went to the server as data. Wait longer before typing +++.',
    '未进入：第一个 + 在前一个字节（{byte}）之后 {ms} ms 就到了。模块要求 +++ 之前静默超过 UARTFT = {limit} ms（T1），所以这些 + 作为数据发往了服务器。请在输入 +++ 前多等一会儿。',
  ),
  gap: t(
    'Not entered: + number {n} came {ms} ms after the one before it. Each + must follow within UARTFT = {limit} ms (T2), so the + went to the server as data. Type +++ faster, or raise UARTFT.',
    '未进入：第 {n} 个 + 在前一个 + 之后 {ms} ms 才到。每个 + 必须在 UARTFT = {limit} ms 内紧跟前一个（T2），所以这些 + 作为数据发往了服务器。请更快地输入 +++，或调大 UARTFT。',
  ),
  'too-few': t(
    'Not entered: only {n} + came, then UARTFT = {limit} ms of silence (T2). The module needs three in a row.',
    '未进入：只收到 {n} 个 +，随后静默了 UARTFT = {limit} ms（T2）。模块需要连续三个 +。',
  ),
  extra: t(
    'Not entered: a fourth + came {ms} ms after the third, before the module’s {limit} ms of silence (T3) were over. ++++ is data, not an entry.',
    '未进入：第四个 + 在第三个之后 {ms} ms 到达，模块要求的 {limit} ms 静默（T3）尚未结束。++++ 是数据，不会进入指令模式。',
  ),
  interrupted: t(
    'Not entered: “{byte}” came {ms} ms after the last +, before the module’s {limit} ms of silence were over, so the + went to the server as data.',
    '未进入：“{byte}”在最后一个 + 之后 {ms} ms 到达，模块要求的 {limit} ms 静默尚未结束，所以这些 + 作为数据发往了服务器。',
  ),
  'no-answer': t(
    'Not entered: the module sent a, but no a came back within 3 s (T5). It went back to the working mode and passed the +++ on as data.',
    '未进入：模块发出了 a，但 3 秒内（T5）没有收到回复的 a。模块回到工作模式，并把 +++ 作为数据转发。',
  ),
  'wrong-answer': t(
    'Not entered: the module sent a and expected a back, but “{byte}” came instead ({ms} ms later).',
    '未进入：模块发出 a 后等待回复 a，却收到了“{byte}”（{ms} ms 后）。',
  ),
  restarted: t('Not entered: the module restarted during the attempt.', '未进入：尝试过程中模块重启了。'),
  'no-a': t(
    'No a came back, although the timing looks right for UARTFT = {limit} ms. Most likely the module’s UARTFT is longer than that (then the +++ went to the server as data), or it is not in a working mode.',
    '没有收到 a，尽管按 UARTFT = {limit} ms 计算时序是对的。最可能是模块的 UARTFT 比这更长（那么 +++ 已作为数据发往服务器），或模块不在工作模式。',
  ),
  'command-mode': t(
    'The module answered with a result line: it was in command mode already, where +++ is not a command.',
    '模块回复了结果行：它本来就处于指令模式，在指令模式下 +++ 不是指令。',
  ),
  'no-ok': t(
    'The module sent a and the a went back, but no +ok came.',
    '模块发出了 a，也回复了 a，但没有收到 +ok。',
  ),
};

export const WAITING_TEXT = {
  plus: t('The module holds the + and watches the line…', '模块暂存这些 +，正在观察线路…'),
  answer: t(
    'The module sent a and waits up to 3 s for the a back (T5)…',
    '模块已发出 a，最多等待 3 秒接收回复的 a（T5）…',
  ),
} as const;

/**
 * What went wrong in a session, in words a person can act on (zh/en) with advice. Every failure an
 * operation reports is a SessionError; port problems keep their PortError (kind, text, advice) as `port`.
 */
import type { AtError } from '../protocol/at-error';
import { CONTROLS } from '../protocol/controls';
import type { Text } from '../protocol/types';
import { PortError } from '../serial/port-error';

export type SessionErrorCode =
  /** The module sent nothing in time for a command. */
  | 'timeout'
  /** Neither `+++` nor a CR got an answer: wrong baud rate, module off, or UARTFT longer than assumed. */
  | 'not-answering'
  /** The answer could not be read (noise, lost bytes). */
  | 'garbled'
  /** The module answered with an error (ERRn, ERROR, +CME ERROR). */
  | 'at-error'
  /** The port failed or went away. */
  | 'port'
  /** The module did not come back after a restart. */
  | 'restart-timeout'
  /** No baud rate of the manual's list got a clean answer. */
  | 'baud-not-found'
  /** A value read back differs from the value written. */
  | 'verify-mismatch'
  /** The person (or the UI) cancelled. */
  | 'aborted'
  /** The session is closed or was never opened. */
  | 'closed'
  /** A wanted value the catalogue rejects; nothing was sent. */
  | 'invalid-value'
  /** Something the operation needs is not possible in this state (e.g. command mode needed). */
  | 'invalid-state'
  /** A password-AT command longer than the module's packing length (UARTFL): not sent. */
  | 'frame-too-long'
  /** The module left command mode on its own (its start message came): the command was not sent. */
  | 'module-restarted'
  /**
   * Well-formed answers that make no sense for a USR-LTE-7S4 (OK without a value, another command's
   * answer, only an echo): another device, a loopback, or broken firmware.
   */
  | 'not-a-7s4'
  /** The line is saturated by the server's data: `+++` could not be answered in time, so it was not sent. */
  | 'line-busy';

export class SessionError extends Error {
  override readonly name = 'SessionError';
  readonly code: SessionErrorCode;
  readonly text: Text;
  readonly advice: Text;
  /** The module's error answer, for `at-error`. */
  readonly atError: AtError | undefined;
  /** The port error, for `port`. */
  readonly port: PortError | undefined;

  constructor(
    code: SessionErrorCode,
    text: Text,
    advice: Text,
    extra: { atError?: AtError; port?: PortError; cause?: unknown } = {},
  ) {
    super(text.en, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.code = code;
    this.text = text;
    this.advice = advice;
    this.atError = extra.atError;
    this.port = extra.port;
  }
}

const t = (en: string, zh: string): Text => ({ en, zh });

export function timeoutError(command: string, ms: number): SessionError {
  return new SessionError(
    'timeout',
    t(
      `No answer to ${command} within ${Math.round(ms)} ms.`,
      `${command} 在 ${Math.round(ms)} 毫秒内无应答。`,
    ),
    t(
      'Check the cable and the baud rate; if the module is restarting, wait and try again.',
      '请检查连线和波特率；若模块正在重启，请稍候重试。',
    ),
  );
}

export function notAnsweringError(uartft: number): SessionError {
  return new SessionError(
    'not-answering',
    t('The module does not answer (no "a" to +++).', '模块无应答（+++ 没有收到 “a”）。'),
    t(
      `Check power (PWR LED) and wiring (TX↔RX), try "${CONTROLS.autoDetect.en}", and if the module's "${CONTROLS.packingInterval.en}" is longer than ${uartft} ms, open a profile that has it before connecting.`,
      `请检查电源（PWR 灯）和接线（TX↔RX），尝试“${CONTROLS.autoDetect.zh}”；若模块的“${CONTROLS.packingInterval.zh}”大于 ${uartft} 毫秒，请先打开含该值的配置档案再连接。`,
    ),
  );
}

/** Password AT longer than the module's packing length: it would be cut and go to the server as data. */
export function frameTooLongError(bytes: number, uartfl: number): SessionError {
  const field = CONTROLS.packingLength;
  return new SessionError(
    'frame-too-long',
    t(
      `This password command is ${bytes} bytes, longer than the module's packing length of ${uartfl} bytes: the module would cut it and forward it to the server as data. It was not sent.`,
      `该密码指令共 ${bytes} 字节，超过模块的打包长度 ${uartfl} 字节：模块会把它拆开并作为数据转发给服务器。未发送。`,
    ),
    t(
      `Use command mode instead, or make "${field.en}" at least ${bytes} (a shorter command password also helps).`,
      `请改用指令模式，或将“${field.zh}”设为不小于 ${bytes}（缩短指令密码也可以）。`,
    ),
  );
}

export function moduleRestartedError(): SessionError {
  return new SessionError(
    'module-restarted',
    t(
      'The module restarted on its own (power cycle or scheduled restart) and is back in working mode: the command was not sent, so the server received nothing.',
      '模块自行重启（断电重启或定时重启），已回到工作模式：指令未发送，服务器没有收到任何数据。',
    ),
    t('Try again: the next operation enters command mode first.', '请重试：下一次操作会先进入指令模式。'),
  );
}

/** The device answers, but not as a USR-LTE-7S4 would (`detail` says how). */
export function notA7s4Error(detail: Text): SessionError {
  return new SessionError(
    'not-a-7s4',
    t(`This does not behave like a USR-LTE-7S4: ${detail.en}`, `该设备的行为不像 USR-LTE-7S4：${detail.zh}`),
    t(
      'Check that this port is the DTU and not another device, a loopback plug or a modem; other USR products answer differently. The port was closed so nothing more is sent to it.',
      '请确认该串口连接的是 DTU，而不是其他设备、回环插头或调制解调器；其他 USR 产品的应答方式不同。串口已关闭，不会再向其发送数据。',
    ),
  );
}

/** A loopback plug or a terminal with echo: every byte comes back as sent, nothing else ever does. */
export function loopbackError(): SessionError {
  return notA7s4Error({
    en: 'it sends back exactly what it receives and answers nothing (a loopback plug, or a terminal with local echo).',
    zh: '它把收到的内容原样发回、从不应答（回环插头，或开启了本地回显的终端）。',
  });
}

/**
 * The module sends the server's data to the serial side as fast as the line carries it: its `a` would queue
 * behind more than the 3 s (T5) it waits for ours, and `+++` would end up at the server. Not sent.
 */
export function lineBusyError(baud: number): SessionError {
  return new SessionError(
    'line-busy',
    t(
      `The module is sending the server's data to the serial port as fast as ${baud} baud carries it: its answer to +++ would come too late, and +++ would reach the server. Nothing was sent.`,
      `模块正以 ${baud} 波特率的满速把服务器数据发往串口：它对 +++ 的应答会来得太晚，+++ 还会被发到服务器。未发送任何内容。`,
    ),
    t(
      `Stop the data at the server for a moment, or use a higher baud rate, or use ${CONTROLS.passwordAccess.en}.`,
      `请让服务器暂停发送数据，或使用更高的波特率，或使用“${CONTROLS.passwordAccess.zh}”。`,
    ),
  );
}

export function garbledError(command: string, detail: string): SessionError {
  return new SessionError(
    'garbled',
    t(`The answer to ${command} could not be read (${detail}).`, `${command} 的应答无法识别（${detail}）。`),
    t(
      `The line is noisy or the baud rate is wrong: check the cable and try "${CONTROLS.autoDetect.en}".`,
      `线路有干扰或波特率不对：请检查连线，或尝试“${CONTROLS.autoDetect.zh}”。`,
    ),
  );
}

export function atErrorOf(command: string, error: AtError): SessionError {
  return new SessionError(
    'at-error',
    t(
      `${command}: ${error.raw.trim()} — ${error.meaning.en}`,
      `${command}：${error.raw.trim()} —— ${error.meaning.zh}`,
    ),
    error.family === 'err' && error.code === 4
      ? t('Check the value against the allowed range.', '请检查参数是否在允许范围内。')
      : error.family === 'err' && error.code === 2
        ? t('This firmware does not know the command.', '该固件不支持此指令。')
        : t('See the manual section of this command.', '请参阅手册中该指令的说明。'),
    { atError: error },
  );
}

export function portLostError(cause?: unknown): SessionError {
  const port = cause instanceof PortError ? cause : undefined;
  return new SessionError(
    'port',
    port?.text ?? t('The serial port went away (cable unplugged?).', '串口已断开（数据线被拔出？）。'),
    port?.advice ??
      t(
        'Check the USB cable and the module power, then connect again. What was written before the cut is kept by the module; read the settings again to see it.',
        '请检查 USB 线和模块电源后重新连接。断开前已写入的参数模块会保留，请重新读取参数确认。',
      ),
    { cause, ...(port ? { port } : {}) },
  );
}

export function abortedError(reason?: unknown): SessionError {
  return new SessionError(
    'aborted',
    t('Cancelled.', '已取消。'),
    t('Nothing more was sent after the cancel.', '取消后不再发送任何指令。'),
    { cause: reason },
  );
}

export function closedError(): SessionError {
  return new SessionError(
    'closed',
    t('Not connected.', '未连接。'),
    t('Connect to a module or to the simulator first.', '请先连接模块或模拟器。'),
  );
}

export function restartTimeoutError(ms: number): SessionError {
  return new SessionError(
    'restart-timeout',
    t(
      `The module did not answer within ${Math.round(ms / 1000)} s after the restart.`,
      `重启后 ${Math.round(ms / 1000)} 秒内模块无应答。`,
    ),
    t(
      `Check the power and the WORK LED. If the baud rate was changed, use "${CONTROLS.autoDetect.en}".`,
      `请检查电源和 WORK 灯。若修改过波特率，请使用“${CONTROLS.autoDetect.zh}”。`,
    ),
  );
}

export function baudNotFoundError(tried: readonly number[]): SessionError {
  return new SessionError(
    'baud-not-found',
    t(
      `No clean answer at any baud rate (${tried.join(', ')}).`,
      `所有波特率（${tried.join('、')}）均无正确应答。`,
    ),
    t(
      'Check power and wiring (TX↔RX, GND). Data bits/parity other than 8N1 can also be the cause.',
      '请检查电源和接线（TX↔RX、GND）。数据位/校验不是 8N1 也可能导致此问题。',
    ),
  );
}

/** Wanted values the catalogue rejects; `detail` is the validation message when there is one. */
export function invalidValuesError(names: readonly string[], detail?: Text): SessionError {
  return new SessionError(
    'invalid-value',
    t(
      `Invalid values for ${names.join(', ')}: their commands were not sent.${detail ? ` ${detail.en}` : ''}`,
      `${names.join('、')} 的值无效：相应指令未发送。${detail ? detail.zh : ''}`,
    ),
    t('Correct the marked values and try again.', '请修改标出的值后重试。'),
  );
}

export function verifyMismatchError(name: string, wanted: string, read: string): SessionError {
  return new SessionError(
    'verify-mismatch',
    t(
      `AT+${name} reads back "${read}" instead of "${wanted}".`,
      `AT+${name} 回读为“${read}”，而不是“${wanted}”。`,
    ),
    t(
      'The module did not keep the value. Try again; if it persists, this firmware may store it differently.',
      '模块没有保存该值。请重试；若仍如此，可能是该固件的存储方式不同。',
    ),
  );
}

export function invalidStateError(what: Text): SessionError {
  return new SessionError(
    'invalid-state',
    what,
    t('Wait for the current operation or reconnect.', '请等待当前操作结束或重新连接。'),
  );
}

/** Any thrown value as a SessionError (abort reasons, port failures, programming errors). */
export function toSessionError(e: unknown): SessionError {
  if (e instanceof SessionError) return e;
  if (e instanceof PortError) return portLostError(e);
  if (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AbortError')
    return abortedError(e);
  const detail = e instanceof Error ? e.message : String(e);
  return new SessionError(
    'port',
    t(`Unexpected failure: ${detail}`, `意外错误：${detail}`),
    t('Disconnect and connect again.', '请断开后重新连接。'),
    { cause: e },
  );
}

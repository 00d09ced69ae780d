/** Strings of the trainer's "streams and broken devices" card (Simulator view). */
import type { Text } from '../../protocol/types';
import type { BrokenBehaviour, StreamPattern } from '../../simulator/core/control';

const t = (en: string, zh: string): Text => ({ en, zh });

export const STRESS = {
  heading: t('Streams and broken devices', '数据流与异常设备'),
  intro: t(
    'A server that pushes data is normal for a DTU: the module forwards it to the serial side at the line rate. A device that answers OK to everything, answers with another command, or only echoes is not a USR-LTE-7S4; the configurator should say so.',
    '服务器主动下发数据对 DTU 来说很正常：模块按串口速率把数据转发到串口侧。对所有指令都回 OK、用其他指令的应答来回答、或只回显的设备都不是 USR-LTE-7S4，配置工具应当指出这一点。',
  ),
  stream: t('Server stream', '服务器数据流'),
  socket: t('Server', '服务器'),
  rate: t('Bytes per second', '每秒字节数'),
  ratePreset: t('Line rate of {baud} bit/s', '{baud} bit/s 的线路速率'),
  pattern: t('Data', '数据'),
  patterns: {
    text: t('Numbered text lines', '带编号的文本行'),
    binary: t('Binary counter 00–FF', '二进制计数 00–FF'),
  } satisfies Record<StreamPattern, Text>,
  start: t('Start stream', '开始下发'),
  stop: t('Stop stream', '停止下发'),
  streaming: t(
    'Server {s} streams {rate} bytes/s ({pattern}).',
    '服务器 {s} 正以每秒 {rate} 字节下发（{pattern}）。',
  ),
  idle: t('No server is streaming.', '没有服务器在下发数据。'),
  dropped: t(
    '{n} bytes dropped: the network delivered faster than the serial line ({baud} bit/s) can carry.',
    '已丢弃 {n} 字节：网络下发速度超过串口（{baud} bit/s）的承载能力。',
  ),
  broken: t('What the device is', '设备类型'),
  brokenChoices: {
    none: t('A USR-LTE-7S4', 'USR-LTE-7S4'),
    'spam-ok': t('Answers OK to everything (also to +++)', '对所有内容都回 OK（包括 +++）'),
    'wrong-reply': t("Answers each query with another command's reply", '用其他指令的应答回答查询'),
    'echo-only': t('Only echoes every byte (a loopback plug)', '只回显每个字节（回环插头）'),
  } satisfies Record<BrokenBehaviour | 'none', Text>,
  brokenNow: t('The serial side now behaves as: {what}', '串口侧当前表现为：{what}'),
} as const;

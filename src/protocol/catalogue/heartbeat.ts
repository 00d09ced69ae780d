/** Heartbeat packet (2.3.2, 3.1.7.56–3.1.7.59). Defaults are table 6. */
import type { CommandEntry } from '../types';
import { onOff, param, seconds, setting, t } from './define';

export const HEARTBEAT: readonly CommandEntry[] = [
  setting({
    name: 'HEARTEN',
    group: 'heartbeat',
    section: '3.1.7.56',
    label: t('Heartbeat packet', '心跳包'),
    help: t(
      'ON: in NET mode, send HEARTDT whenever no data has passed for HEARTTM seconds — keeps idle links alive and tells the server the device is online. Takes effect after restart.',
      'ON：NET 模式下无数据超过 HEARTTM 秒时发送 HEARTDT，保持空闲连接并让服务器知道设备在线。重启后生效。',
    ),
    params: [onOff(t('Heartbeat packet', '心跳包'))],
    default: 'ON',
  }),
  setting({
    name: 'HEARTDT',
    group: 'heartbeat',
    section: '3.1.7.57',
    label: t('Heartbeat data', '心跳包数据'),
    help: t(
      'Bytes of the heartbeat, written in hex: 7777772E7573722E636E is "www.usr.cn". 1–40 bytes (2–80 hex digits, an even count).',
      '心跳包数据，十六进制书写：7777772E7573722E636E 即“www.usr.cn”。1~40 字节（2~80 个十六进制字符，偶数个）。',
    ),
    params: [param('data', { kind: 'hex', minBytes: 1, maxBytes: 40 }, t('Heartbeat data', '心跳包数据'))],
    default: '7777772E7573722E636E',
  }),
  setting({
    name: 'HEARTSND',
    group: 'heartbeat',
    section: '3.1.7.58',
    label: t('Heartbeat direction', '心跳包发送方式'),
    help: t(
      'NET: to the server, to keep the link up. COM: to the serial device — e.g. a fixed polling command, instead of the server sending it.',
      'NET：发往网络端，用于保持连接。COM：发往串口设备，例如代替服务器下发固定查询指令。',
    ),
    params: [param('type', { kind: 'enum', values: ['COM', 'NET'] }, t('Direction', '发送方式'))],
    default: 'NET',
  }),
  setting({
    name: 'HEARTTM',
    group: 'heartbeat',
    section: '3.1.7.59',
    label: t('Heartbeat interval', '心跳包发送间隔'),
    help: t(
      'Seconds without data before a heartbeat is sent. 1–6000 s, factory 30.',
      '无数据多少秒后发送心跳包。1~6000 秒，出厂 30。',
    ),
    params: [param('time', seconds(1, 6000), t('Heartbeat interval', '心跳间隔'))],
    default: '30',
  }),
];

/** SMS (3.1.7.66–3.1.7.67) and FTP self-upgrade (2.3.9.1): write-only commands, nothing to read back. */
import type { CommandEntry, Param } from '../types';
import { param, t, writeOnly } from './define';

/** Both SMS commands take number,data (module-behaviour.md: CISMSSEND's "type" is a typo for data). */
const SMS_PARAMS: readonly Param[] = [
  param(
    'number',
    { kind: 'text', minBytes: 3, maxBytes: 20, charset: 'ascii', escaped: false, digitsOnly: true },
    t('Phone number', '手机号码'),
    t('International form without "+", e.g. 8613854123456.', '国际格式，不带“+”，例如 8613854123456。'),
  ),
  param(
    'data',
    { kind: 'text', minBytes: 1, maxBytes: 320, charset: 'utf8', escaped: true },
    t('Message text', '短信内容'),
    t(
      'Chinese or English. One SMS holds 70 Chinese or 160 plain characters. Write , = ? as [2C] [3D] [3F].',
      '支持中文和英文。一条短信最多 70 个汉字或 160 个英文字符。, = ? 须写成 [2C] [3D] [3F]。',
    ),
  ),
];

function sms(name: string, section: string): CommandEntry {
  return writeOnly({
    name,
    group: 'sms',
    section,
    needsRestart: false,
    label: t('Send SMS', '发送短信'),
    help: t(
      'Sends a text message to a phone number (international form, e.g. 8613854123456). Chinese is supported: the module sends the text as UTF-8. Replies OK when the message is handed over.',
      '向手机号码（国际格式，例如 8613854123456）发送短信，支持中文（以 UTF-8 发送）。交付发送后回复 OK。',
    ),
    params: SMS_PARAMS,
  });
}

export const MESSAGING: readonly CommandEntry[] = [
  sms('SMSEND', '3.1.7.66'),
  sms('CISMSSEND', '3.1.7.67'),
  writeOnly({
    name: 'UPDATE',
    group: 'upgrade',
    section: '2.3.9.1',
    needsRestart: false,
    label: t('Firmware upgrade over FTP', 'FTP 自升级'),
    help: t(
      'Downloads new firmware with the key given by USR technical support (about 500 KB of mobile data). Afterwards restart with AT+REBOOT or a power cycle — not AT+Z.',
      '使用有人技术支持提供的升级秘钥下载新固件（约消耗 500 KB 流量）。完成后须用 AT+REBOOT 或重新上电重启，不能用 AT+Z。',
    ),
    params: [
      param(
        'key',
        { kind: 'text', minBytes: 1, maxBytes: 64, charset: 'ascii', escaped: true },
        t('Upgrade key', '升级秘钥'),
        undefined,
        true,
      ),
    ],
  }),
];

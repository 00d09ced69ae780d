/**
 * Registration packet (2.3.1, 3.1.7.51–3.1.7.54) and USR Cloud (2.3.3, 3.1.7.55). `AT+CLOUD` + `REGEN=ON`
 * + `REGTP=CLOUD` is canonical; the 2.3.3 commands CLOUDEN/CLOUDID/CLOUDPA are write-only aliases onto the
 * same stored state (module-behaviour.md).
 */
import type { CommandEntry, ParamType } from '../types';
import { ON_OFF, onOff, param, setting, t, writeOnly } from './define';

/** 20-digit USR Cloud device id; `allowEmpty` for the unset factory state. */
function cloudId(allowEmpty: boolean): ParamType {
  return {
    kind: 'text',
    minBytes: 20,
    maxBytes: 20,
    charset: 'ascii',
    escaped: false,
    digitsOnly: true,
    ...(allowEmpty ? { allowEmpty } : {}),
  };
}

/** 8-byte USR Cloud communication password. */
function cloudPassword(allowEmpty: boolean): ParamType {
  return {
    kind: 'text',
    minBytes: 8,
    maxBytes: 8,
    charset: 'ascii',
    escaped: true,
    ...(allowEmpty ? { allowEmpty } : {}),
  };
}

const ID_LABEL = t('Cloud device ID', '透传云设备 ID');
const PASSWORD_LABEL = t('Cloud password', '透传云通讯密码');

export const REGISTRATION: readonly CommandEntry[] = [
  setting({
    name: 'REGEN',
    group: 'registration',
    section: '3.1.7.51',
    label: t('Registration packet', '注册包'),
    help: t(
      'ON: the module identifies itself to the server with a registration packet of type REGTP, sent as REGSND says. Takes effect after restart.',
      'ON：模块按 REGTP 类型、REGSND 方式向服务器发送注册包以表明身份。重启后生效。',
    ),
    params: [onOff(t('Registration packet', '注册包'))],
    default: 'OFF',
  }),
  setting({
    name: 'REGTP',
    group: 'registration',
    section: '3.1.7.52',
    label: t('Registration packet type', '注册包类型'),
    help: t(
      "ICCID: the SIM's number; IMEI: the radio's number; D2DID: D2D registration id; CLOUD: USR Cloud id and password (AT+CLOUD); USER: your own bytes (REGDT).",
      'ICCID：SIM 卡号；IMEI：模组识别码；D2DID：D2D 注册 ID；CLOUD：透传云 ID 和密码（AT+CLOUD）；USER：自定义数据（REGDT）。',
    ),
    params: [
      param(
        'type',
        { kind: 'enum', values: ['ICCID', 'IMEI', 'D2DID', 'CLOUD', 'USER'] },
        t('Packet type', '注册包类型'),
      ),
    ],
    default: 'USER',
  }),
  setting({
    name: 'REGDT',
    group: 'registration',
    section: '3.1.7.53',
    label: t('Registration data', '自定义注册包数据'),
    help: t(
      'Bytes of a USER registration packet, written in hex: 7777772E7573722E636E is "www.usr.cn". 1–80 bytes (2–160 hex digits).',
      'USER 类型注册包的数据，十六进制书写：7777772E7573722E636E 即“www.usr.cn”。1~80 字节（2~160 个十六进制字符）。',
    ),
    params: [param('data', { kind: 'hex', minBytes: 1, maxBytes: 80 }, t('Registration data', '注册包数据'))],
    default: '7777772E7573722E636E',
  }),
  setting({
    name: 'REGSND',
    group: 'registration',
    section: '3.1.7.54',
    label: t('Registration send mode', '注册包发送方式'),
    help: t(
      'LINK: sent once each time a connection is made. DATA: put in front of every data packet.',
      'LINK：每次建立连接时发送一次。DATA：作为每包数据的开头发送。',
    ),
    params: [param('type', { kind: 'enum', values: ['LINK', 'DATA'] }, t('Send mode', '发送方式'))],
    default: 'LINK',
  }),
  setting({
    name: 'CLOUD',
    group: 'cloud',
    section: '3.1.7.55',
    label: t('USR Cloud registration', '透传云注册参数'),
    help: t(
      'Device ID (20 digits) and communication password (8 characters) from cloud.usr.cn. Used with REGEN=ON and REGTP=CLOUD. Both are empty from the factory.',
      '来自 cloud.usr.cn 的设备 ID（20 位数字）和通讯密码（8 个字符）。配合 REGEN=ON、REGTP=CLOUD 使用。出厂均为空。',
    ),
    params: [
      param('id', cloudId(true), ID_LABEL),
      param('password', cloudPassword(true), PASSWORD_LABEL, undefined, true),
    ],
    default: ',',
  }),
  writeOnly({
    name: 'CLOUDEN',
    group: 'cloud',
    section: '2.3.3',
    aliasOf: 'REGEN',
    needsRestart: true,
    label: t('USR Cloud on/off (old form)', '透传云使能（旧指令）'),
    help: t(
      'Old form from manual 2.3.3. ON = REGEN=ON plus REGTP=CLOUD; OFF = REGEN=OFF when REGTP is CLOUD. Prefer AT+REGEN and AT+REGTP.',
      '手册 2.3.3 的旧指令。ON 等同 REGEN=ON 加 REGTP=CLOUD；OFF 在 REGTP 为 CLOUD 时等同 REGEN=OFF。建议使用 AT+REGEN 与 AT+REGTP。',
    ),
    params: [param('status', ON_OFF, t('USR Cloud', '透传云'))],
  }),
  writeOnly({
    name: 'CLOUDID',
    group: 'cloud',
    section: '2.3.3',
    aliasOf: 'CLOUD',
    needsRestart: true,
    label: t('USR Cloud device ID (old form)', '透传云设备 ID（旧指令）'),
    help: t(
      'Old form from manual 2.3.3: sets the ID part of AT+CLOUD (20 digits) and keeps the password.',
      '手册 2.3.3 的旧指令：设置 AT+CLOUD 中的设备 ID（20 位数字），密码不变。',
    ),
    params: [param('id', cloudId(false), ID_LABEL)],
  }),
  writeOnly({
    name: 'CLOUDPA',
    group: 'cloud',
    section: '2.3.3',
    aliasOf: 'CLOUD',
    needsRestart: true,
    label: t('USR Cloud password (old form)', '透传云通讯密码（旧指令）'),
    help: t(
      'Old form from manual 2.3.3: sets the password part of AT+CLOUD (8 characters) and keeps the ID.',
      '手册 2.3.3 的旧指令：设置 AT+CLOUD 中的通讯密码（8 个字符），设备 ID 不变。',
    ),
    params: [param('password', cloudPassword(false), PASSWORD_LABEL, undefined, true)],
  }),
];

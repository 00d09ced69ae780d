/**
 * The built-in presets (docs/profiles.md, "Presets"): the manual's own examples as profiles, with the
 * values of chapters 2.1–2.3 in canonical form. Settings a preset does not hold are left as they are on
 * the device it is applied to. No preset carries a password: the USR Cloud one has an empty password to
 * fill in after saving. There is no "SMS transparent" preset: the 7S4 has no such working mode (WKMOD is
 * NET or HTTPD, manual 2.1); the library says so instead.
 */
import type { Profile } from '../../profile/profile';
import type { Text } from '../../protocol/types';
import { pick, type Lang } from '../i18n/language';
import { PRESET_TEXT } from './strings';

const t = (en: string, zh: string): Text => ({ en, zh });

export interface Preset {
  readonly id: string;
  readonly title: Text;
  readonly summary: Text;
  /** Manual sections the values come from. */
  readonly manual: string;
  readonly notes: Text;
  readonly values: Readonly<Record<string, string>>;
}

/** When the presets were written (their profiles' created/updated). */
export const PRESETS_WRITTEN = Date.UTC(2026, 2, 1);

export const PRESETS: readonly Preset[] = [
  {
    id: 'tcp-client',
    title: t('TCP client with registration and heartbeat', 'TCP 客户端，带注册包和心跳包'),
    summary: t(
      'Socket A keeps a TCP connection to a server, sends a registration packet when it connects and a heartbeat every 30 s.',
      'Socket A 与服务器保持 TCP 长连接，连接时发送注册包，每 30 秒发送心跳包。',
    ),
    manual: '2.1.1, 2.3.1, 2.3.2',
    notes: t(
      'Manual 2.1.1, 2.3.1 and 2.3.2. Socket A connects to the manual’s test server test.usr.cn:2317 and keeps the connection. On connecting it sends the registration packet “www.usr.cn” (hex 7777772E7573722E636E); when the link has been idle for 30 s it sends a heartbeat with the same data. Put in your own server, registration data and heartbeat data before applying.',
      '手册 2.1.1、2.3.1、2.3.2。Socket A 连接手册中的测试服务器 test.usr.cn:2317 并保持长连接。连接建立时发送注册包“www.usr.cn”（十六进制 7777772E7573722E636E）；链路空闲 30 秒时发送相同数据的心跳包。写入前请换成你自己的服务器、注册包和心跳包数据。',
    ),
    values: {
      WKMOD: 'NET',
      SOCKA: 'TCP,test.usr.cn,2317',
      SOCKAEN: 'ON',
      SOCKASL: 'LONG',
      REGEN: 'ON',
      REGTP: 'USER',
      REGDT: '7777772E7573722E636E',
      REGSND: 'LINK',
      HEARTEN: 'ON',
      HEARTDT: '7777772E7573722E636E',
      HEARTSND: 'NET',
      HEARTTM: '30',
    },
  },
  {
    id: 'httpd-client',
    title: t('HTTPD client', 'HTTPD 客户端'),
    summary: t(
      'Data from the serial port goes to an HTTP server as a GET request; the answer, without its header, comes back.',
      '串口数据以 GET 请求发往 HTTP 服务器，服务器的回复（去掉包头）返回串口。',
    ),
    manual: '2.1.2',
    notes: t(
      'Manual 2.1.2. HTTPD mode: the module packs each frame from the serial port into a GET request for /1.php? on test.usr.cn:80 (at most 1000 bytes per request) with the header “Connection: close”, waits up to 10 s for the answer and sends it back to the serial port without the HTTP header. Put in your own server and URL before applying.',
      '手册 2.1.2。HTTPD 模式：模块把串口收到的每一帧组成对 test.usr.cn:80 上 /1.php? 的 GET 请求（每个请求最多 1000 字节），请求头为“Connection: close”，最多等待 10 秒，并把去掉 HTTP 包头的回复发回串口。写入前请换成你自己的服务器和 URL。',
    ),
    values: {
      WKMOD: 'HTTPD',
      HTPTP: 'GET',
      HTPURL: '/1.php[3F]',
      HTPSV: 'test.usr.cn,80',
      HTPHD: 'Connection: close[0D][0A]',
      HTPTO: '10',
      HTPFLT: 'ON',
    },
  },
  {
    id: 'usr-cloud',
    title: t('USR Cloud', '有人透传云'),
    summary: t(
      'The module registers with USR Cloud (cloud.usr.cn) by its device ID and password, over a long TCP connection.',
      '模块通过设备 ID 和通讯密码注册到有人透传云（cloud.usr.cn），使用 TCP 长连接。',
    ),
    manual: '2.3.3',
    notes: t(
      'Manual 2.3.3. AT+CLOUDEN=ON, AT+CLOUDID and AT+CLOUDPA are kept as REGEN=ON, REGTP=CLOUD and CLOUD (id,password). The device ID is the manual’s example: replace it with your device’s 20-digit ID from cloud.usr.cn, and enter its 8-character communication password after saving — presets carry no password. Socket A’s server is left as it is on the device: set it to the cloud’s address if it is not.',
      '手册 2.3.3。AT+CLOUDEN=ON、AT+CLOUDID 和 AT+CLOUDPA 以 REGEN=ON、REGTP=CLOUD 和 CLOUD（ID,密码）保存。设备 ID 是手册中的示例：请换成 cloud.usr.cn 上你设备的 20 位 ID，并在保存后填写 8 位通讯密码——预设不包含密码。Socket A 的服务器保持设备原值：如不是透传云地址，请自行设置。',
    ),
    values: {
      WKMOD: 'NET',
      SOCKAEN: 'ON',
      SOCKASL: 'LONG',
      REGEN: 'ON',
      REGTP: 'CLOUD',
      CLOUD: '01234567890123456789,',
    },
  },
];

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}

/** The preset as a profile, named and described in `lang`. */
export function presetProfile(preset: Preset, lang: Lang): Profile {
  return {
    formatVersion: 1,
    name: `${pick(preset.title, lang)} ${pick(PRESET_TEXT.presetSuffix, lang)}`,
    notes: pick(preset.notes, lang),
    values: { ...preset.values },
    created: PRESETS_WRITTEN,
    updated: PRESETS_WRITTEN,
  };
}

/** HTTPD client mode (2.1.2, 3.1.7.60–3.1.7.65). No defaults are given; ours follow the 2.1.2 steps. */
import type { CommandEntry } from '../types';
import { HOST, PORT, onOff, param, seconds, setting, t } from './define';

export const HTTPD: readonly CommandEntry[] = [
  setting({
    name: 'HTPTP',
    group: 'httpd',
    section: '3.1.7.60',
    label: t('HTTP method', 'HTTP 请求方式'),
    help: t(
      'GET or POST. With POST the serial data is the request body; with GET it is appended to the URL.',
      'GET 或 POST。POST 时串口数据作为请求体；GET 时附加在 URL 后。',
    ),
    params: [param('type', { kind: 'enum', values: ['GET', 'POST'] }, t('Method', '请求方式'))],
    default: 'GET',
    guessed: true,
  }),
  setting({
    name: 'HTPURL',
    group: 'httpd',
    section: '3.1.7.61',
    label: t('HTTP URL path', 'HTTP 请求 URL'),
    help: t(
      'Path of the request, starting with "/". Write ? = , as [3F] [3D] [2C]: "/1.php?" is /1.php[3F]. ASCII only, 1–100 characters.',
      '请求路径，以“/”开头。? = , 须写成 [3F] [3D] [2C]：“/1.php?”写作 /1.php[3F]。仅限 ASCII，1~100 个字符。',
    ),
    params: [
      param(
        'url',
        { kind: 'text', minBytes: 1, maxBytes: 100, charset: 'ascii', escaped: true, mustStartWith: '/' },
        t('URL path', 'URL 路径'),
      ),
    ],
    default: '/1.php[3F]',
    guessed: true,
  }),
  setting({
    name: 'HTPSV',
    group: 'httpd',
    section: '3.1.7.62',
    label: t('HTTP server', 'HTTP 服务器'),
    help: t(
      'Address (domain name or IPv4, no "http://") and port 1–65535 of the HTTP server.',
      'HTTP 服务器的地址（域名或 IPv4，不带“http://”）和端口 1~65535。',
    ),
    params: [
      param('address', HOST, t('Server address', '服务器地址')),
      param('port', PORT, t('Port', '端口')),
    ],
    default: 'test.usr.cn,80',
    guessed: true,
  }),
  setting({
    name: 'HTPHD',
    group: 'httpd',
    section: '3.1.7.63',
    label: t('HTTP header', 'HTTP 请求头'),
    help: t(
      'Extra header lines of the request; every line ends with [0D][0A] and so must the whole value, e.g. Connection: close[0D][0A]. ASCII, 2–200 characters.',
      '请求的附加头信息，每行以 [0D][0A] 结尾，整个值也必须以 [0D][0A] 结尾，例如 Connection: close[0D][0A]。ASCII，2~200 个字符。',
    ),
    params: [
      param(
        'head',
        { kind: 'text', minBytes: 2, maxBytes: 200, charset: 'ascii', escaped: true, endsWithCrLf: true },
        t('HTTP header', 'HTTP 请求头'),
      ),
    ],
    default: 'Connection: close[0D][0A]',
    guessed: true,
  }),
  setting({
    name: 'HTPTO',
    group: 'httpd',
    section: '3.1.7.64',
    label: t('HTTP timeout', 'HTTP 超时时间'),
    help: t(
      'Seconds to wait for the server to answer a request. 1–600 s.',
      '等待服务器回复请求的秒数。1~600 秒。',
    ),
    params: [param('time', seconds(1, 600), t('HTTP timeout', '超时时间'))],
    default: '10',
    guessed: true,
  }),
  setting({
    name: 'HTPFLT',
    group: 'httpd',
    section: '3.1.7.65',
    label: t('Strip reply header', '过滤回复包头'),
    help: t(
      "ON: only the body of the server's reply goes to the serial port; OFF: the status line and headers too.",
      'ON：只把服务器回复的正文发往串口；OFF：连同状态行和头信息一起发送。',
    ),
    params: [onOff(t('Strip reply header', '过滤包头'))],
    default: 'ON',
    guessed: true,
  }),
];

/**
 * Manual table 14, network commands per socket (3.1.7.25–3.1.7.50). The four sockets A–D are
 * independent and identical, so their entries come from one function per command family; the
 * catalogue keeps the manual's table order (all SOCKx, then all SOCKxEN, …).
 */
import type { CommandEntry } from '../types';
import { HOST, PORT, onOff, param, query, seconds, setting, t } from './define';

type Letter = 'A' | 'B' | 'C' | 'D';
const LETTERS: readonly Letter[] = ['A', 'B', 'C', 'D'];

/** Manual section of socket `letter` in a family starting at 3.1.7.`first` (A, B, C, D in turn). */
const section = (first: number, letter: Letter): string => `3.1.7.${first + LETTERS.indexOf(letter)}`;

function address(s: Letter): CommandEntry {
  return setting({
    name: `SOCK${s}`,
    group: 'socket',
    socket: s,
    section: section(25, s),
    label: t(`Socket ${s} server`, `Socket ${s} 参数`),
    help: t(
      `Protocol (TCP or UDP client), server address (domain name or IPv4) and port 1–65535 that socket ${s} connects to. Used in NET mode when SOCK${s}EN is ON; takes effect after restart.`,
      `Socket ${s} 连接的协议（TCP 或 UDP Client）、服务器地址（域名或 IPv4）和端口 1~65535。NET 模式下且 SOCK${s}EN 为 ON 时使用；重启后生效。`,
    ),
    params: [
      param('protocol', { kind: 'enum', values: ['TCP', 'UDP'] }, t('Protocol', '协议')),
      param('address', HOST, t('Server address', '服务器地址')),
      param('port', PORT, t('Port', '端口')),
    ],
    default: 'TCP,test.usr.cn,2317',
    guessed: true,
  });
}

function enable(s: Letter): CommandEntry {
  return setting({
    name: `SOCK${s}EN`,
    group: 'socket',
    socket: s,
    section: section(29, s),
    label: t(`Socket ${s} enabled`, `Socket ${s} 使能`),
    help: t(
      `ON: socket ${s} connects to its server in NET mode. Takes effect after restart.`,
      `ON：NET 模式下 Socket ${s} 连接其服务器。重启后生效。`,
    ),
    params: [onOff(t(`Socket ${s}`, `Socket ${s}`))],
    default: s === 'A' ? 'ON' : 'OFF',
    guessed: true,
  });
}

function shortLink(s: Letter): CommandEntry {
  return setting({
    name: `SOCK${s}SL`,
    group: 'socket',
    socket: s,
    section: section(33, s),
    label: t(`Socket ${s} connection type`, `Socket ${s} 连接方式`),
    help: t(
      `LONG keeps the TCP connection open. SHORT connects only when serial data arrives and closes after SHOR${s}TO seconds without data — saves server resources and traffic.`,
      `LONG：保持 TCP 连接。SHORT：串口有数据时才连接，无数据超过 SHOR${s}TO 秒后断开，节省服务器资源和流量。`,
    ),
    params: [param('type', { kind: 'enum', values: ['SHORT', 'LONG'] }, t('Connection type', '连接方式'))],
    default: 'LONG',
    guessed: true,
  });
}

function link(s: Letter): CommandEntry {
  return query({
    name: `SOCK${s}LK`,
    group: 'socket',
    socket: s,
    section: section(37, s),
    label: t(`Socket ${s} link state`, `Socket ${s} 连接状态`),
    help: t(
      `ON when socket ${s} is connected to its server, OFF otherwise (the LINK${s} pin follows it where present).`,
      `Socket ${s} 已连接服务器时为 ON，否则为 OFF（有 LINK${s} 引脚时与之一致）。`,
    ),
  });
}

function shortTimeout(s: Letter): CommandEntry {
  return setting({
    name: `SHOR${s}TO`,
    group: 'socket',
    socket: s,
    section: section(45, s),
    label: t(`Socket ${s} short-connection timeout`, `Socket ${s} 短连接超时时间`),
    help: t(
      `With SOCK${s}SL=SHORT: close the connection after this many seconds without data. 1–100 s; takes effect after restart.`,
      `SOCK${s}SL=SHORT 时：无数据超过这么多秒即断开连接。1~100 秒；重启后生效。`,
    ),
    params: [param('time', seconds(1, 100), t('Idle timeout', '超时时间'))],
    default: '10',
    guessed: true,
  });
}

function reconnect(s: Letter): CommandEntry {
  return setting({
    name: `SOCK${s}TO`,
    group: 'socket',
    socket: s,
    section: section(41, s),
    label: t(`Socket ${s} reconnect delay`, `Socket ${s} 超时重连时间`),
    help: t(
      `After socket ${s} loses its connection, wait this many seconds before connecting again. 1–100 s; takes effect after restart.`,
      `Socket ${s} 断开后，等待这么多秒再重新连接。1~100 秒；重启后生效。`,
    ),
    params: [param('time', seconds(1, 100), t('Reconnect delay', '重连时间'))],
    default: '5',
    guessed: true,
  });
}

export const SOCKETS: readonly CommandEntry[] = [
  ...[address, enable, shortLink, link, shortTimeout, reconnect].flatMap((family) => LETTERS.map(family)),
  setting({
    name: 'SOCKIND',
    group: 'socket',
    section: '3.1.7.49',
    label: t('Show source socket', '指示数据来源 Socket'),
    help: t(
      'ON: data forwarded to the serial port is marked with the socket (A–D) it came from. Takes effect after restart.',
      'ON：转发到串口的网络数据会标明来自哪一路 Socket（A~D）。重启后生效。',
    ),
    params: [onOff(t('Show source socket', '指示来源 Socket'))],
    default: 'OFF',
    guessed: true,
  }),
  setting({
    name: 'SDPEN',
    group: 'socket',
    section: '3.1.7.50',
    label: t('Socket distribution protocol', '套接字分发协议'),
    help: t(
      'ON: serial data is framed (55 FD AA …) to choose the socket it goes to, and network data arrives framed with its socket. Plain data is no longer passed through. Takes effect after restart.',
      'ON：串口数据须按协议帧（55 FD AA …）指定发往的 Socket，网络数据也带帧头标明来源；普通数据不再透传。重启后生效。',
    ),
    params: [onOff(t('Distribution protocol', '套接字分发协议'))],
    default: 'OFF',
    guessed: true,
  }),
];

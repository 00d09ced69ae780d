/**
 * What the app says about the links after an apply (link-proof/): the report's summary, one line per
 * socket with the reason when it is down, and what the virtual server received. Terms follow the manual's
 * Chinese (注册包, 心跳包).
 */
import type { Text } from '../../protocol/types';
import { plural } from '../i18n/plural';

const t = (en: string, zh: string): Text => ({ en, zh });

export const LINK_PROOF = {
  heading: t('Links after the apply', '写入后的连接情况'),
  checking: t(
    'Settings written and read back. Checking that the sockets connect (up to {s} s)…',
    '参数已写入并回读确认。正在检查 Socket 能否连接（最长 {s} 秒）…',
  ),
  checkingProgress: t('{done} of {total} connected so far', '目前已连接 {done}/{total}'),
  stop: t('Stop checking', '停止检查'),
  /** Summaries, after `S.changes.allApplied` when every link is up. */
  up: plural(
    t('Socket {list} is connected.', 'Socket {list} 已连接。'),
    t('Sockets {list} are connected.', 'Socket {list} 已连接。'),
  ),
  downOne: t(
    'Settings applied — socket {s} could not connect: {cause}.',
    '参数已写入——Socket {s} 无法连接：{cause}。',
  ),
  downMany: t(
    'Settings applied — sockets {list} could not connect (the reasons are below).',
    '参数已写入——Socket {list} 无法连接（原因见下方）。',
  ),
  failed: t(
    'Settings applied, but the links could not be checked: {error}',
    '参数已写入，但无法检查连接：{error}',
  ),
  stopped: t(
    'Settings applied. The link check was stopped, so it is not proven that the sockets connect.',
    '参数已写入。连接检查已停止，尚未确认 Socket 能否连接。',
  ),
  /** One line per socket. */
  socket: t('Socket {s}', 'Socket {s}'),
  upAfter: t('connected after {time} s', '{time} 秒后已连接'),
  upAfterRestart: t('connected {time} s after the restart', '重启后 {time} 秒已连接'),
  down: t('not connected: {cause}', '未连接：{cause}'),
  onDemand: t(
    'short connection: connects only when serial data arrives (not checked)',
    '短连接：串口有数据时才连接（未检查）',
  ),
  waiting: t('checking…', '检查中…'),
  cause: {
    refused: t('the server refused the connection', '服务器拒绝连接'),
    dns: t('the name {host} does not resolve (DNS)', '域名 {host} 无法解析（DNS）'),
    'no-answer': t('the server does not answer', '服务器无应答'),
    dropped: t('the server closed the connection', '服务器断开了连接'),
    'no-network': t('no mobile network', '没有移动网络'),
    'no-service': t('no mobile network service', '没有移动网络服务'),
    'weak-signal': t('the signal is too weak', '信号太弱'),
    weakSignalDbm: t('the signal is too weak ({dbm} dBm)', '信号太弱（{dbm} dBm）'),
    'server-unreachable': t('the server could not be reached', '无法连接服务器'),
  },
  advice: {
    refused: t(
      'Check the port number, and that the server program is running and accepts connections.',
      '请检查端口号，并确认服务器程序正在运行且接受连接。',
    ),
    dns: t(
      'Check the spelling of the name, or use the server’s IP address.',
      '请检查域名拼写，或改用服务器的 IP 地址。',
    ),
    'no-answer': t(
      'Check the address, and that a firewall lets connections from the mobile network in.',
      '请检查地址，并确认防火墙允许来自移动网络的连接。',
    ),
    dropped: t(
      'The server closes the connection: check what it expects (registration packet, heartbeat).',
      '服务器主动断开连接：请确认它需要什么（注册包、心跳包）。',
    ),
    'no-network': t(
      'Check the SIM card (inserted, active, with data) and the antenna.',
      '请检查 SIM 卡（已插入、已开通、有流量）和天线。',
    ),
    'no-service': t(
      'Check the SIM card (inserted, active, with data), the APN and the antenna.',
      '请检查 SIM 卡（已插入、已开通、有流量）、APN 和天线。',
    ),
    'weak-signal': t(
      'Move the antenna or the device to get a better signal.',
      '请调整天线或设备位置以改善信号。',
    ),
    'server-unreachable': t(
      'The module cannot tell why: the server refused, did not answer, or its name does not resolve. Check the address and port, that the server runs, and that it can be reached from the mobile network.',
      '模块无法给出原因：可能被服务器拒绝、无应答或域名无法解析。请检查地址和端口、服务器是否运行，以及能否从移动网络访问。',
    ),
  },
  /** What the virtual server received (simulator). */
  seenHeading: t(
    'What the virtual server of socket {s} received (simulator):',
    'Socket {s} 的虚拟服务器收到的数据（模拟器）：',
  ),
  registration: t('Registration packet', '注册包'),
  heartbeat: t('First heartbeat', '首个心跳包'),
  at: t('{time} ({rel} s after the restart)', '{time}（重启后 {rel} 秒）'),
  atNoRestart: t('{time}', '{time}'),
  noRegistration: t('No registration packet', '没有注册包'),
  noHeartbeatYet: t(
    'No heartbeat yet (expected every {s} s without data)',
    '尚无心跳包（无数据时每 {s} 秒一个）',
  ),
  expected: t('expected: {value}', '预期：{value}'),
  matches: t('as expected', '与预期一致'),
  differs: t('differs from what was expected', '与预期不同'),
  /** The dashboard, from the last check. */
  lastCheck: t('Last check {time}: {cause}', '{time} 检查：{cause}'),
};

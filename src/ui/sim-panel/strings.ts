/**
 * Strings of the trainer's simulator panel (`sim-panel/`): who sent what in the world's log, the server
 * cards' address, the cable, the one-click faults and projector mode. Every text in English and Chinese.
 */
import type { Text } from '../../protocol/types';
import type { LinkState } from '../../simulator/core/control';
import type { FaultId } from './faults';
import type { NoteKind } from './world-log';

const t = (en: string, zh: string): Text => ({ en, zh });

export const PANEL = {
  parties: {
    host: t('Serial host', '串口主机'),
    module: t('Module', '模块'),
    server: t('Server {s}', '服务器 {s}'),
    phone: t('Phone', '手机'),
  },
  /** "Serial host → Module" as one label; the arrow reads as "to" for a screen reader. */
  fromTo: t('{from} → {to}', '{from} → {to}'),
  channels: {
    serial: t('serial', '串口'),
    sms: t('SMS', '短信'),
  },
  notDelivered: t('not delivered (no network)', '未送达（无网络）'),
  log: {
    heading: t('What happens, in order', '按时间顺序发生的一切'),
    intro: t(
      'Every byte and event of the simulated world, oldest first: the serial host (the configurator or your serial device), the module, servers A–D and the phone. The module’s serial output is shown as it wrote it, one answer or packet per line.',
      '模拟环境中的每个字节与事件，按时间先后排列：串口主机（配置工具或您的串口设备）、模块、服务器 A–D 与手机。模块的串口输出按其写出的方式显示，每条应答或每个数据包一行。',
    ),
    empty: t('Nothing has happened yet.', '尚未发生任何事情。'),
    older: t('{n} older lines are not shown.', '较早的 {n} 行未显示。'),
    clear: t('Clear the log', '清空记录'),
    label: t('Log of the simulated world', '模拟环境记录'),
  },
  notes: {
    'power-off': t('Power off: all LEDs go dark.', '断电：所有指示灯熄灭。'),
    'power-on': t('Power on: the module boots (about 18 s).', '上电：模块启动中（约 18 秒）。'),
    reboot: t('The module reboots.', '模块重新启动。'),
    'app-restart': t('The module restarts its application (AT+Z).', '模块重启应用程序（AT+Z）。'),
    started: t('The module is up and sends its start message.', '模块已启动，并发送启动信息。'),
    attached: t('Registered on the {network} network.', '已注册到 {network} 网络。'),
    detached: t('The network is gone.', '网络已断开。'),
    'link-up': t('Socket {s} connected to its server.', 'Socket {s} 已连接到服务器。'),
    'link-down': t('Socket {s} is down: {reason}.', 'Socket {s} 已断开：{reason}。'),
    'uart-fault': t(
      'The module’s UART now runs at {baud} bit/s (the host was not told).',
      '模块串口现在以 {baud} bit/s 运行（主机并不知情）。',
    ),
    'uart-back': t(
      'The module’s UART runs at its stored rate, {baud} bit/s.',
      '模块串口恢复为存储的速率 {baud} bit/s。',
    ),
    'cable-out': t('The USB cable was pulled out.', 'USB 数据线已拔出。'),
    'cable-in': t('The USB cable is plugged back in.', 'USB 数据线已重新插上。'),
    factory: t('Factory settings restored.', '已恢复出厂设置。'),
  } satisfies Record<NoteKind, Text>,
  reasons: {
    refused: t('the server refused the connection', '服务器拒绝连接'),
    dns: t('the name does not resolve', '域名无法解析'),
    dropped: t('the server closed the connection', '服务器关闭了连接'),
    idle: t('closed after idle time', '空闲超时关闭'),
    restart: t('the module restarted', '模块已重启'),
    'no-network': t('no network', '无网络'),
    unknown: t('no answer', '无应答'),
  } satisfies Record<string, Text>,
  server: {
    address: t('{host}:{port} ({protocol})', '{host}:{port}（{protocol}）'),
    notEnabled: t('Socket {s} is not enabled', 'Socket {s} 未启用'),
    linkWhy: t('{state} — {reason}', '{state}——{reason}'),
  },
  cable: {
    unplug: t('Unplug the USB cable', '拔出 USB 数据线'),
    plug: t('Plug the cable back in', '重新插上数据线'),
    out: t('Cable: unplugged — the configurator has lost the port.', '数据线：已拔出——配置工具失去了串口。'),
    in: t('Cable: plugged in.', '数据线：已插上。'),
    afterPlug: t('Connect again on the Connect page.', '请在“连接”页面重新连接。'),
  },
  faults: {
    heading: t('Faults (one click)', '故障注入（一键）'),
    intro: t(
      'Each button turns a fault on or off; the state is on the button. The module reacts as a real one would.',
      '每个按钮开启或关闭一种故障，按钮上显示当前状态。模块会像真实设备一样作出反应。',
    ),
    on: t('on', '开'),
    off: t('off', '关'),
    clear: t('Clear all faults', '清除全部故障'),
    none: t('No fault is on.', '未开启任何故障。'),
    active: t('Faults on: {list}', '已开启的故障：{list}'),
    firmware: t('Firmware', '固件'),
    firmwareManual: t('As the manual says', '按手册'),
    names: {
      'no-network': t('Drop the network', '断开网络'),
      'weak-signal': t('Weak signal', '信号弱'),
      'server-refuses': t('Server refuses', '服务器拒绝连接'),
      'server-closes': t('Server closes now', '服务器立即断开'),
      'slow-server': t('Slow server (3 s)', '服务器响应慢（3 秒）'),
      'line-noise': t('Line noise', '线路噪声'),
      'wrong-baud': t('Wrong baud on the cable', '数据线波特率不符'),
    } satisfies Record<FaultId, Text>,
    hints: {
      'no-network': t('The radio loses the network: links go down.', '无线网络断开：所有连接断开。'),
      'weak-signal': t('Signal at {dbm} dBm: barely registered.', '信号 {dbm} dBm：勉强注册。'),
      'server-refuses': t(
        'Every server drops its connection and refuses new ones.',
        '所有服务器断开当前连接并拒绝新连接。',
      ),
      'server-closes': t(
        'Every server closes its connection once; the module reconnects.',
        '所有服务器各断开一次连接，模块会重新连接。',
      ),
      'slow-server': t('Servers echo 3 s late.', '服务器延迟 3 秒回显。'),
      'line-noise': t('About 1 byte in 30 on the serial line is hit.', '串口线上约每 30 个字节有 1 个出错。'),
      'wrong-baud': t(
        'The module runs at {baud} bit/s without telling the configurator: try Detect automatically.',
        '模块改以 {baud} bit/s 运行而不告知配置工具：请尝试“自动检测”。',
      ),
    } satisfies Record<FaultId, Text>,
  },
  projector: {
    toggle: t('Projector mode', '投影模式'),
    hint: t('Large type and high contrast for a classroom.', '大字体、高对比度，适合课堂投影。'),
  },
  links: {
    'no-network': t('waiting for network', '等待网络'),
  } satisfies Partial<Record<LinkState, Text>>,
} as const;

/**
 * The strings of the app shell (title, navigation, connection state and the operation running, transport names): the only ones the
 * start-up bundle needs, apart from strings.ts (every view's strings, loaded with the views). `S` in
 * strings.ts includes these, so views keep using `S.nav`, `S.state`, … as before; the shell and the status
 * pill import `SHELL` directly. Same format and rules as strings.ts.
 */
import { CONTROLS } from '../../protocol/controls';
import type { Text } from '../../protocol/types';
import { plural } from './plural';

const t = (en: string, zh: string): Text => ({ en, zh });

export const SHELL = {
  app: {
    title: t('USR-LTE-7S4 Configurator', 'USR-LTE-7S4 配置工具'),
    subtitle: t(
      'Configure the 4G DTU over USB serial, or try everything on the built-in simulator.',
      '通过 USB 串口配置 4G DTU，或在内置模拟器上体验全部功能。',
    ),
    language: t('Language', '语言'),
    skip: t('Skip to content', '跳到正文'),
    mainNav: t('Views', '视图'),
    loading: t('Loading…', '加载中…'),
    loadFailed: t(
      'This view could not be loaded. Reload the page and try again.',
      '视图加载失败，请刷新页面重试。',
    ),
    close: t('Close', '关闭'),
    cancel: t('Cancel', '取消'),
    copy: t('Copy', '复制'),
    copied: t('Copied', '已复制'),
    help: t('Help', '帮助'),
    manualSection: t('Manual §{section}', '手册 §{section}'),
    notConnected: t(
      'Not connected. Connect to a module or to the simulator first.',
      '未连接。请先连接模块或模拟器。',
    ),
    goConnect: t('Go to Connect', '前往连接'),
    updateReady: t('A new version of the configurator is ready.', '配置工具有新版本可用。'),
    updateNow: t('Reload to update', '重新加载以更新'),
  },
  nav: {
    connect: t('Connect', '连接'),
    dashboard: t('Dashboard', '状态'),
    settings: CONTROLS.settingsView,
    changes: t('Changes', '待写入'),
    terminal: t('Terminal', '终端'),
    tools: t('Tools', '工具'),
    simulator: t('Simulator', '模拟器'),
    pendingBadge: plural(t('{n} pending change', '{n} 项待写入'), t('{n} pending changes', '{n} 项待写入')),
  },
  state: {
    label: t('Connection state', '连接状态'),
    disconnected: t('Not connected', '未连接'),
    opening: t('Opening the port…', '正在打开串口…'),
    booting: t(
      'The simulated module is starting up, as a real one does after power-on…',
      '模拟模块正在启动（与真实模块上电启动一样需要一些时间）…',
    ),
    working: t('Working mode (transparent)', '工作模式（透传）'),
    entering: t('Entering command mode (+++)…', '正在进入指令模式（+++）…'),
    command: t('Command mode', '指令模式'),
    busy: t('{operation}… {percent}%', '{operation}… {percent}%'),
    failed: t('Failed: {error}', '失败：{error}'),
    showHelp: t('What to do', '解决办法'),
    disconnect: CONTROLS.disconnect,
  },
  transport: {
    legend: t('Connect through', '连接方式'),
    serial: t('USB serial (Web Serial)', 'USB 串口（Web Serial）'),
    serialHint: t(
      'A USR-LTE-7S4 on a USB-serial adapter (CH340, CP210x, FTDI…). The browser asks which port to use.',
      '通过 USB 转串口（CH340、CP210x、FTDI 等）连接的 USR-LTE-7S4，浏览器会询问使用哪个串口。',
    ),
    simulator: t('Simulator', '模拟器'),
    simulatorHint: t(
      'The built-in virtual module with its servers, phone and radio. No hardware needed.',
      '内置的虚拟模块，带虚拟服务器、手机和基站，无需硬件。',
    ),
    serialUnavailable: t(
      'Web Serial is not available here, so the simulator is used.',
      '此处无法使用 Web Serial，因此使用模拟器。',
    ),
  },
  operation: {
    detect: t('Detecting the line settings', '正在检测串口参数'),
    identify: t('Reading identity', '正在读取设备信息'),
    status: t('Reading status', '正在读取状态'),
    read: t('Reading settings', '正在读取参数'),
    apply: t('Writing settings', '正在写入参数'),
    links: t('Checking the links', '正在检查连接'),
    manage: t('Running', '正在执行'),
    sms: t('Sending SMS', '正在发送短信'),
    raw: t('Sending', '正在发送'),
  },
} as const;

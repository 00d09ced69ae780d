/** Changes that alter how the module is reached (risky-changes/): what happens, what to do next. */
import type { Text } from '../../protocol/types';

const t = (en: string, zh: string): Text => ({ en, zh });

export const RISKY = {
  heading: t('These changes alter how the module is reached', '以下修改会改变模块的连接方式'),
  uart: {
    title: t('Serial port: {from} → {to}', '串口参数：{from} → {to}'),
    what: t(
      'After the restart the module talks at {to}. The app reconnects at {to} by itself and remembers it for this device.',
      '重启后模块按 {to} 通信。本应用会自动以 {to} 重新连接，并为此设备记住该设置。',
    ),
    next: t(
      'Set the serial device on the other end (PLC, meter, sensor) to {to} as well, or what it sends reaches your server as noise.',
      '请把另一端的串口设备（PLC、仪表、传感器）也设为 {to}，否则它发送的数据到达服务器时会变成乱码。',
    ),
  },
  uartft: {
    title: t('Packing interval: {from} → {to} ms', '打包间隔时间：{from} → {to} ms'),
    what: t(
      'Serial bytes become one packet after {to} ms of silence, and "+++" works only after more than {to} ms of silence. The app uses the new value by itself.',
      '串口数据静默 {to} ms 后成为一个数据包；只有静默超过 {to} ms 后“+++”才有效。本应用会自动使用新值。',
    ),
    next: t(
      'Your serial device must leave more than {to} ms between messages that should arrive as separate packets; other tools must wait that long before "+++".',
      '串口设备的两条消息之间须间隔超过 {to} ms 才会作为不同的数据包发出；其他工具发送“+++”前也须等待这么久。',
    ),
  },
  cmdpw: {
    title: t('Command password changes', '命令密码将改变'),
    what: t(
      'From the restart on, password AT (on the serial port, from a server, by SMS) needs the new password. The app uses it by itself.',
      '重启后，密码 AT 指令（串口、服务器、短信）都需要使用新密码。本应用会自动使用新密码。',
    ),
    next: t(
      'Tell whoever sends commands by SMS or from the server, and keep the new password somewhere safe.',
      '请告知通过短信或服务器发送指令的人员，并妥善保管新密码。',
    ),
  },
  wkmod: {
    title: t('Working mode: {from} → {to}', '工作模式：{from} → {to}'),
    toHttpd: t(
      'In HTTPD mode sockets A–D are closed: each serial frame becomes an HTTP request to the HTTPD server, with no registration or heartbeat packets.',
      'HTTPD 模式下 Socket A~D 关闭：每帧串口数据变为发往 HTTPD 服务器的 HTTP 请求，没有注册包和心跳包。',
    ),
    toNet: t(
      'In NET mode the module connects sockets A–D and forwards serial data to them; HTTP requests stop.',
      'NET 模式下模块连接 Socket A~D 并透传串口数据；不再发送 HTTP 请求。',
    ),
    next: t(
      'The app still reaches the module over this serial port (command mode with "+++").',
      '本应用仍通过此串口（用“+++”进入指令模式）连接模块。',
    ),
  },
  unknown: t('unknown', '未知'),
  confirm: t('I have read what changes and what to do next', '我已了解以上变化及后续操作'),
  needConfirm: t('Tick the box above to write these changes.', '请先勾选上方的确认框再写入。'),
};

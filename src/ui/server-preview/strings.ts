/** "What your server will see" (server-preview/): terms of manual 2.2.2, 2.3.1, 2.3.2. */
import type { Text } from '../../protocol/types';

const t = (en: string, zh: string): Text => ({ en, zh });

export const SERVER_PREVIEW = {
  heading: t('What your server will see', '服务器将收到什么'),
  intro: t(
    'As the module will run after the write and its restart: the device’s values with your changes.',
    '写入并重启后模块的实际行为：设备当前值加上您的修改。',
  ),
  changes: t('changes', '有变化'),
  sockets: t('Connections', '连接'),
  socket: t('Socket {s} → {host} port {port} ({protocol})', 'Socket {s} → {host} 端口 {port}（{protocol}）'),
  short: t('short connection: only while serial data flows', '短连接：仅在串口有数据时连接'),
  noSockets: t(
    'No socket is on: nothing is sent to a server.',
    '没有启用的 Socket：不会向服务器发送任何数据。',
  ),
  httpd: t(
    'HTTPD mode: each serial frame becomes an HTTP request to {server}; there is no registration or heartbeat packet.',
    'HTTPD 模式：每帧串口数据变为发往 {server} 的 HTTP 请求；没有注册包和心跳包。',
  ),
  registration: t('Registration packet', '注册包'),
  registrationOff: t('Off: the server gets no registration packet.', '关闭：服务器不会收到注册包。'),
  onConnect: t(
    'Sent once, each time a socket connects (REGSND=LINK).',
    '每次建立连接时发送一次（REGSND=LINK）。',
  ),
  everyPacket: t(
    'Put in front of every data packet (REGSND=DATA).',
    '作为每包数据的开头发送（REGSND=DATA）。',
  ),
  content: t('Content ({type})', '内容（{type}）'),
  contentPlain: t('Content', '内容'),
  hex: t('hex', '十六进制'),
  unknownIccid: t(
    'the SIM’s ICCID as 20 ASCII digits (read the device’s identity on the dashboard to see it)',
    'SIM 卡 ICCID，20 位 ASCII 数字（在“设备状态”读取设备信息后可见）',
  ),
  unknownImei: t(
    'the module’s IMEI as 15 ASCII digits (read the device’s identity on the dashboard to see it)',
    '模块 IMEI，15 位 ASCII 数字（在“设备状态”读取设备信息后可见）',
  ),
  cloudNote: t(
    'USR Cloud: the 20-digit device ID, then the 8-character password.',
    '透传云：20 位设备 ID，后接 8 位通讯密码。',
  ),
  d2d: t(
    'D2D registration id (its bytes are not given by the manual).',
    'D2D 注册 ID（手册未给出其字节内容）。',
  ),
  heartbeat: t('Heartbeat packet', '心跳包'),
  heartbeatOff: t('Off: no heartbeat packets.', '关闭：不发送心跳包。'),
  toServer: t(
    'Sent to the server whenever no data has passed for {s} s (HEARTTM).',
    '网络无数据超过 {s} 秒时发往服务器（HEARTTM）。',
  ),
  toSerial: t(
    'Sent to your serial device, not to the server, whenever the network has been quiet for {s} s (HEARTSND=COM).',
    '网络无数据超过 {s} 秒时发往串口设备，而不是服务器（HEARTSND=COM）。',
  ),
  framing: t('Serial data to packets', '串口数据打包'),
  framingText: t(
    'Serial bytes are sent as one packet after {ms} ms of silence or {bytes} bytes, whichever comes first (UARTFT, UARTFL).',
    '串口数据在静默 {ms} ms 后或满 {bytes} 字节时（先到者为准）作为一个数据包发出（UARTFT、UARTFL）。',
  ),
};

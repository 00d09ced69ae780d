/** Manual table 14: serial-port commands (3.1.7.20–3.1.7.23, table 2) and the APN (3.1.7.24). */
import type { CommandEntry, ParamType } from '../types';
import { onOff, param, setting, t } from './define';

/** Table 2 / 3.1.7.20. */
export const BAUD_RATES: readonly number[] = [
  300, 600, 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400,
];

/** APN fields: ASCII, escaped; 62 bytes (docs/catalogue-decisions.md). */
function apnText(minBytes: number): ParamType {
  return { kind: 'text', minBytes, maxBytes: 62, charset: 'ascii', escaped: true };
}

export const SERIAL: readonly CommandEntry[] = [
  setting({
    name: 'UART',
    group: 'serial',
    section: '3.1.7.20',
    label: t('Serial port', '串口参数'),
    help: t(
      'Baud rate, data bits (7/8), stop bits (1/2), parity (NONE/ODD/EVEN); the last field is always NFC (no flow control). After the restart the module talks in the new format: set your own port to match or you lose contact.',
      '波特率、数据位（7/8）、停止位（1/2）、校验（NONE/ODD/EVEN），最后一项固定填 NFC（无流控）。重启后模块按新参数通信，上位机串口须同步修改，否则无法通信。',
    ),
    params: [
      param('baud', { kind: 'int', min: 300, max: 230400, allowed: BAUD_RATES }, t('Baud rate', '波特率')),
      param('dataBits', { kind: 'int', min: 7, max: 8, allowed: [7, 8] }, t('Data bits', '数据位')),
      param('stopBits', { kind: 'int', min: 1, max: 2, allowed: [1, 2] }, t('Stop bits', '停止位')),
      param('parity', { kind: 'enum', values: ['NONE', 'ODD', 'EVEN'] }, t('Parity', '校验位')),
      param(
        'flowControl',
        { kind: 'enum', values: ['NFC'] },
        t('Flow control', '流控'),
        t('Always NFC (no flow control).', '固定为 NFC（无流控）。'),
      ),
    ],
    default: '115200,8,1,NONE,NFC',
    guessed: true,
  }),
  setting({
    name: 'UARTFT',
    group: 'serial',
    section: '3.1.7.21',
    label: t('Packing interval', '打包间隔时间'),
    help: t(
      'A gap of at least this many ms between two serial bytes ends a frame, which is sent as one TCP/UDP packet. Also the silence the host must keep before "+++". 50–60000 ms, factory 50.',
      '串口相邻两字节间隔达到该时间即认为一帧结束，作为一个 TCP/UDP 包发出；也是发送“+++”前必须保持的静默时间。50~60000 ms，出厂 50。',
    ),
    params: [
      param('time', { kind: 'int', min: 50, max: 60000, unit: 'ms' }, t('Packing interval', '打包间隔时间')),
    ],
    default: '50',
  }),
  setting({
    name: 'UARTFL',
    group: 'serial',
    section: '3.1.7.22',
    label: t('Packing length', '打包长度'),
    help: t(
      'A frame is sent as soon as this many serial bytes have arrived, even without a gap. 1–1024 bytes, factory 1024.',
      '串口收到这么多字节即作为一帧发出，即使没有间隔。1~1024 字节，出厂 1024。',
    ),
    params: [
      param('length', { kind: 'int', min: 1, max: 1024, unit: 'bytes' }, t('Packing length', '打包长度')),
    ],
    default: '1024',
  }),
  setting({
    name: 'RFCEN',
    group: 'serial',
    section: '3.1.7.23',
    label: t('RFC2217-like serial control', '类 RFC2217 功能'),
    help: t(
      'ON: a server can change the serial format with an 8-byte frame (55 AA 55 …, manual 2.2.3). Such changes are temporary and lost on restart.',
      'ON：服务器可用 8 字节协议帧（55 AA 55 …，手册 2.2.3）修改串口参数，修改是临时的，重启后恢复。',
    ),
    params: [onOff(t('RFC2217-like control', '类 RFC2217'))],
    default: 'OFF',
    guessed: true,
  }),
  setting({
    name: 'APN',
    group: 'network',
    section: '3.1.7.24',
    label: t('APN', 'APN'),
    help: t(
      "Access point of the SIM's operator, with user name and password when the operator needs them (otherwise leave them empty). China Mobile CMNET, China Unicom 3GNET, China Telecom CTNET; IoT SIMs often have their own APN.",
      'SIM 卡运营商的接入点，运营商要求时填写用户名和密码（否则留空）。移动 CMNET，联通 3GNET，电信 CTNET；物联网卡常有专用 APN。',
    ),
    params: [
      param('apn', apnText(1), t('APN name', 'APN 名称')),
      param('user', apnText(0), t('APN user name', 'APN 用户名')),
      param('password', apnText(0), t('APN password', 'APN 密码'), undefined, true),
    ],
    default: 'CMNET,,',
    guessed: true,
  }),
];

/** Manual table 14: management, configuration and information commands (3.1.7.1–3.1.7.19). */
import type { CommandEntry } from '../types';
import { action, onOff, param, query, setting, t } from './define';

export const MANAGEMENT: readonly CommandEntry[] = [
  action({
    name: '',
    group: 'management',
    section: '3.1.7.1',
    label: t('Test (AT)', '测试指令 (AT)'),
    help: t(
      'Checks that the module is in command mode and answering: it replies OK and changes nothing.',
      '测试设备是否处于指令模式并能应答：回复 OK，不改变任何设置。',
    ),
  }),
  action({
    name: 'H',
    group: 'management',
    section: '3.1.7.2',
    label: t('Help', '帮助信息'),
    help: t(
      "Prints the firmware's own list of AT commands — shows which commands this firmware version knows.",
      '输出固件自带的指令帮助，可用来查看当前固件版本支持哪些指令。',
    ),
  }),
  action({
    name: 'Z',
    group: 'management',
    section: '3.1.7.3',
    label: t('Restart application', '软件重启'),
    help: t(
      'Restarts the application only (fast). Stored settings take effect and the module returns to its working mode. Not enough after a firmware upgrade: use AT+REBOOT then.',
      '只重启应用程序，速度快。已保存的参数生效，模块回到工作模式。固件升级后不能用它，须用 AT+REBOOT。',
    ),
  }),
  action({
    name: 'REBOOT',
    group: 'management',
    section: '3.1.7.4',
    label: t('Reboot device', '设备重启'),
    help: t(
      'Full system reboot, the same as a power cycle; slower than AT+Z. Required after AT+UPDATE.',
      '系统完全重启，等同重新上电，比 AT+Z 慢。AT+UPDATE 升级后必须用它。',
    ),
  }),
  setting({
    name: 'E',
    group: 'management',
    section: '3.1.7.5',
    label: t('Command echo', '指令回显'),
    help: t(
      'ON: in command mode the module sends each command back before its reply. Takes effect at once (no restart) and is stored.',
      'ON：指令模式下模块先回送收到的指令再应答。立即生效（无需重启），并保存。',
    ),
    params: [onOff(t('Echo', '回显'))],
    default: 'ON',
    guessed: true,
  }),
  action({
    name: 'ENTM',
    group: 'management',
    section: '3.1.7.6',
    label: t('Leave command mode', '退出指令模式'),
    help: t(
      'Returns to the previous working mode (NET or HTTPD) without a restart. Settings changed meanwhile are stored but take effect only after AT+Z or AT+REBOOT.',
      '不重启，回到之前的工作模式（NET 或 HTTPD）。期间修改的参数已保存，但要 AT+Z 或 AT+REBOOT 后才生效。',
    ),
  }),
  setting({
    name: 'WKMOD',
    group: 'management',
    section: '3.1.7.7',
    label: t('Working mode', '工作模式'),
    help: t(
      'NET: transparent transmission between the serial port and up to four TCP/UDP client sockets. HTTPD: each serial frame becomes an HTTP request to the HTTPD server (HTP… settings) and the reply goes back to the serial port. Takes effect after restart.',
      'NET：网络透传，串口与最多四路 TCP/UDP Client 之间透明传输。HTTPD：串口数据按 HTTP 请求发往 HTTPD 服务器（HTP… 参数），回复送回串口。重启后生效。',
    ),
    params: [param('mode', { kind: 'enum', values: ['NET', 'HTTPD'] }, t('Mode', '模式'))],
    default: 'NET',
    guessed: true,
  }),
  setting({
    name: 'CMDPW',
    group: 'management',
    section: '3.1.7.8',
    label: t('Command password', '命令密码'),
    help: t(
      'Prefix for AT commands sent without entering command mode: "<password>AT+VER" + CR on the serial port, from a server over a socket, or by SMS. 1–10 ASCII characters; factory value usr.cn. Whoever knows it can reconfigure the module remotely.',
      '不进入指令模式时发送 AT 指令的前缀：串口、服务器（经 Socket）或短信发送“密码AT+VER”加回车。1~10 个 ASCII 字符，出厂为 usr.cn。知道密码的人都能远程修改模块参数。',
    ),
    params: [
      param(
        'password',
        { kind: 'text', minBytes: 1, maxBytes: 10, charset: 'ascii', escaped: true },
        t('Command password', '命令密码'),
        undefined,
        true,
      ),
    ],
    default: 'usr.cn',
  }),
  setting({
    name: 'STMSG',
    group: 'management',
    section: '3.1.7.9',
    label: t('Start-up message', '启动信息'),
    help: t(
      'Text the module prints on the serial port when it has booted. 1–20 ASCII characters; write , = ? as [2C] [3D] [3F].',
      '设备上电启动后主动从串口输出的信息。1~20 个 ASCII 字符；, = ? 须写成 [2C] [3D] [3F]。',
    ),
    params: [
      param(
        'message',
        { kind: 'text', minBytes: 1, maxBytes: 20, charset: 'ascii', escaped: true },
        t('Start-up message', '启动信息'),
      ),
    ],
    default: 'USR-LTE-7S4',
    guessed: true,
  }),
  query({
    name: 'CSQ',
    group: 'management',
    section: '3.1.7.11',
    label: t('Signal strength', '信号强度'),
    help: t(
      'Reply "rssi,…,ber". GSM rssi 0–31: 0 ≤ −113 dBm, 2–30 = −109…−53 dBm, 31 ≥ −53 dBm. TD and LTE values are offset by 100 (LTE 101–196 = −140…−45 dBm, 197 ≥ −44 dBm). 99 = unknown. ber (0–7) only means something on GSM.',
      '回复“rssi,…,ber”。GSM rssi 0~31：0 ≤ −113 dBm，2~30 = −109…−53 dBm，31 ≥ −53 dBm。TD、LTE 制式数值加了 100（LTE 101~196 = −140…−45 dBm，197 ≥ −44 dBm）。99 表示未知。ber（0~7）只在 GSM 下有效。',
    ),
  }),
  setting({
    name: 'RSTIM',
    group: 'management',
    section: '3.1.7.10',
    label: t('Auto-restart time', '自动重启时间'),
    help: t(
      'The module restarts itself when no data has come from the network for this many seconds — a watchdog against a silently dead link. 0 = off, otherwise 60–65535 s. Takes effect after restart.',
      '网络端超过这么多秒没有数据下发时，模块自动重启，用来防止链路假死。0 = 关闭，否则 60~65535 秒。重启后生效。',
    ),
    params: [
      param(
        'time',
        { kind: 'int', min: 60, max: 65535, unit: 's', alsoAllowed: [0] },
        t('Auto-restart time', '自动重启时间'),
      ),
    ],
    default: '1800',
    guessed: true,
  }),
  query({
    name: 'SYSINFO',
    group: 'management',
    section: '3.1.7.12',
    label: t('Network information', '联网信息'),
    help: t(
      'Reply "state,net". state: 0 no service, 1 limited, 2 in service, 3 limited regional, 4 power saving. net: No Network, GSM/GPRS, WCDMA, TD-SCDMA or LTE.',
      '回复“state,net”。state：0 无服务，1 有限制服务，2 有服务，3 有限制区域服务，4 省电。net：No Network、GSM/GPRS、WCDMA、TD-SCDMA 或 LTE。',
    ),
  }),
  action({
    name: 'RELD',
    group: 'config',
    section: '3.1.7.13',
    label: t('Restore user defaults', '恢复用户默认设置'),
    help: t(
      'Restores the settings last saved with AT+CFGTF, then restarts the module.',
      '恢复为上次用 AT+CFGTF 保存的参数，然后重启模块。',
    ),
  }),
  action({
    name: 'CLEAR',
    group: 'config',
    section: '3.1.7.14',
    label: t('Restore factory defaults', '恢复出厂设置'),
    help: t(
      'Restores the original factory settings, then restarts: sockets, APN, registration data and the command password (back to usr.cn) are lost. Same as holding Reload low for 3–15 s after power-up.',
      '恢复原始出厂参数并重启：Socket、APN、注册包数据和命令密码（恢复为 usr.cn）都会丢失。等同上电后拉低 Reload 引脚 3~15 秒。',
    ),
  }),
  action({
    name: 'CFGTF',
    group: 'config',
    section: '3.1.7.15',
    label: t('Save as user defaults', '保存为用户默认设置'),
    help: t(
      'Saves the current settings as the user defaults that AT+RELD restores. Does not restart.',
      '把当前参数保存为用户默认参数，供 AT+RELD 恢复。不会重启。',
    ),
  }),
  query({
    name: 'VER',
    group: 'info',
    section: '3.1.7.16',
    label: t('Firmware version', '固件版本'),
    help: t('Firmware version of the module.', '模块的固件版本号。'),
  }),
  query({
    name: 'SN',
    group: 'info',
    section: '3.1.7.17',
    label: t('Serial number', 'SN 码'),
    help: t('Serial number of the module, as on its label.', '模块的 SN 码，与标签一致。'),
  }),
  query({
    name: 'ICCID',
    group: 'info',
    section: '3.1.7.18',
    label: t('SIM ICCID', 'SIM 卡 ICCID'),
    help: t(
      "The SIM card's unique number (usually 20 digits); changes when the SIM is swapped.",
      'SIM 卡的唯一识别码（一般 20 位），换卡后改变。',
    ),
  }),
  query({
    name: 'IMEI',
    group: 'info',
    section: '3.1.7.19',
    label: t('IMEI', 'IMEI 码'),
    help: t(
      "The radio's unique number (15 digits); stays the same whatever SIM is inserted.",
      '模块内上网模组的唯一识别码（15 位），与所插 SIM 卡无关。',
    ),
  }),
];

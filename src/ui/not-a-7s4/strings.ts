/**
 * The help for a device that answers, but not as a USR-LTE-7S4 (session error `not-a-7s4`: OK to
 * everything, another command's answer, only an echo). The session's own text says what it saw; this says
 * what the person can check.
 */
import type { Text } from '../../protocol/types';

const t = (en: string, zh: string): Text => ({ en, zh });

export const NOT_A_7S4 = {
  kind: t('This is not a USR-LTE-7S4', '这不是 USR-LTE-7S4'),
  heading: t('What else it may be', '可能是什么'),
  wrongPort: t(
    'Another port or device: a second USB-serial adapter, a GPS, a modem or a PLC also answers. Unplug the DTU’s adapter and see which port disappears.',
    '其他串口或设备：另一个 USB 转串口、GPS、调制解调器或 PLC 也会应答。拔下 DTU 的转接线，看看哪个串口消失了。',
  ),
  loopback: t(
    'A loopback: a test plug, TX joined to RX, or an adapter with nothing connected that echoes what it receives.',
    '回环：测试插头、TX 与 RX 短接，或者未接设备却把收到的数据原样发回的转接线。',
  ),
  otherProduct: t(
    'Another product: other USR modules (G786, G761w, WIFI232 …) and other brands use other commands and answers; this configurator is for the USR-LTE-7S4 only.',
    '其他产品：其他有人模块（G786、G761w、WIFI232 等）和其他品牌的指令与应答不同；本配置工具仅适用于 USR-LTE-7S4。',
  ),
  firmware: t(
    'Firmware that misbehaves: if it is a USR-LTE-7S4, power it off and on, and ask the supplier about its firmware version.',
    '固件异常：如果确实是 USR-LTE-7S4，请断电重启，并向供应商咨询其固件版本。',
  ),
} as const;

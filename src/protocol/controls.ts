/**
 * The names of the configurator's controls, in both languages. Advice written by the session and the
 * transports ("try Detect automatically") and the buttons and fields the UI shows read them from here, so the
 * advice names each control exactly as the person sees it.
 */
import type { Text } from './types';

const t = (en: string, zh: string): Text => ({ en, zh });

export const CONTROLS = {
  connect: t('Connect', '连接'),
  disconnect: t('Disconnect', '断开连接'),
  autoDetect: t('Detect automatically', '自动检测'),
  readAll: t('Read from device', '从设备读取'),
  settingsView: t('Settings', '参数设置'),
  packingInterval: t('Packing interval (UARTFT)', '打包间隔（UARTFT）'),
  packingLength: t('Packing length (UARTFL)', '打包长度（UARTFL）'),
  commandPassword: t('Command password (CMDPW)', '指令密码（CMDPW）'),
  passwordAccess: t('Password AT (stay in working mode)', '密码 AT（保持工作模式）'),
  rawMode: t('Raw mode', '原始模式'),
} as const satisfies Record<string, Text>;

/** `"Detect automatically"` / `“自动检测”`: a control's name quoted for a sentence. */
export function quoteControl(control: Text): Text {
  return { en: `"${control.en}"`, zh: `“${control.zh}”` };
}

/** The preset library's words (presets/), in English and Chinese. */
import type { Text } from '../../protocol/types';

const t = (en: string, zh: string): Text => ({ en, zh });

export const PRESET_TEXT = {
  heading: t('Start from a preset', '从预设开始'),
  intro: t(
    'Configurations from the manual’s examples (chapters 2.1–2.3). A preset opens in the same review as a shared link: nothing is saved or written until you choose.',
    '来自手册示例（第 2.1–2.3 章）的配置。预设会像分享链接一样先打开预览：在你选择之前不会保存或写入任何内容。',
  ),
  review: t('Review', '查看'),
  opening: t('Opening…', '正在打开…'),
  settings: t('{n} settings', '{n} 项参数'),
  manual: t('Manual {section}', '手册 {section}'),
  presetSuffix: t('(preset)', '（预设）'),
  sms: {
    title: t('SMS transparent mode', '短信透传模式'),
    body: t(
      'Not on this module: the USR-LTE-7S4 works in network transparent (NET) or HTTPD mode only (AT+WKMOD, manual 2.1), so there is nothing to set. In either mode it answers SMS AT commands (the command password and an AT command by SMS, manual 3.1.5) and sends SMS with AT+SMSEND.',
      '本模块没有该模式：USR-LTE-7S4 只有网络透传（NET）和 HTTPD 两种工作模式（AT+WKMOD，手册 2.1），因此无需设置。两种模式下模块都能响应短信 AT 指令（用短信发送“命令密码 + AT 指令”，手册 3.1.5），并可用 AT+SMSEND 发送短信。',
    ),
    tools: t('Send an SMS (Tools)', '发送短信（工具）'),
  },
  shareOnlyChanged: t(
    'Leave out the {n} settings at their factory value (a device it is applied to keeps its own for them)',
    '不包含处于出厂值的 {n} 项参数（写入设备时这些参数保持设备原值）',
  ),
} as const;

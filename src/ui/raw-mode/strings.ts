import type { Text } from '../../protocol/types';

const t = (en: string, zh: string): Text => ({ en, zh });

export const RAW_MODE = {
  explain: t(
    'Every key goes to the module the moment you press it, exactly as typed (Enter sends CR); the configurator adds no timing of its own. In working mode that is data for the server: type +++ quickly after a pause to enter command mode by hand.',
    '每个按键按下即原样发送给模块（回车发送 CR），配置工具不做任何时间控制。工作模式下这些都是发往服务器的数据：停顿片刻后快速输入 +++ 可手动进入指令模式。',
  ),
  input: t('Type here: each key is sent at once', '在此输入：每个按键立即发送'),
  failed: t('Not sent: {error}', '未发送：{error}'),
} as const;

import type { Text } from '../../protocol/types';

export const RESTART_NOTICE: Text = {
  en: 'The module restarted (power cycle or scheduled restart) and is back in working mode. The next read enters command mode again.',
  zh: '模块已重启（断电重启或定时重启），现已回到工作模式。下次读取时会重新进入指令模式。',
};

/**
 * What the Connect view says about "Detect automatically": how it searches, and that at a wrong baud rate
 * the module receives bytes that, in working mode, reach the server as noise.
 */
import type { Text } from '../../protocol/types';

const t = (en: string, zh: string): Text => ({ en, zh });

export const AUTO_DETECT = {
  hint: t(
    'Tries the likely baud rates first (the one last used with this device, then 115200 and 9600), then the others, until the module answers. At a wrong rate the module receives garbled bytes: in working mode they reach your server as noise.',
    '先尝试最可能的波特率（此设备上次使用的、115200、9600），再依次尝试其余波特率，直到模块应答。波特率不对时模块收到的是乱码：在工作模式下，这些字节会作为杂乱数据发到您的服务器。',
  ),
  running: t(
    'Detecting the baud rate… At each wrong rate, a few garbled bytes may reach your server as noise.',
    '正在检测波特率…每试一个错误的波特率，都可能有几个乱码字节作为杂乱数据发到您的服务器。',
  ),
} as const;

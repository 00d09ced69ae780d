/** What the screen says about where a device value came from (device-model/), in English and Chinese. */
import type { Text } from '../../protocol/types';

const t = (en: string, zh: string): Text => ({ en, zh });

export const MODEL = {
  /** Small markers next to a setting's value. */
  marker: {
    read: t('read {time}', '{time} 读取'),
    readTerminal: t('read in the terminal {time}', '{time} 在终端读取'),
    set: t('written {time}, not read back yet', '{time} 写入，尚未回读'),
    setTerminal: t(
      'set in the terminal {time}: accepted by the module, not read back yet',
      '{time} 在终端设置：模块已接受，尚未回读',
    ),
    stale: t(
      'may have changed since {time} ({why}): read again',
      '{time} 之后可能已变化（{why}）：请重新读取',
    ),
  },
  /** Why every value may have changed. */
  why: {
    reload: t('AT+RELD restored the user defaults', 'AT+RELD 恢复了用户默认参数'),
    factory: t('AT+CLEAR restored the factory settings', 'AT+CLEAR 恢复了出厂设置'),
    update: t('firmware update', '固件升级'),
    restarted: t(
      'the module restarted by itself: a power cycle, or the Reload pin, which restores the factory settings',
      '模块自行重启：可能是断电重启，也可能是 Reload 键恢复了出厂设置',
    ),
  },
  summary: {
    readAt: t('Last read at {time}.', '最后读取于 {time}。'),
    notReadYet: t('Nothing has been read from the device yet.', '尚未从设备读取任何参数。'),
    offline: t(
      'Not connected: these are the values as last known at {time}, not live.',
      '未连接：以下是 {time} 时最后已知的值，并非实时值。',
    ),
    notReadBack: t(
      'Accepted by the module but not read back yet: {list}. Read again to be sure.',
      '模块已接受但尚未回读：{list}。请重新读取以确认。',
    ),
    stale: t(
      'Every value may have changed since {time}: {why}. Read again.',
      '{time} 之后所有参数可能已变化：{why}。请重新读取。',
    ),
    readNow: t('Read again', '重新读取'),
    reading: t('Reading…', '正在读取…'),
  },
  /** Saving the device's configuration as a profile while some values are not proven. */
  save: {
    heading: t('Some values were not read back', '部分参数尚未回读'),
    body: t(
      'The profile would hold these values as the app last knew them, not as read from the module: {list}.',
      '档案中的这些参数将是应用最后已知的值，而不是从模块读取的值：{list}。',
    ),
    readFirst: t('Read the device first', '先读取设备'),
    saveMarked: t('Save anyway, with a note', '仍然保存（附备注）'),
    noteLine: t('Not read back when saved: {list}.', '保存时尚未回读：{list}。'),
    onlyChanged: t(
      'The new profile holds only the {n} settings that differ from the factory defaults; settings it does not hold are left as they are on a device it is applied to. “Include every setting (device values)” adds the others.',
      '新档案只包含与出厂默认值不同的 {n} 项参数；写入设备时，档案未包含的参数保持设备原值。点击“包含全部参数（使用设备值）”可加入其余参数。',
    ),
  },
  compare: {
    note: t(
      'Compared with the device’s values as the app knows them; not all were read from it:',
      '比较所用的是应用已知的设备参数，并非全部读自设备：',
    ),
  },
} as const;

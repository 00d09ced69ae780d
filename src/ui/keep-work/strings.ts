/** What the screen says about keeping the person's work over a reload (keep-work/), in English and Chinese. */
import type { Text } from '../../protocol/types';

const t = (en: string, zh: string): Text => ({ en, zh });

export const KEEP = {
  restored: t(
    'Your {n} unapplied edits from {time} are back. They are kept in this browser until you apply or revert them.',
    '已恢复你在 {time} 未写入的 {n} 项修改。它们会保存在本浏览器中，直到你写入或撤销。',
  ),
  restoredOne: t(
    'Your unapplied edit from {time} is back. It is kept in this browser until you apply or revert it.',
    '已恢复你在 {time} 未写入的修改。它会保存在本浏览器中，直到你写入或撤销。',
  ),
  dismiss: t('OK', '知道了'),
  secretsInMemory: t(
    'Edits that hold a password or credential ({list}) stay in this page only: a reload or closing the tab forgets them. Other edits are kept in this browser.',
    '包含密码或凭据的修改（{list}）只保留在本页面中：重新加载或关闭标签页后会丢失。其他修改会保存在本浏览器中。',
  ),
} as const;

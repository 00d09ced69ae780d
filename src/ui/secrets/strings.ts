/**
 * Strings of the secrets feature (profiles holding passwords, encryption, exports, the privacy panel,
 * the framing refusal), `Text {en, zh}` pairs with `{name}` placeholders as in i18n/strings.ts. The
 * framing message is in `framing.ts` so the start-up bundle does not carry these.
 */
import type { Text } from '../../protocol/types';

const t = (en: string, zh: string): Text => ({ en, zh });

export const SEC = {
  card: {
    clear: t(
      'Holds passwords, saved in this browser in clear: {list}.',
      '含有密码，以明文保存在本浏览器中：{list}。',
    ),
    sealed: t('Passwords locked with a passphrase: {list}.', '已用口令加密锁定的密码：{list}。'),
    unlocked: t(
      'Unlocked for this page: apply, share and export use them until you lock or leave.',
      '已在本页解锁：在锁定或离开前，写入、分享和导出都会使用它们。',
    ),
    remove: t('Remove passwords', '删除密码'),
    encrypt: t('Encrypt…', '加密…'),
    unlock: t('Unlock…', '解锁…'),
    lock: t('Lock', '锁定'),
    removed: t('Passwords removed from “{name}”.', '已从“{name}”删除密码。'),
    encrypted: t('Passwords of “{name}” are now encrypted.', '“{name}”的密码已加密。'),
    confirmRemove: t(
      'Remove {list} from “{name}”? The device keeps its own values when this profile is applied.',
      '从“{name}”中删除{list}？写入此配置档案时，设备将保留其自身的值。',
    ),
  },
  pass: {
    label: t('Passphrase', '口令'),
    hint: t(
      'At least 8 characters. It is never stored: without it the encrypted passwords cannot be read, by anyone.',
      '至少 8 个字符。口令不会被保存：没有它，任何人都无法读取加密的密码。',
    ),
    repeat: t('Repeat the passphrase', '再次输入口令'),
    tooShort: t('The passphrase needs at least 8 characters.', '口令至少需要 8 个字符。'),
    mismatch: t('The two passphrases differ.', '两次输入的口令不一致。'),
    working: t('Working… (deriving the key takes a moment)', '处理中…（生成密钥需要片刻）'),
    submitEncrypt: t('Encrypt passwords', '加密密码'),
    submitUnlock: t('Unlock', '解锁'),
    cancel: t('Cancel', '取消'),
  },
  save: {
    heading: t('This profile holds passwords: {list}', '此配置档案含有密码：{list}'),
    legend: t('Keep them in this browser?', '是否在本浏览器中保存这些密码？'),
    clear: t(
      'Keep them in clear (anyone using this browser profile can read them)',
      '以明文保存（使用此浏览器配置的任何人都能读取）',
    ),
    sealed: t('Encrypt them with a passphrase', '用口令加密保存'),
    none: t('Don’t keep them (the device keeps its own when applied)', '不保存（写入时设备保留其自身的值）'),
    sealedKept: t(
      'Passwords already locked in this profile stay locked: {list}.',
      '此配置档案中已加密锁定的密码保持不变：{list}。',
    ),
  },
  exp: {
    heading: t('Export {what}', '导出{what}'),
    json: t('JSON file', 'JSON 文件'),
    script: t('AT script', 'AT 脚本'),
    withheld: t(
      'Left out, because they hold passwords or credentials: {list}. The device keeps its own values for them.',
      '以下参数含有密码或凭据，已排除：{list}。设备将保留其自身的值。',
    ),
    include: t('Include passwords and credentials in the file', '在文件中包含密码和凭据'),
    includeWarning: t(
      'The file will hold {list} in clear. Anyone who gets the file can read them.',
      '文件将以明文包含{list}。任何拿到该文件的人都能读取。',
    ),
    locked: t(
      'Passwords locked with a passphrase are not exported: unlock the profile first to include them.',
      '已加密锁定的密码不会导出：如需包含，请先解锁配置档案。',
    ),
    download: t('Download', '下载'),
    cancel: t('Cancel', '取消'),
  },
  panel: {
    heading: t('Passwords and privacy', '密码与隐私'),
    intro: t(
      'What this app keeps in this browser, and how to remove it. Nothing leaves this computer unless you share or export it.',
      '本应用在此浏览器中保存的内容及删除方法。除非您分享或导出，任何内容都不会离开这台电脑。',
    ),
    profiles: t(
      'Profiles with passwords in clear: {clear}. With encrypted passwords: {sealed}.',
      '以明文保存密码的配置档案：{clear} 个；密码已加密的：{sealed} 个。',
    ),
    damaged: t('Damaged records (left as they are): {n}.', '已损坏的记录（原样保留）：{n} 条。'),
    removeAll: t('Remove passwords from all profiles', '删除所有配置档案中的密码'),
    confirmRemoveAll: t(
      'Remove every password and credential from every saved profile, encrypted ones and the trash included? This cannot be undone.',
      '删除所有已保存配置档案（包括已加密的和回收站中的）里的全部密码和凭据？此操作无法撤销。',
    ),
    removedAll: t('Passwords removed from {n} profiles.', '已从 {n} 个配置档案中删除密码。'),
    confirm: t('Remove them', '删除'),
    cancel: t('Cancel', '取消'),
    privateLegend: t(
      'Also treat as secret (kept out of links, files and the history):',
      '同样视为机密（不进入链接、文件和历史记录）：',
    ),
    devices: t(
      'Devices seen: {devices}; applies in the history: {applies}; ports remembered: {ports}. Values read from a device are not kept unless you save them as a profile, and the history keeps passwords only as “set”.',
      '已见设备：{devices} 台；写入历史：{applies} 条；记住的端口：{ports} 个。从设备读取的参数除非保存为配置档案否则不会保留，历史记录中的密码仅记为“已设置”。',
    ),
    forget: t('Forget devices and history', '清除设备和历史记录'),
    forgotten: t('Devices, history and remembered ports forgotten.', '已清除设备、历史记录和记住的端口。'),
    wipeAll: t(
      'To remove everything, including profiles, clear this site’s data in the browser settings.',
      '如需删除全部内容（包括配置档案），请在浏览器设置中清除本网站的数据。',
    ),
  },
} as const;

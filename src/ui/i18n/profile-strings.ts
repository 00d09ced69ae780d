/**
 * The strings of the profiles view and its components, the share dialog and the link preview, as
 * `Text {en, zh}` pairs in the style of strings.ts (pick with `pick()` / `format()`, `{name}` placeholders).
 * The shell's nav label is in profile-nav.ts, so the start-up bundle does not carry these.
 */
import type { Text } from '../../protocol/types';
import { plural } from './plural';

const t = (en: string, zh: string): Text => ({ en, zh });

export const P = {
  list: {
    heading: t('Profiles', '配置档案'),
    intro: t(
      'Known-good configurations kept in this browser: save the device’s, write your own without a device, share them as a link or file, and apply them with a review first.',
      '保存在本浏览器中的可靠配置：保存设备当前配置，或在无设备时自行编写；以链接或文件分享；写入前先核对。',
    ),
    empty: t(
      'No profiles yet. Save the device’s configuration, create one, or import a file.',
      '还没有配置档案。可以保存设备当前配置、新建或导入文件。',
    ),
    loading: t('Reading saved profiles…', '正在读取已保存的配置档案…'),
    newProfile: t('New profile', '新建配置档案'),
    saveDevice: t('Save device configuration', '保存设备当前配置'),
    saveDeviceHint: t(
      'Connect and read the device first (below), then save its values as a profile.',
      '请先在下方连接并读取设备，再将其参数保存为配置档案。',
    ),
    deviceProfileName: t('Device {id} {date}', '设备 {id} {date}'),
    exportAll: t('Export all (JSON)', '全部导出（JSON）'),
    count: t('{n} profiles', '{n} 个配置档案'),
    countOne: t('1 profile', '1 个配置档案'),
    saved: t('Saved “{name}”.', '已保存“{name}”。'),
    updated: t('Updated {time}', '更新于 {time}'),
    created: t('Created {time}', '创建于 {time}'),
    source: t('Read from device {id}', '读取自设备 {id}'),
    settingsCount: t('{n} settings', '{n} 项参数'),
    settingsCountOne: t('1 setting', '1 项参数'),
    noNotes: t('No notes', '无备注'),
    actionsFor: t('Actions for {name}', '“{name}”的操作'),
  },
  action: {
    apply: t('Apply to device…', '写入设备…'),
    compare: t('Compare…', '比较…'),
    share: t('Share…', '分享…'),
    edit: t('Edit', '编辑'),
    duplicate: t('Duplicate', '复制'),
    rename: t('Rename', '重命名'),
    exportJson: t('Export JSON', '导出 JSON'),
    exportScript: t('Export AT script', '导出 AT 脚本'),
    delete: t('Delete', '删除'),
    renameLabel: t('New name for {name}', '“{name}”的新名称'),
    renameSave: t('Save name', '保存名称'),
    back: t('Back to the list', '返回列表'),
  },
  corrupt: {
    heading: t('Damaged saved records', '已损坏的保存记录'),
    intro: t(
      'Saved records that cannot be read as profiles: {n}. They are kept exactly as they are; download one to repair it by hand and import it again.',
      '有 {n} 条保存记录无法作为配置档案读取。它们按原样保留；可下载后手工修复，再重新导入。',
    ),
    record: t('Record {id}', '记录 {id}'),
    download: t('Download as stored', '按原样下载'),
    more: t('… and {n} more problems', '……另有 {n} 个问题'),
  },
  trash: {
    heading: t('Trash ({n})', '回收站（{n}）'),
    empty: t('The trash is empty.', '回收站为空。'),
    intro: t(
      'Deleted profiles stay here until you delete them for good.',
      '删除的配置档案会保留在这里，直到你永久删除。',
    ),
    trashedAt: t('Deleted {time}', '删除于 {time}'),
    restore: t('Restore', '恢复'),
    restoreNamed: t('Restore {name}', '恢复“{name}”'),
    purge: t('Delete for good', '永久删除'),
    purgeNamed: t('Delete for good: {name}', '永久删除：“{name}”'),
    purgeConfirm: t('Delete “{name}” for good? This cannot be undone.', '永久删除“{name}”？此操作无法撤销。'),
    emptyTrash: t('Empty the trash', '清空回收站'),
    emptyConfirm: t(
      'Delete all {n} profiles in the trash for good? This cannot be undone.',
      '永久删除回收站中的全部 {n} 个配置档案？此操作无法撤销。',
    ),
    yes: t('Yes, delete for good', '确定永久删除'),
  },
  toast: {
    deleted: t('“{name}” moved to the trash.', '“{name}”已移到回收站。'),
    undo: t('Undo', '撤销'),
    undone: t('“{name}” is back.', '“{name}”已恢复。'),
    dismiss: t('Dismiss', '关闭'),
  },
  editor: {
    newHeading: t('New profile', '新建配置档案'),
    editHeading: t('Edit “{name}”', '编辑“{name}”'),
    name: t('Name', '名称'),
    notes: t('Notes', '备注'),
    notesHint: t(
      'Plain text for whoever applies it: where, what for, what to check.',
      '写给使用者的纯文本：用于何处、做什么、注意事项。',
    ),
    settings: t('Settings in this profile', '本档案包含的参数'),
    settingsHint: t(
      'Tick a setting to include it. Settings not included are left as they are on the device when the profile is applied.',
      '勾选要包含的参数。未包含的参数在写入时保持设备原值不变。',
    ),
    include: t('Include {label}', '包含“{label}”'),
    included: t('{n} of {total} included', '已包含 {n}/{total} 项'),
    includeAll: t('Include every setting', '包含全部参数'),
    includeAllFromDevice: t('Include every setting (device values)', '包含全部参数（使用设备值）'),
    excludeAll: t('Include none', '全部不包含'),
    save: t('Save profile', '保存配置档案'),
    cancel: t('Cancel', '取消'),
    problems: t('The profile cannot be saved yet:', '配置档案暂时无法保存：'),
    invalidCount: t('{n} settings need attention', '{n} 项参数需要修正'),
  },
  compare: {
    heading: t('Compare “{name}”', '比较“{name}”'),
    with: t('Compare with', '比较对象'),
    device: t('The device (values read)', '设备（已读取的参数）'),
    deviceNotRead: t('The device (connect and read it first)', '设备（请先连接并读取）'),
    profile: t('Profile “{name}”', '配置档案“{name}”'),
    setting: t('Setting', '参数'),
    notHeld: t('not in the profile', '不在档案中'),
    same: t('No differences: every setting compared is the same.', '没有差异：比较的参数全部相同。'),
    differ: t('{n} settings differ.', '{n} 项参数不同。'),
    deviceNote: t(
      'Only the settings the profile holds are compared; the device keeps the others as they are.',
      '只比较档案包含的参数；其他参数在设备上保持不变。',
    ),
    table: t('Differences', '差异'),
  },
  apply: {
    heading: t('Apply “{name}” to the device', '将“{name}”写入设备'),
    review: t(
      'Nothing has been written yet. Check what will change, then confirm.',
      '尚未写入任何内容。请核对将要修改的内容，然后确认。',
    ),
    from: t('Device now', '设备当前值'),
    to: t('From the profile', '档案中的值'),
    command: t('AT command', 'AT 指令'),
    notOnDevice: t('—', '—'),
    restartNote: t(
      'After writing, the module restarts (AT+Z) so the values take effect, and each value is read back to check it.',
      '写入后模块会重启（AT+Z）使参数生效，并逐项回读核对。',
    ),
    unchanged: plural(
      t(
        '1 setting of the profile already matches the device and is not sent.',
        '档案中有 1 项参数与设备一致，不会发送。',
      ),
      t(
        '{n} settings of the profile already match the device and are not sent.',
        '档案中有 {n} 项参数与设备一致，不会发送。',
      ),
    ),
    nothing: t(
      'The device already has every setting of this profile. Nothing to write.',
      '设备已具有本档案的全部参数，无需写入。',
    ),
    confirm: plural(
      t('Write 1 setting to the device', '向设备写入 1 项参数'),
      t('Write {n} settings to the device', '向设备写入 {n} 项参数'),
    ),
    cancel: t('Cancel', '取消'),
    reveal: t('Show passwords', '显示密码'),
    hide: t('Hide passwords', '隐藏密码'),
    needDevice: t(
      'Connect to the device and read its settings to see exactly what applying will change.',
      '请连接设备并读取参数，以查看写入将改变的具体内容。',
    ),
    recorded: t('Recorded in the device’s history.', '已记入该设备的历史记录。'),
    notRecorded: t(
      'The result could not be recorded in the history: {error}',
      '结果未能记入历史记录：{error}',
    ),
    done: t('Close', '关闭'),
  },
  device: {
    heading: t('Device', '设备'),
    disconnected: t('Not connected.', '未连接。'),
    connectSerial: t('Connect over USB serial', '通过 USB 串口连接'),
    connectSimulator: t('Connect to the simulator', '连接模拟器'),
    connecting: t(
      'Connecting… (the simulated module takes a while to start, like a real one)',
      '正在连接……（模拟模块与真实模块一样需要一些启动时间）',
    ),
    connectFailed: t('Could not connect: {error}', '无法连接：{error}'),
    more: t('More connection options', '更多连接选项'),
    connected: t('Connected.', '已连接。'),
    notRead: t('Connected; its settings have not been read yet.', '已连接，尚未读取参数。'),
    read: t('Read the device', '读取设备'),
    reread: t('Read again', '重新读取'),
    reading: t('Reading {done}/{total}…', '正在读取 {done}/{total}…'),
    readDone: t('Settings read from the device{id}.', '已从设备{id}读取参数。'),
    readFailed: t('Reading failed: {error}', '读取失败：{error}'),
  },
  share: {
    heading: t('Share “{name}”', '分享“{name}”'),
    intro: t(
      'Anyone who opens this link sees the profile and decides whether to save or apply it. The profile is inside the link itself; nothing is uploaded.',
      '打开此链接的人会先看到配置档案，再决定是否保存或写入。档案内容就在链接中，不会上传到任何地方。',
    ),
    link: t('Link', '链接'),
    copy: t('Copy link', '复制链接'),
    copied: t('Link copied.', '链接已复制。'),
    copyFailed: t(
      'Copying is not allowed here: select the link and copy it yourself.',
      '此处不允许复制：请选中链接后手动复制。',
    ),
    qr: t('QR code of the link', '链接的二维码'),
    qrTooLong: t(
      'The link is too long for a QR code; share the link or a file instead.',
      '链接过长，无法生成二维码；请分享链接或文件。',
    ),
    withheld: t(
      'Not included, because they contain a password: {list}. The receiver’s device keeps its own.',
      '以下参数含密码，未包含：{list}。接收方设备保留其原有值。',
    ),
    includeSecrets: t('Include passwords in the link', '在链接中包含密码'),
    secretsWarning: t(
      'The link will contain these passwords in a form anyone can read: {list}. Share it only with people who may know them.',
      '链接将以任何人都能读取的形式包含以下密码：{list}。只分享给可以知道这些密码的人。',
    ),
    noSecrets: t('This profile contains no passwords.', '此配置档案不含密码。'),
    length: t('{n} characters', '{n} 个字符'),
    making: t('Making the link…', '正在生成链接…'),
    close: t('Close', '关闭'),
  },
  link: {
    heading: t('Profile from a link', '来自链接的配置档案'),
    decoding: t('Reading the link…', '正在读取链接…'),
    safe: t(
      'Nothing from this link has been saved or sent to a device. Review it, then choose what to do.',
      '此链接中的内容尚未保存，也未发送到任何设备。请先查看，再决定如何处理。',
    ),
    /** The status line once something happened (it follows the apply report). */
    savedOnly: t(
      'Saved in this browser. Nothing from this link has been sent to a device.',
      '已保存在本浏览器中。此链接中的内容尚未发送到任何设备。',
    ),
    appliedChecking: t(
      'Written to the connected device at {time}. Checking that its links come up…',
      '已于 {time} 写入已连接的设备。正在检查连接能否建立…',
    ),
    appliedOk: t(
      'Applied to the connected device at {time}. The result is below.',
      '已于 {time} 写入已连接的设备并生效，结果见下方。',
    ),
    appliedWarn: t(
      'Written to the connected device at {time}, but not everything works: see the result below.',
      '已于 {time} 写入已连接的设备，但并非一切正常：请查看下方结果。',
    ),
    appliedError: t(
      'Sent to the connected device at {time}, but some settings were not applied: see the result below.',
      '已于 {time} 发送到已连接的设备，但部分参数未生效：请查看下方结果。',
    ),
    error: t('This link cannot be opened', '无法打开此链接'),
    name: t('Name', '名称'),
    notes: t('Notes', '备注'),
    updated: t('Last changed', '最后修改'),
    withSecrets: t(
      'This link includes passwords ({list}). Applying it writes them to the device.',
      '此链接包含密码（{list}）。写入时会把这些密码写入设备。',
    ),
    settings: t('Settings ({n})', '参数（{n} 项）'),
    notHeld: t(
      'Settings not listed are not part of this profile and are left as they are on the device.',
      '未列出的参数不属于本档案，写入时保持设备原值。',
    ),
    diffHeading: t('Compared with the connected device', '与已连接设备的比较'),
    save: t('Save as profile', '保存为配置档案'),
    saved: t('Saved as “{name}”.', '已保存为“{name}”。'),
    openProfiles: t('Open Profiles', '打开配置档案'),
    apply: t('Apply to device…', '写入设备…'),
    close: t('Close this link', '关闭此链接'),
  },
  values: {
    setting: t('Setting', '参数'),
    value: t('Value', '值'),
    empty: t('(empty)', '（空）'),
  },
  storage: {
    versionchange: t(
      'A newer version of the app was opened in another tab and updated the saved data. Reload this tab to keep working with your profiles.',
      '另一个标签页打开了更新版本的应用并升级了保存的数据。请重新加载本页面以继续使用配置档案。',
    ),
    blocked: t(
      'Another tab with an older version of this app is open. Close it so the saved data can be updated.',
      '另一个标签页打开了旧版本的应用。请关闭它，以便升级保存的数据。',
    ),
    terminated: t(
      'The browser closed the saved data (storage cleared or a disk error). Reload the page.',
      '浏览器关闭了保存的数据（存储被清除或磁盘错误）。请重新加载页面。',
    ),
    reload: t('Reload', '重新加载'),
    persistDenied: t(
      'The browser may clear saved profiles when it runs short of space. Export important ones as files.',
      '浏览器空间不足时可能清除保存的配置档案。请将重要的档案导出为文件。',
    ),
  },
  files: {
    nothing: t('There are no profiles to export.', '没有可导出的配置档案。'),
  },
} as const;

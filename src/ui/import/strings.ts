/**
 * The import feature's strings (English and Chinese), as `Text` pairs with `{name}` placeholders, in the
 * style of i18n/strings.ts. The pipeline's own reasons come with their text (src/profile/import/).
 */
import type { Text } from '../../protocol/types';

const t = (en: string, zh: string): Text => ({ en, zh });

export const I = {
  pick: t('Import a file (profiles, AT script or terminal log)', '导入文件（配置档案、AT 脚本或终端日志）'),
  reading: t('Reading “{file}”…', '正在读取“{file}”…'),
  saving: t('Saving {n} profiles…', '正在保存 {n} 个配置档案…'),
  readAs: t('“{file}” was read as {kind}.', '已将“{file}”作为{kind}读取。'),
  encoding: t('Text encoding: {encoding}.', '文本编码：{encoding}。'),
  importedNamed: t('Imported “{name}”.', '已导入“{name}”。'),
  imported: t('Imported {n} profiles.', '已导入 {n} 个配置档案。'),
  importedNone: t('Nothing was imported from “{file}”.', '未从“{file}”导入任何内容。'),
  refused: t('“{file}” could not be imported:', '无法导入“{file}”：'),
  leftOut: t('Left out of “{file}” ({n}):', '“{file}”中未导入的内容（{n} 项）：'),
  leftOutOne: t('Left out of “{file}” (1):', '“{file}”中未导入的内容（1 项）：'),
  more: t('… and {n} more, listed in the full report.', '……另有 {n} 项，见完整报告。'),
  moreProblems: t('… and {n} more problems', '……另有 {n} 个问题'),
  notRecorded: t(
    '… and {n} more not described one by one (a report lists at most {max}).',
    '……另有 {n} 项未逐一列出（报告最多列出 {max} 项）。',
  ),
  download: t('Download the full report', '下载完整报告'),
  saveFailed: t(
    'The profiles were read but not saved: {reason} Nothing of this file was saved.',
    '已读取配置档案但未能保存：{reason} 此文件的内容均未保存。',
  ),
  openFailed: t(
    'The file could not be opened: it may have been moved, deleted or changed while it was being read. Choose it again.',
    '无法打开文件：它可能在读取时被移动、删除或修改。请重新选择。',
  ),
  item: {
    profile: t('Profile {n} "{name}"', '第 {n} 个配置档案 "{name}"'),
    profileNoName: t('Profile {n}', '第 {n} 个配置档案'),
    profiles: t('Profiles {from}–{to}', '第 {from}–{to} 个配置档案'),
    line: t('Line {n}', '第 {n} 行'),
    field: t('Field "{key}"', '字段“{key}”'),
    file: t('The file', '文件'),
  },
  unexpected: {
    title: t('Unexpected problem', '意外问题'),
    text: t(
      'Something went wrong inside the app. Your file and your saved profiles are not affected. Copy the details and send them to us, please.',
      '应用内部出现故障。你的文件和已保存的配置档案不受影响。请复制详细信息并发送给我们。',
    ),
    details: t('Details for a bug report', '供错误报告使用的详细信息'),
    copy: t('Copy details', '复制详细信息'),
    copied: t('Copied.', '已复制。'),
    copyByHand: t('Select the text and copy it (Ctrl+C).', '请选中文本后复制（Ctrl+C）。'),
  },
  report: {
    title: t('Import report: “{file}”', '导入报告：“{file}”'),
    at: t('Made: {time}', '生成时间：{time}'),
    kind: t('Read as: {kind}', '读取方式：{kind}'),
    imported: t('Imported ({n}):', '已导入（{n}）：'),
    leftOut: t('Left out ({n}):', '未导入（{n}）：'),
    detail: t('Detail for a bug report:', '错误报告详细信息：'),
  },
} as const;

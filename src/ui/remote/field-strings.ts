/** "Read the field module first" and the baseline of "What to send" (remote/, docs/remote.md). */
import type { Text } from '../../protocol/types';
import type { FieldRead } from './sim-read';

const t = (en: string, zh: string): Text => ({ en, zh });

export type FieldSource = 'pasted' | 'sms' | 'network';

export const FIELD = {
  heading: t('Read the field module first', '先读取现场模块'),
  intro: t(
    'The module on this app’s cable is not the one in the field. Send it these queries the same way as the changes (they change nothing; no AT+Z), then paste its answers here: “Only what differs from the field module’s answers” then compares the profile with what that module really holds.',
    '连接在本应用串口线上的模块并不是现场的那一个。请用与修改相同的方式向现场模块发送这些查询（不会修改任何参数，也没有 AT+Z），再把它的应答粘贴到这里：“仅发送与现场模块应答不同的部分”就会与该模块实际的参数比较。',
  ),
  smsHeading: t('Query SMS, one per setting', '查询短信，每个参数一条'),
  networkHeading: t('Query lines for your server, one per packet', '供服务器发送的查询行，每个数据包一行'),
  smsNumber: t('Query SMS {n}', '查询短信 {n}'),
  lineNumber: t('Query line {n}', '查询行 {n}'),
  answersLabel: t('Paste the module’s answers', '粘贴模块的应答'),
  answersHint: t(
    'The SMS replies or the lines your server received, as they came, in any order; blank lines and OK lines may stay. They can hold passwords: they are not saved, and once read the box is emptied and the values are shown masked.',
    '原样粘贴收到的短信回复或服务器收到的行，顺序不限；空行和 OK 行可以保留。其中可能含有密码：不会被保存；读取后输入框会清空，参数值以遮盖方式显示。',
  ),
  readPasted: t('Read these answers', '读取这些应答'),
  readSms: t('Read through the virtual phone', '通过虚拟手机读取'),
  readNetwork: t('Read through virtual server {s}', '通过虚拟服务器 {s} 读取'),
  reading: t('Reading…', '正在读取…'),
  problems: t('These answers cannot be the baseline yet:', '这些应答还不能作为比较基准：'),
  simRead: {
    read: t(
      'Every query was answered: the answers are filled in below.',
      '每条查询都已应答：应答已自动填入。',
    ),
    partial: t(
      '{answered} of {asked} queries were answered in time: the answers that came are filled in.',
      '{asked} 条查询中有 {answered} 条按时应答：已填入收到的应答。',
    ),
    'not-connected': t(
      'Socket {s} of the module has no connection to its virtual server: nothing was sent.',
      '模块的 Socket {s} 未连接到其虚拟服务器：未发送任何内容。',
    ),
  } satisfies Record<FieldRead['outcome'], Text>,
  source: {
    pasted: t('pasted', '粘贴'),
    sms: t('read through the virtual phone', '通过虚拟手机读取'),
    network: t('read through a virtual server', '通过虚拟服务器读取'),
  } satisfies Record<FieldSource, Text>,
  answersRead: t(
    'The field module’s answers for {count} settings ({source}, {time}).',
    '现场模块 {count} 个参数的应答（{source}，{time}）。',
  ),
  clear: t('Forget these answers', '清除这些应答'),
  colSetting: t('Setting', '参数'),
  colField: t('The field module holds', '现场模块的值'),
  colProfile: t('The profile', '档案中的值'),
  colCompare: t('Compared', '比较'),
  same: t('same', '相同'),
  differs: t('differs', '不同'),
  notInProfile: t('not in the profile', '档案中没有'),
  scopeField: t('Only what differs from the field module’s answers', '仅发送与现场模块应答不同的部分'),
  scopeFieldHint: t('Read the field module first (above).', '请先读取现场模块（见上方）。'),
  scopeBundle: t('Only what differs from a support bundle’s configuration', '仅发送与支持包中配置不同的部分'),
  bundleFile: t('Support bundle of the field module (.json)', '现场模块的支持包（.json）'),
  bundleHint: t(
    'A bundle the customer made with the module on its cable (Support): its settings as last known. Read here only, never stored.',
    '客户用串口线连接该模块时生成的支持包（“支持”页面）：其中最后已知的参数。只在此处读取，不会保存。',
  ),
  bundleError: t('This file cannot be the baseline: {message}', '此文件不能作为比较基准：{message}'),
  bundleMissing: t(
    'The bundle does not hold {names} (withheld passwords or never read): sent anyway.',
    '支持包中没有 {names}（被隐去的密码或从未读取）：仍会发送。',
  ),
  baseline: {
    all: t('No comparison: every setting of the profile is sent.', '不比较：发送档案中的全部参数。'),
    device: t(
      'Compared with the module last read in this app (over its cable), read {time} — not necessarily the module in the field.',
      '与本应用最近（经串口线）读取的模块比较，读取于 {time}——未必是现场的模块。',
    ),
    deviceNoTime: t(
      'Compared with the module last read in this app (over its cable) — not necessarily the module in the field.',
      '与本应用最近（经串口线）读取的模块比较——未必是现场的模块。',
    ),
    bundle: t(
      'Compared with the support bundle’s configuration ({module}, bundle made {time}).',
      '与支持包中的配置比较（{module}，支持包生成于 {time}）。',
    ),
    field: t(
      'Compared with the field module’s answers ({source}, {time}).',
      '与现场模块的应答比较（{source}，{time}）。',
    ),
  },
} as const;

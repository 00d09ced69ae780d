/** "Send to a module in the field" (remote/): SMS AT and network AT, manual 3.1.4–3.1.5. */
import type { Text } from '../../protocol/types';
import type { PayloadState, ReadBackState, SendOutcome } from './sim-send';

const t = (en: string, zh: string): Text => ({ en, zh });

export const REMOTE = {
  heading: t('Send to a module in the field', '发送到现场的模块'),
  intro: t(
    'A profile as password-AT payloads for a module you cannot reach by cable: SMS texts to send from a phone, or lines your server sends on the module’s socket. They are stored at once and take effect at AT+Z, which comes last.',
    '把配置档案转换成带密码的 AT 指令，发给无法用串口线连接的模块：从手机发送的短信，或由服务器经模块的 Socket 发送的行。参数立即保存，在最后的 AT+Z 重启后生效。',
  ),
  profile: t('Profile', '配置档案'),
  noProfiles: t(
    'Save a profile first: its settings become the payloads.',
    '请先保存一个配置档案：其中的参数将转换为指令。',
  ),
  scope: t('What to send', '发送内容'),
  scopeAll: t('Every setting of the profile', '档案中的全部参数'),
  scopeDiff: t(
    'Only what differs from the module’s values as last read here',
    '仅发送与此处最近读取的模块参数不同的部分',
  ),
  password: t('Command password the module has now (AT+CMDPW)', '模块当前的命令密码（AT+CMDPW）'),
  passwordHint: t(
    'Every payload starts with it. Factory value usr.cn. It is not saved.',
    '每条指令都以它开头。出厂值为 usr.cn。不会被保存。',
  ),
  uartfl: t('The module’s packing length now (AT+UARTFL, bytes)', '模块当前的打包长度（AT+UARTFL，字节）'),
  socket: t('Socket the network AT comes through', '网络 AT 经由的 Socket'),
  problems: t('Cannot be sent as it is', '当前无法发送'),
  invalid: t('AT+{name}: {message}', 'AT+{name}：{message}'),
  unknown: t('AT+{name} is not a setting of this module: left out', 'AT+{name} 不是本模块的参数：已略过'),
  nothing: t(
    'Nothing to send: the module already holds every value of the profile.',
    '无需发送：模块已具有档案中的全部参数值。',
  ),
  warnings: t('This can cut your way back to the module', '这可能切断您到达模块的途径'),
  understood: t(
    'I have read these warnings and keep another way back to the module',
    '我已阅读以上警告，并保留了另一种到达模块的途径',
  ),
  cuts: {
    sms: t('cuts SMS AT', '影响短信 AT'),
    network: t('cuts network AT', '影响网络 AT'),
  },
  reveal: t('Show the passwords in the payloads', '显示指令中的密码'),
  revealHint: t(
    'Every payload holds the command password, and some hold other passwords: whoever reads them can reconfigure the module. They are masked here; Copy copies them in clear.',
    '每条指令都带有命令密码，部分还带有其他密码：看到的人就能远程修改模块。此处以圆点遮盖；“复制”会复制明文。',
  ),
  copy: t('Copy', '复制'),
  copyAll: t('Copy all lines', '复制全部行'),
  copied: t(
    'Copied {what} — it holds the command password in clear.',
    '已复制{what}——其中含有明文命令密码。',
  ),
  copyFailed: t('The browser did not allow copying: {message}', '浏览器不允许复制：{message}'),
  smsHeading: t('SMS AT: one SMS per command, in this order', '短信 AT：每条短信一条指令，按此顺序发送'),
  smsHow: t(
    'Send each SMS to the module’s number and wait for its answer (OK) before the next: SMS are not always delivered in order. Send AT+Z only after every OK.',
    '把每条短信发到模块的号码，收到回复（OK）后再发下一条：短信不一定按顺序送达。全部回复 OK 后才发送 AT+Z。',
  ),
  smsNumber: t('SMS {n}', '短信 {n}'),
  smsLength: t('{units} / {single} ({encoding})', '{units} / {single}（{encoding}）'),
  encoding: {
    gsm7: t('GSM 7-bit', 'GSM 7 位'),
    ucs2: t('UCS-2', 'UCS-2'),
  },
  networkHeading: t('Network AT: lines for your server', '网络 AT：供服务器发送的行'),
  networkHow: t(
    'Send each line (it ends with CR) as one packet on the module’s socket and wait for its answer before the next. After AT+Z the module restarts and connects again.',
    '把每一行（以 CR 结尾）作为一个数据包在模块的 Socket 上发送，收到应答后再发下一行。AT+Z 之后模块重启并重新连接。',
  ),
  lineNumber: t('Line {n}', '第 {n} 行'),
  lineBytes: t('{bytes} / {uartfl} bytes', '{bytes} / {uartfl} 字节'),
  fits: t('fits', '可发送'),
  colNumber: t('#', '序号'),
  colPayload: t('Payload', '指令'),
  colLength: t('Length / limit', '长度 / 上限'),
  colCheck: t('Check', '检查'),
  colResult: t('Result', '结果'),
  simHeading: t('On the simulator', '在模拟器上'),
  simIntro: t(
    'Send the payloads to the built-in simulator’s module the way they reach a real one: from its virtual phone, or from the virtual server of a socket. Each answer is shown, then every setting is read back the same way after AT+Z.',
    '像发给真实模块一样，把指令发给内置模拟器中的模块：从虚拟手机发送，或从某个 Socket 的虚拟服务器发送。会显示每条应答，AT+Z 之后再以同样方式读回每个参数。',
  ),
  sendSms: t('Send through the virtual phone', '通过虚拟手机发送'),
  sendNetwork: t('Send through virtual server {s}', '通过虚拟服务器 {s} 发送'),
  stop: t('Running…', '正在发送…'),
  readBackHeading: t('Read back after AT+Z', 'AT+Z 之后读回'),
  colSetting: t('Setting', '参数'),
  colExpected: t('Written', '写入值'),
  colRead: t('Read back', '读回值'),
  payloadState: {
    pending: t('waiting', '等待'),
    sending: t('sent, waiting for the answer', '已发送，等待应答'),
    ok: t('answered OK', '已应答 OK'),
    refused: t('refused: {answer}', '被拒绝：{answer}'),
    'no-answer': t('no answer', '无应答'),
    'not-sent': t('not sent', '未发送'),
  } satisfies Record<PayloadState, Text>,
  readBackState: {
    pending: t('waiting', '等待'),
    same: t('same', '一致'),
    differs: t('differs', '不一致'),
    'no-answer': t('no answer', '无应答'),
  } satisfies Record<ReadBackState, Text>,
  outcome: {
    verified: t(
      'Applied and verified: every payload was answered OK and every setting reads back as written.',
      '已应用并验证：每条指令都应答 OK，每个参数读回值与写入值一致。',
    ),
    'not-verified': t(
      'Every payload was answered OK, but not every setting reads back as written: see the table.',
      '每条指令都应答 OK，但并非每个参数的读回值都与写入值一致：见下表。',
    ),
    stopped: t(
      'Stopped: a payload was refused or not answered, and nothing after it was sent. The settings answered OK are stored on the module and take effect at its next restart.',
      '已停止：有指令被拒绝或无应答，其后的指令均未发送。已应答 OK 的参数已保存在模块中，将在下次重启后生效。',
    ),
    'not-connected': t(
      'Socket {s} of the module has no connection to its virtual server: nothing was sent.',
      '模块的 Socket {s} 未连接到其虚拟服务器：未发送任何内容。',
    ),
  } satisfies Record<SendOutcome, Text>,
  failed: t('The simulator could not be used: {message}', '无法使用模拟器：{message}'),
} as const;

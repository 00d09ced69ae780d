/**
 * What the support view says (docs/support.md): making a support bundle on the customer's side, opening
 * one read-only on the support side, and replaying it on the simulator.
 */
import type { Text } from '../../protocol/types';
import { plural } from '../i18n/plural';

const t = (en: string, zh: string): Text => ({ en, zh });

export const SUPPORT = {
  heading: t('Support', '技术支持'),
  intro: t(
    'Send support what happened on your bench as one file, or open a file a customer sent and replay it on the simulator.',
    '把现场发生的情况打包成一个文件发给技术支持；或打开客户发来的文件，在模拟器上重现。',
  ),

  make: {
    heading: t('Make a support bundle', '生成支持包'),
    holds: t('The bundle holds:', '支持包包含：'),
    identity: t('the module’s identity (VER, SN, IMEI, ICCID):', '模块信息（VER、SN、IMEI、ICCID）：'),
    noIdentity: t('not read in this session', '本次会话未读取'),
    settings: plural(
      t('the configuration read before and after: {n} setting', '读取到的前后配置：{n} 个参数'),
      t('the configuration read before and after: {n} settings', '读取到的前后配置：{n} 个参数'),
    ),
    report: t('the last apply’s report with its link check', '最近一次写入的结果及连接检查'),
    noReport: t('no apply in this session', '本次会话没有写入'),
    log: plural(
      t('the session’s traffic log with times: {n} entry', '本次会话带时间的通信日志：{n} 条'),
      t('the session’s traffic log with times: {n} entries', '本次会话带时间的通信日志：{n} 条'),
    ),
    app: t('the app version ({version}) and your browser', '应用版本（{version}）和浏览器信息'),
    nothing: t(
      'Nothing to send yet: connect to the module (Connect), read it and do what went wrong, then come back.',
      '还没有可发送的内容：请先连接模块（连接），读取并重现出问题的操作，然后再回到这里。',
    ),
    withheld: t(
      'Passwords and credentials stay out: {list}. Lines of the log that show one are sent with ••••••.',
      '密码和凭据不会包含在内：{list}。日志中显示密码的行以 •••••• 代替。',
    ),
    noSecrets: t('No password or credential was seen: nothing to withhold.', '未发现密码或凭据：无需隐去。'),
    include: t(
      'Include passwords and credentials (only if support needs them)',
      '包含密码和凭据（仅在技术支持需要时）',
    ),
    includeWarning: t(
      'The file will hold passwords in clear: {list}. Send it only to someone you trust.',
      '文件将以明文包含密码：{list}。只发给您信任的人。',
    ),
    download: t('Download the bundle', '下载支持包'),
    downloaded: t('Saved as {file}.', '已保存为 {file}。'),
    link: t('Or send this link', '或发送此链接'),
    linkLength: t('{n} characters', '{n} 个字符'),
    copy: t('Copy link', '复制链接'),
    copied: t('Copied.', '已复制。'),
    copyFailed: t(
      'Could not copy: select the link and copy it yourself.',
      '无法复制：请选中链接后手动复制。',
    ),
    qr: t('QR code of the link', '链接的二维码'),
    qrTooLong: t(
      'The link is too long for a QR code: send the link or the file.',
      '链接过长，无法生成二维码：请发送链接或文件。',
    ),
    tooLarge: t(
      'Too large for a link ({n} characters, at most {max}) — send the file.',
      '内容过多，无法生成链接（{n} 个字符，最多 {max} 个）——请发送文件。',
    ),
    making: t('Making the bundle…', '正在生成支持包…'),
  },

  open: {
    heading: t('Open a bundle', '打开支持包'),
    pick: t('Support bundle file', '支持包文件'),
    hint: t(
      'Opened read-only: nothing is saved, written to a device or loaded into the simulator until you ask.',
      '以只读方式打开：除非您操作，不会保存、写入设备或载入模拟器。',
    ),
    reading: t('Reading {file}…', '正在读取 {file}…'),
    refused: t('{file} could not be opened: {reason}', '无法打开 {file}：{reason}'),
    refusedLink: t(
      'This support bundle link could not be opened: {reason}',
      '无法打开此支持包链接：{reason}',
    ),
    openFailed: t('The file could not be read (moved or no permission).', '无法读取文件（已移动或无权限）。'),
    close: t('Close the bundle', '关闭支持包'),
    toProfile: t('Copy the “after” configuration into a new profile', '将“之后”的配置复制为新配置档案'),
    toProfileDone: t(
      'Saved as the profile “{name}” ({n} settings that differ from the factory). Nothing was written to a device.',
      '已保存为配置档案“{name}”（与出厂值不同的 {n} 个参数）。没有写入任何设备。',
    ),
    toProfileLeftOut: t('Left out: {list}.', '未包含：{list}。'),
    toProfileFailed: t('The profile could not be saved: {reason}', '无法保存配置档案：{reason}'),
  },

  view: {
    heading: t('Support bundle from {date}', '{date} 的支持包'),
    readOnly: t(
      'Read-only: this is what the customer’s module had. Nothing here writes to a device.',
      '只读：这是客户模块当时的情况。此处的任何内容都不会写入设备。',
    ),
    identity: t('Module', '模块'),
    noIdentity: t('The identity was not read in the customer’s session.', '客户会话中未读取模块信息。'),
    app: t('Made with app {version} in {browser}', '使用应用 {version} 在 {browser} 中生成'),
    transport: {
      serial: t('USB serial', 'USB 串口'),
      simulator: t('the simulator', '模拟器'),
      none: t('not connected', '未连接'),
    },
    connectedTo: t('Connected to: {what}', '连接对象：{what}'),
    firmware: t('Simulator firmware: {list}', '模拟器固件：{list}'),
    manualFirmware: t('as the manual says', '与手册一致'),
    secretsWithheld: t(
      'The sender withheld passwords and credentials: {list}. {n} log lines show •••••• instead.',
      '发送者隐去了密码和凭据：{list}。日志中有 {n} 行以 •••••• 显示。',
    ),
    secretsIncluded: t(
      'The sender included passwords and credentials: handle this file with care.',
      '发送者包含了密码和凭据：请谨慎保管此文件。',
    ),
    unknown: t(
      'Settings this app does not know, not shown and not loaded into the simulator: {list}',
      '本应用不认识的参数，不显示也不载入模拟器：{list}',
    ),
    config: t('Configuration before and after', '前后配置'),
    setting: t('Setting', '参数'),
    before: t('Before', '之前'),
    after: t('After', '之后'),
    changedOnly: t('Only what changed', '只看有变化的'),
    changed: t('changed', '已变化'),
    withheldMark: t('withheld by the sender', '发送者已隐去'),
    notRead: t('not read', '未读取'),
    noChanges: t('Nothing changed between before and after.', '前后没有变化。'),
    report: t('Apply report', '写入结果'),
    noReport: t('There was no apply in the customer’s session.', '客户会话中没有写入操作。'),
    restarted: t('The module was restarted so the values took effect.', '模块已重启以使参数生效。'),
    result: t('Result', '结果'),
    outcome: {
      applied: t('Applied', '已写入'),
      unchanged: t('Unchanged', '未改变'),
      rejected: t('Rejected', '被拒绝'),
      'not-reached': t('Not reached', '未执行'),
    },
    links: t('Link check after the apply', '写入后的连接检查'),
    linkState: {
      done: t('Finished {time}', '{time} 完成'),
      failed: t('The check failed: {error}', '检查失败：{error}'),
      stopped: t('Stopped by the customer', '客户已停止检查'),
      checking: t('Still checking when the bundle was made', '生成支持包时仍在检查'),
    },
    verdict: {
      up: t('connected', '已连接'),
      down: t('could not connect', '无法连接'),
      'on-demand': t('connects when data comes (short connection)', '有数据时才连接（短连接）'),
      disabled: t('not enabled', '未启用'),
    },
    upAfter: t('after {s} s', '{s} 秒后'),
    reason: {
      'no-service': t('no mobile service', '无移动网络服务'),
      'weak-signal': t('the signal is too weak', '信号太弱'),
      'server-unreachable': t('the server could not be reached', '无法连接到服务器'),
    },
    log: t('Traffic log', '通信日志'),
    logNote: t(
      '{n} earlier entries were no longer kept by the customer’s app.',
      '客户应用中更早的 {n} 条已不再保留。',
    ),
    tx: t('sent to the module', '发往模块'),
    rx: t('from the module', '来自模块'),
    note: t('note', '备注'),
    text: t('Text', '文本'),
    hex: t('Hex', '十六进制'),
    empty: t('The log is empty.', '日志为空。'),
  },

  replay: {
    heading: t('Replay on the simulator', '在模拟器上重现'),
    intro: t(
      'Puts this module (its settings before the session and its identity) on the simulator’s cable, then sends the customer’s commands again with the logged timing and compares every answer.',
      '把此模块（会话前的参数和模块信息）接到模拟器上，再按日志的时间重新发送客户的命令，并逐条比较应答。',
    ),
    withheldNote: t(
      'Withheld settings ({list}) stay at their factory value; commands that carried a withheld secret are not sent.',
      '已隐去的参数（{list}）保持出厂值；含有隐去密码的命令不会发送。',
    ),
    disconnectFirst: t(
      'The replay uses the simulator’s serial line: disconnect the app from the module first.',
      '重现会占用模拟器的串口：请先断开应用与模块的连接。',
    ),
    disconnect: t('Disconnect', '断开连接'),
    load: t('Put this module on the simulator', '将此模块接到模拟器'),
    loading: t('Putting the module on the simulator…', '正在将模块接到模拟器…'),
    loaded: t(
      'The simulator now has this module: {imei}. Firmware: {firmware}.',
      '模拟器现在接的是此模块：{imei}。固件：{firmware}。',
    ),
    refusedSettings: t(
      'Settings the simulator refused (they keep their factory value): {list}',
      '模拟器拒绝的参数（保持出厂值）：{list}',
    ),
    noExchange: t('The log holds no command to replay.', '日志中没有可重现的命令。'),
    step: t('Next exchange', '下一条'),
    previous: t('Previous', '上一条'),
    run: t('Run to the end', '运行到结尾'),
    stop: t('Stop', '停止'),
    running: t('Replaying…', '正在重现…'),
    position: t('Exchange {i} of {n}', '第 {i} 条，共 {n} 条'),
    summary: t(
      '{same} same, {differs} different, {missing} missing, {expected} expected to differ, {withheld} withheld — of {done} replayed ({n} in the log).',
      '相同 {same}，不同 {differs}，缺失 {missing}，预期不同 {expected}，已隐去 {withheld}——已重现 {done} 条（日志共 {n} 条）。',
    ),
    sent: t('Sent', '发送'),
    customer: t('Customer’s module answered', '客户模块的应答'),
    simulator: t('Simulator answered', '模拟器的应答'),
    nothing: t('(nothing)', '（无）'),
    verdict: {
      same: t('same', '相同'),
      differs: t('different', '不同'),
      missing: t('missing', '缺失'),
      'expected-to-differ': t('expected to differ', '预期不同'),
      withheld: t('withheld', '已隐去'),
    },
    verdictHelp: {
      same: t(
        'The simulator answered byte for byte as the customer’s module.',
        '模拟器的应答与客户模块逐字节相同。',
      ),
      differs: t(
        'The simulator answered differently: a firmware difference worth knowing (or a state the log does not show).',
        '模拟器的应答不同：值得注意的固件差异（或日志未体现的状态）。',
      ),
      missing: t('The customer’s module answered; the simulator did not.', '客户模块有应答，模拟器没有。'),
      'expected-to-differ': t(
        'Only values that change by themselves differ (signal, network, link state).',
        '只有会自行变化的数值不同（信号、网络、连接状态）。',
      ),
      withheld: t('It carried a secret the sender withheld: not sent.', '其中含有发送者隐去的密码：未发送。'),
    },
    failed: t('The replay stopped: {error}', '重现已停止：{error}'),
  },
};

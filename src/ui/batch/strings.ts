/** Strings of the batch station view (docs/batch.md). */
import type { Text } from '../../protocol/types';
import type { RecordReason, StationRecord } from '../../profile/batch/station';

const t = (en: string, zh: string): Text => ({ en, zh });

export const BATCH = {
  heading: t('Batch station', '批量配置站'),
  intro: t(
    'Provision many modules with one profile and a table of per-device values: put a module on the adapter, the station identifies it, applies the profile with its row, restarts it, reads the values back and records the result; then put on the next one.',
    '用一个配置档案和一张逐台参数表批量配置模块：把模块接到转接板上，配置站识别它、写入档案及其对应行、重启并读回校验、记录结果；然后换下一台。',
  ),
  setup: t('Profile and table', '档案与表格'),
  profile: t('Profile', '配置档案'),
  noProfiles: t(
    'No saved profile yet: save one in Profiles first.',
    '还没有保存的档案：请先在“配置档案”中保存一个。',
  ),
  sealed: t(
    'This profile keeps its passwords sealed: they are not applied by the station.',
    '该档案的密码已加密保存：配置站不会写入这些密码。',
  ),
  table: t('Table (CSV)', '参数表（CSV）'),
  tableHelp: t(
    'Columns: imei (optional: rows are matched by IMEI, else taken in order), a setting (REGDT) or a setting and one parameter (SOCKA.port).',
    '列：imei（可选：按 IMEI 匹配行，否则按顺序取行）、参数名（REGDT）或参数名加其中一项（SOCKA.port）。',
  ),
  refused: t('The table cannot be used:', '该表格无法使用：'),
  summaryImei: t(
    '{rows} rows, {valid} valid, matched by IMEI.',
    '共 {rows} 行，{valid} 行有效，按 IMEI 匹配。',
  ),
  summaryOrder: t(
    '{rows} rows, {valid} valid, taken in order.',
    '共 {rows} 行，{valid} 行有效，按顺序取用。',
  ),
  invalidRows: t('Invalid rows — never applied:', '无效行——不会写入：'),
  skipInvalid: t('Start anyway and skip the {n} invalid rows', '仍然开始，跳过 {n} 个无效行'),
  continueLast: t(
    'Continue the last run of this profile and table ({n} modules recorded): the modules it provisioned are not applied again',
    '继续该档案和表格的上一轮（已记录 {n} 台）：已配置的模块不会再次写入',
  ),
  uartWarning: t(
    'The profile or the table changes UART. After each module the station reopens the port at the rate the run started with, sending nothing: the next module, still at that rate, is understood; the one just done, now at its new rate, no longer answers there.',
    '档案或表格修改了 UART。每台模块完成后，工作站以开始时的速率重新打开串口（不发送任何数据）：下一台仍为该速率的模块可正常通信；刚完成的模块已改为新速率，不再以该速率应答。',
  ),
  notConnected: t('Connect to a module first (Connect view).', '请先连接模块（“连接”页面）。'),
  station: t('Station', '配置站'),
  start: t('Start', '开始'),
  pause: t('Pause', '暂停'),
  resume: t('Resume', '继续'),
  newRun: t('New run', '新一轮'),
  checkNow: t('Check the module now', '立即检查模块'),
  checkNowHelp: t(
    'The station takes the next module when it prints its start message. For a module that prints none, press this once it is on.',
    '模块上电输出启动信息时配置站会自动处理。若模块不输出启动信息，请在接好后按此按钮。',
  ),
  nextModule: t('Next module (simulator)', '下一台模块（模拟器）'),
  nextModuleHelp: t(
    'Puts another virtual module with its own IMEI on the simulated cable (already powered up, to spare its 18 s boot).',
    '在模拟串口上换上一台拥有独立 IMEI 的虚拟模块（已上电，省去 18 秒启动）。',
  ),
  states: {
    idle: t('Not started.', '未开始。'),
    waiting: t('Waiting for a module: put the next one on the adapter.', '等待模块：请接上下一台。'),
    identifying: t('Identifying the module…', '正在识别模块…'),
    applying: t('Applying row {row} to IMEI {imei}…', '正在向 IMEI {imei} 写入第 {row} 行…'),
    verifying: t(
      'Restarting IMEI {imei} and reading row {row} back…',
      '正在重启 IMEI {imei} 并读回第 {row} 行…',
    ),
    paused: t('Paused: modules put on now are not touched.', '已暂停：此时接上的模块不会被处理。'),
  },
  progress: t(
    '{pass} passed · {fail} failed · {skipped} skipped · {remaining} rows left',
    '{pass} 台成功 · {fail} 台失败 · {skipped} 台跳过 · 剩余 {remaining} 行',
  ),
  results: t('Results', '结果'),
  lastRun: t('Results of the last run ({profile}, {table})', '上次运行的结果（{profile}，{table}）'),
  noResults: t('No module recorded yet.', '尚未记录任何模块。'),
  columns: {
    seq: t('#', '序号'),
    time: t('Time', '时间'),
    imei: t('IMEI', 'IMEI'),
    iccid: t('ICCID', 'ICCID'),
    sn: t('SN', 'SN'),
    row: t('Row', '行'),
    result: t('Result', '结果'),
    details: t('Details', '详情'),
  },
  outcomes: {
    pass: t('Pass', '成功'),
    fail: t('Fail', '失败'),
    skipped: t('Skipped', '跳过'),
  } satisfies Record<StationRecord['outcome'], Text>,
  reasons: {
    'not-in-table': t('Not in the table', '不在表格中'),
    'already-provisioned': t('Already provisioned', '已配置过'),
    'row-invalid': t('Row invalid', '行无效'),
    'no-rows-left': t('No row left', '没有剩余行'),
    'no-imei': t('No IMEI', '无 IMEI'),
    'identify-failed': t('Not identified', '识别失败'),
    'apply-failed': t('Apply failed', '写入失败'),
  } satisfies Record<RecordReason, Text>,
  exportCsv: t('Export CSV', '导出 CSV'),
  exportJson: t('Export JSON', '导出 JSON'),
  includeSecrets: t('Include passwords in the export', '导出时包含密码'),
  storeFailed: t(
    'Results could not be saved in this browser: {detail}',
    '结果无法保存在此浏览器中：{detail}',
  ),
};

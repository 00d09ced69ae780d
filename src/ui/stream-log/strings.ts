/** Strings of the bounded, windowed byte logs and the whole-log recording. */
import type { Text } from '../../protocol/types';

const t = (en: string, zh: string): Text => ({ en, zh });

export const STREAM_LOG = {
  notShown: t(
    '{bytes} earlier bytes ({entries} entries) are not shown. Use "Record the whole log" to keep everything.',
    '更早的 {bytes} 字节（{entries} 条）未显示。如需保留全部内容，请使用“录制完整日志”。',
  ),
  record: t('Record the whole log', '录制完整日志'),
  stop: t('Stop and save', '停止并保存'),
  recording: t('Recording: {entries} entries, {size}', '正在录制：{entries} 条，{size}'),
  saved: t('Saved {size} to {file}.', '已将 {size} 保存为 {file}。'),
} as const;

/** `1.2 MB`, `340 KB`, `12 B`. */
export function sizeText(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  if (bytes >= 1000) return `${Math.round(bytes / 1000)} KB`;
  return `${bytes} B`;
}

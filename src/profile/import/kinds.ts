/**
 * The kinds of file the import reads, in the order they are tried: the first whose `sniff` says yes reads
 * the file. Sniffing looks at the content, never the file name, so a renamed file still reads.
 *
 * Extension point: a new kind (another program's export, a support bundle) is one more `FileKindReader`
 * in `FILE_KINDS`, ahead of the catch-all AT text kind. A reader validates each item on its own, returns
 * the good ones and adds one `LeftOut` per item it did not take, with a reason a person can act on; it may
 * throw only by mistake (the pipeline turns that into an "unexpected problem" entry).
 */
import type { Text } from '../../protocol/types';
import { looksLikeBundle } from '../bundle/read';
import { problem } from '../profile';
import { readAtText } from './at-text';
import { looksLikeProfilesJson, readProfilesJson } from './profiles-json';
import type { FileKind, ImportedProfile, LeftOutList } from './report';
import { looksLikeTrafficLog, readTrafficLog } from './traffic-log';

export interface ReadContext {
  /** The file's name (a script without a `# name:` header is named after it). */
  readonly fileName: string;
  /** Creation time for profiles that carry none (from the caller's clock). */
  readonly now: number;
}

export interface KindRead {
  readonly profiles: readonly ImportedProfile[];
  /** Nothing could be taken from the file as a whole. */
  readonly refused: boolean;
  /** A reader may name the kind more precisely than its sniff did (a script turned out to be a log). */
  readonly kind?: FileKind;
}

export interface FileKindReader {
  readonly kind: FileKind;
  /** True when the text (BOM removed) is of this kind, judged from its start. */
  sniff(text: string): boolean;
  read(text: string, context: ReadContext, leftOut: LeftOutList): KindRead;
}

export const FILE_KINDS: readonly FileKindReader[] = [
  {
    // A support bundle is JSON too: named and sent where it opens (read-only), not read as profiles.
    kind: 'support-bundle',
    sniff: looksLikeBundle,
    read: (_text, _context, leftOut) => {
      leftOut.add({
        item: { type: 'file' },
        reasons: [
          problem(
            '',
            'This is a support bundle, not a profile file: open it in Support → Open a bundle (read-only)',
            '这是支持包，不是配置档案文件：请在“技术支持 → 打开支持包”中以只读方式打开',
          ),
        ],
      });
      return { profiles: [], refused: true };
    },
  },
  {
    kind: 'traffic-log',
    sniff: looksLikeTrafficLog,
    read: readTrafficLog,
  },
  {
    kind: 'profiles-json',
    sniff: looksLikeProfilesJson,
    read: (text, _context, leftOut) => readProfilesJson(text, leftOut),
  },
  {
    kind: 'at-script',
    sniff: () => true,
    read: readAtText,
  },
];

export const KIND_LABELS: Readonly<Record<FileKind, Text>> = {
  'profiles-json': { en: 'a profile file (JSON)', zh: '配置档案文件（JSON）' },
  'at-script': { en: 'an AT script', zh: 'AT 脚本' },
  'terminal-log': { en: 'a terminal log', zh: '终端日志' },
  'traffic-log': { en: 'a traffic log of this app', zh: '本应用的通信日志' },
  'support-bundle': { en: 'a support bundle', zh: '支持包' },
  unknown: { en: 'an unknown kind of file', zh: '未知类型的文件' },
};

/**
 * One import pipeline for every kind of file: bytes → text (decode.ts) → kind, sniffed from the content
 * (kinds.ts) → the kind's reader, which validates each item on its own → the result: the good profiles
 * and every item left out with its reasons (report.ts). Limits are checked first and named in the
 * message (limits.ts). Nothing here throws: a fault inside a reader becomes an "unexpected problem"
 * entry whose detail a person can copy, and never an exception message on the screen.
 *
 * Pure and synchronous (no I/O, no DOM): the view saves the profiles afterwards, all in one transaction.
 */
import { problem } from '../profile';
import { decodeFileBytes } from './decode';
import { FILE_KINDS, type FileKindReader, type ReadContext } from './kinds';
import { MAX_FILE_BYTES, MAX_REPORT_ENTRIES } from './limits';
import { LeftOutList, unexpected, type FileKind, type ImportItem, type ImportResult } from './report';

const FILE: ImportItem = { type: 'file' };

function refused(kind: FileKind, en: string, zh: string, encoding?: string): ImportResult {
  return {
    kind,
    ...(encoding === undefined ? {} : { encoding }),
    profiles: [],
    leftOut: [{ item: FILE, reasons: [problem('', en, zh)] }],
    moreLeftOut: 0,
    refused: true,
  };
}

/** Megabytes with one decimal, for messages. */
function mb(n: number): string {
  return (n / 1_000_000).toFixed(1).replace(/\.0$/, '');
}

/** The result for a file over MAX_FILE_BYTES, refused before it is read (`size` in bytes). */
export function fileTooLarge(size: number): ImportResult {
  return refused(
    'unknown',
    `The file is ${mb(size)} MB; files up to ${mb(MAX_FILE_BYTES)} MB are read. A profile file or a log of one module is far smaller: is this the right file?`,
    `文件大小为 ${mb(size)} MB；只读取不超过 ${mb(MAX_FILE_BYTES)} MB 的文件。配置档案文件或单个模块的日志远小于此：请确认文件是否正确。`,
  );
}

export interface ImportOptions {
  /** The kinds to try, in order (default FILE_KINDS): the extension point, and a seam for tests. */
  readonly kinds?: readonly FileKindReader[];
}

/** Reads a file's bytes. `size` limits are checked before decoding. */
export function importBytes(
  bytes: Uint8Array,
  context: ReadContext,
  options: ImportOptions = {},
): ImportResult {
  if (bytes.length > MAX_FILE_BYTES) return fileTooLarge(bytes.length);
  let decoded;
  try {
    decoded = decodeFileBytes(bytes);
  } catch (e) {
    return { kind: 'unknown', profiles: [], leftOut: [unexpected(FILE, e)], moreLeftOut: 0, refused: true };
  }
  return importText(decoded.text, context, decoded.encoding, options);
}

/** Reads text (a file already decoded, or pasted text). */
export function importText(
  source: string,
  context: ReadContext,
  encoding?: string,
  options: ImportOptions = {},
): ImportResult {
  if (source.length > MAX_FILE_BYTES) return fileTooLarge(source.length);
  const text = source.replace(/^\uFEFF/, '');
  if (text.trim() === '') {
    return refused('unknown', 'The file is empty', '文件是空的', encoding);
  }
  if (text.slice(0, 8192).includes('\u0000')) {
    return refused(
      'unknown',
      'This is not a text file (it looks like a picture, an archive or another program’s data): choose a profile file (.json), an AT script or a terminal log',
      '这不是文本文件（像是图片、压缩包或其他程序的数据）：请选择配置档案文件（.json）、AT 脚本或终端日志',
      encoding,
    );
  }
  const leftOut = new LeftOutList(MAX_REPORT_ENTRIES);
  const kinds = options.kinds ?? FILE_KINDS;
  let reader: FileKindReader | undefined;
  try {
    reader = kinds.find((k) => k.sniff(text));
  } catch (e) {
    leftOut.add(unexpected(FILE, e));
    return { kind: 'unknown', profiles: [], leftOut: leftOut.entries, moreLeftOut: 0, refused: true };
  }
  const kind: FileKind = reader?.kind ?? 'unknown';
  try {
    if (!reader) throw new Error('no file kind reader');
    const r = reader.read(text, context, leftOut);
    return {
      kind: r.kind ?? kind,
      ...(encoding === undefined ? {} : { encoding }),
      profiles: r.profiles,
      leftOut: leftOut.entries,
      moreLeftOut: leftOut.more,
      refused: r.refused,
    };
  } catch (e) {
    leftOut.add(unexpected(FILE, e));
    return {
      kind,
      ...(encoding === undefined ? {} : { encoding }),
      profiles: [],
      leftOut: leftOut.entries,
      moreLeftOut: leftOut.more,
      refused: true,
    };
  }
}

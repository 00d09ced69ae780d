/** The import pipeline's public API (docs/profiles.md, "Import"). */
export { decodeFileBytes, type DecodedText } from './decode';
export { FILE_KINDS, KIND_LABELS, type FileKindReader, type KindRead, type ReadContext } from './kinds';
export { MAX_FILE_BYTES, MAX_FILE_PROFILES, MAX_LINE_CHARS, MAX_REPORT_ENTRIES } from './limits';
export { fileTooLarge, importBytes, importText, type ImportOptions } from './pipeline';
export {
  UNEXPECTED,
  describeThrown,
  type FileKind,
  type ImportItem,
  type ImportResult,
  type ImportedProfile,
  type LeftOut,
} from './report';

/** The profile layer's public API: the format, validation, files, AT scripts, share links and QR codes. */
export {
  MAX_NAME_LENGTH,
  MAX_NOTES_LENGTH,
  PROFILE_FORMAT_VERSION,
  newProfile,
  type Profile,
  type ProfileProblem,
  type ProfileResult,
} from './profile';
export { validateProfile } from './validate-profile';
export {
  carriesSecret,
  privateSettings,
  secretSettings,
  secretValues,
  setPrivateSettings,
  stripSecrets,
  withheldSecrets,
  withholdsSecret,
} from './secrets';
export {
  PROFILES_FILE_FORMAT,
  PROFILES_FILE_VERSION,
  exportProfilesJson,
  importProfilesJson,
  profileFileName,
  type FileExportOptions,
  type ProfilesImport,
  type RejectedProfile,
} from './profile-file';
export {
  exportAtScript,
  importAtScript,
  type ScriptExportOptions,
  type ScriptImport,
  type ScriptImportOptions,
  type ScriptNote,
} from './at-script';
export {
  LINK_VERSION,
  decodeShareLink,
  encodeShareLink,
  shareUrl,
  type LinkError,
  type LinkErrorCode,
  type LinkResult,
  type ShareLink,
  type ShareLinkOptions,
} from './share-link';
export { qrSvg } from './qr';
export { factoryValued, nonFactoryValues, withoutFactoryValues } from './factory-diff';

/** The storage layer's public API (IndexedDB via idb). */
export { closeStore, configureStore, onStoreEvent, type StoreConfig, type StoreEvent } from './connection';
export { StorageError, toStorageError, type StorageErrorKind } from './errors';
export {
  addProfile,
  duplicateProfile,
  getProfile,
  getRawProfileRecord,
  listProfiles,
  renameProfile,
  updateProfile,
  type CorruptRecord,
  type ProfileChanges,
  type ProfileList,
  type StoredProfile,
} from './profiles';
export { emptyTrash, listTrash, purgeProfile, restoreProfile, trashProfile } from './trash';
export {
  countProfileSecrets,
  holdsSecrets,
  profileSecretState,
  removeAllProfileSecrets,
  removeProfileSecrets,
  saveProfileWithSecrets,
  sealProfileSecrets,
  unlockProfileSecrets,
  withUnlocked,
  type ProfileSecretState,
  type RemovedSecrets,
  type SecretsChoice,
} from './profile-secrets';
export {
  MIN_PASSPHRASE_LENGTH,
  isSealedSecrets,
  openSealed,
  sealSecrets,
  type OpenResult,
  type SealedSecrets,
} from './secret-box';
export {
  countDeviceData,
  deviceId,
  forgetDevices,
  getDevice,
  getPort,
  isPortKey,
  listApplies,
  listDevices,
  recordApply,
  recordDevice,
  rememberPort,
  type ApplyInput,
  type DeviceDataCount,
  type DeviceIdentity,
  type PortUpdate,
} from './devices';
export { deleteAppSetting, getAppSetting, setAppSetting } from './app-settings';
export { deleteWorkspace, getWorkspace, putWorkspace } from './workspace';
export {
  clearProgress,
  deleteImportedScenario,
  getProgress,
  listImportedScenarios,
  listProgress,
  putImportedScenario,
  putProgress,
} from './classroom';
export {
  requestPersistentStorage,
  storageUse,
  type PersistenceState,
  type StorageManagerLike,
  type StorageUse,
} from './persistence';
export {
  DB_NAME,
  DB_VERSION,
  type ApplyRecord,
  type AppSettingValue,
  type DeviceRead,
  type DeviceRecord,
  type DraftRecord,
  type ImportedScenarioRecord,
  type ScenarioProgressRecord,
  type PortRecord,
  type SimulatorRecord,
  type WorkspaceKey,
  type RememberedLine,
  type SettingOutcome,
  type SettingResult,
} from './schema';

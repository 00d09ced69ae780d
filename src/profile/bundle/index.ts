/** Support bundles (docs/support.md): the format, building, reading, links and replay. */
export * from './format';
export { bundleFileName, bundleToJson, buildBundle, identityFromLog, type BundleSource } from './build';
export { looksLikeBundle, readBundle, type BundleError, type BundleRead, type UnknownSetting } from './read';
export { bundleFragmentOf, bundleLink, readBundleLink, MAX_BUNDLE_LINK_CHARS } from './link';
export { replayScript, type ReplayExchange, type ReplayScript } from './exchanges';
export { verdictOf, VOLATILE_COMMANDS, type Verdict } from './compare';
export { Replay, replayModule, type ExchangeResult, type ReplayOptions, type ReplayTarget } from './replay';
export { profileFromBundle, type BundleProfile } from './to-profile';

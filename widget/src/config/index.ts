export { $config, configure, type AbonaConfig, type Theme } from './config.js';
export { keyKind, isTestKey, type KeyKind } from './key.js';
export { readScriptConfig, applyScriptConfig } from './script-config.js';
export { resolveSettings, type ElementSettings, type ResolvedSettings } from './resolve.js';

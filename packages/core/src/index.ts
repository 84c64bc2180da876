export * from './catalog/index.js';
export * from './errors/index.js';
export * from './money/index.js';
export * from './tax/index.js';
export * from './time/index.js';

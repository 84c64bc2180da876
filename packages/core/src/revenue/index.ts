export { recognizedThrough, type RecognitionSplit } from './recognized.js';
export { revenueSchedule, type RecognizableLine, type RevenueEntry } from './schedule.js';
export { usageRevenueSchedule } from './usage.js';

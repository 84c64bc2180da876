export { recordEvent, type RecordEventInput } from './record.js';

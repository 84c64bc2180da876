export { recordEvent, recordEvents, type RecordEventInput } from './record.js';

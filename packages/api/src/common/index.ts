export { AmountMinor, Currency, DecimalString, Id, LookupKey, Metadata, Name, Text, Timestamp } from './schemas.js';
export { describeError, describeIssue, paramFromPath, type SchemaIssue } from './issues.js';

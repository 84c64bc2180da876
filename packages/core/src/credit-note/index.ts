export { assertCreditNoteInvariants, createCreditNote } from './create.js';
export type { CreditNote, CreditNoteLine, CreditNoteReason, CreditNoteRequest } from './types.js';

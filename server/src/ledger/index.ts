export { accountBalance, balancedLegs, postJournal, postNewJournals, unbalancedJournals, type JournalInput, type JournalLeg, type LedgerAccount } from './post.js';

export { accountBalance, balancedLegs, postJournal, unbalancedJournals, type JournalInput, type JournalLeg, type LedgerAccount } from './post.js';

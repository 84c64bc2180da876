/** One email: the scheduler's receipts, dunning notices and portal links go through this. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Overrides the mailer's `from` (`"Shop <billing@shop.example>"`). */
  from?: string;
  /** Our email id, sent as a header so a bounce can be traced back. */
  id?: string;
}

/**
 * The mail port. Every email is stored in the `emails` table (listable through the API); a
 * mailer that `delivers` also sends it (SMTP), and the row records `sent` or `failed`.
 */
export interface Mailer {
  /** `false` for the store transport: the stored row is the whole delivery. */
  readonly delivers: boolean;
  /** The default sender, `"Name <address>"` or a bare address. */
  readonly from: string;
  /** The customer portal emails link to (update a card, manage a plan); none when unset. */
  readonly portalUrl: string | undefined;
  /** Sends one message; rejects when the transport refuses it. */
  send(message: MailMessage): Promise<void>;
  /** Releases connections (SMTP pools) at shutdown. */
  close?(): void;
}

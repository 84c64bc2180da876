/** One email: the scheduler's receipts, dunning notices and portal links go through this. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** The mail port: SMTP in production, an in-memory outbox in tests. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

import type { EmailListParams } from '@abona/api';
import type { Db } from '../../db/client.js';
import { findEmail, listEmails, type EmailRow } from '../../email/repository.js';
import { NotFound } from '../../errors/index.js';
import { pageRequest, type Page } from '../../http/pagination.js';

/** Reading the emails Abona wrote (sending is `sendTemplate`, called by lifecycle code). */
export function emailService(deps: { db: Db }) {
  const { db } = deps;
  return {
    async retrieve(livemode: boolean, id: string): Promise<EmailRow> {
      const row = await findEmail(db, livemode, id);
      if (!row) throw new NotFound('email', id);
      return row;
    },
    list(livemode: boolean, params: EmailListParams): Promise<Page<EmailRow>> {
      return listEmails(db, livemode, { customer: params.customer, template: params.template }, pageRequest(params));
    },
  };
}
export type EmailService = ReturnType<typeof emailService>;

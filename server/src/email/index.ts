export { deliverQueuedEmails, sendTemplate, type DeliverEmailsOptions, type EmailRecipient, type SendTemplateInput, type SendTemplateResult } from './send.js';
export { DEFAULT_EMAIL_FROM, mailerFromEnv, smtpMailer, storeMailer, type MailerSettings } from './transports.js';
export { emailLanguages, renderEmail, resolveEmailLocale, type EmailLanguage, type RenderedEmail, type RenderInput, type TemplateName } from './templates/render.js';
export type { TemplateData } from './templates/types.js';
export type { EmailRow } from './repository.js';

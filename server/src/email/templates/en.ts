import type { Messages } from './types.js';

export const en: Messages = {
  greeting: (name) => (name ? `Hi ${name},` : 'Hello,'),
  signOff: (seller) => `Thank you,\n${seller}`,
  footer: (seller) => `You are receiving this email because you have an account with ${seller}.`,

  receipt: (v) => ({
    subject: `Receipt for your payment of ${v.amount}`,
    heading: 'Thank you for your payment',
    paragraphs: [`We received your payment of ${v.amount} on ${v.date}.${v.description ? ` It covers: ${v.description}.` : ''}`, 'Keep this email for your records.'],
    details: [['Amount paid', v.amount], ['Date', v.date], ...(v.invoiceNumber ? [['Invoice', v.invoiceNumber] as [string, string]] : [])],
    ...(v.url ? { action: { label: 'View your receipt', url: v.url } } : {}),
  }),

  invoice: (v) => ({
    subject: `Your invoice ${v.invoiceNumber}`,
    heading: `Invoice ${v.invoiceNumber}`,
    paragraphs: [
      v.dueDate ? `Your new invoice of ${v.amount} is due on ${v.dueDate}.` : `Your new invoice of ${v.amount} is ready.`,
      'If a payment method is on file, we will charge it automatically; there is nothing else to do.',
    ],
    details: [['Amount due', v.amount], ['Invoice', v.invoiceNumber], ...(v.dueDate ? [['Due date', v.dueDate] as [string, string]] : [])],
    ...(v.url ? { action: { label: 'View and pay the invoice', url: v.url } } : {}),
  }),

  payment_failed: (v) => ({
    subject: 'Your payment failed: please update your card',
    heading: 'We could not take your payment',
    paragraphs: [
      `Your payment of ${v.amount}${v.invoiceNumber ? ` for invoice ${v.invoiceNumber}` : ''} was declined.`,
      v.nextAttempt ? `We will try again on ${v.nextAttempt}. To avoid an interruption, please update your payment details before then.` : 'To keep your subscription active, please update your payment details.',
      ...(v.portalUrl ? [] : ['You can update them from your account page.']),
    ],
    details: [['Amount', v.amount], ...(v.invoiceNumber ? [['Invoice', v.invoiceNumber] as [string, string]] : []), ...(v.nextAttempt ? [['Next attempt', v.nextAttempt] as [string, string]] : [])],
    ...(v.portalUrl ? { action: { label: 'Update your card', url: v.portalUrl } } : {}),
  }),

  trial_ending: (v) => ({
    subject: `Your ${v.planName} trial ends on ${v.date}`,
    heading: 'Your trial is ending soon',
    paragraphs: [
      `Your free trial of ${v.planName} ends on ${v.date}.`,
      `After that, your subscription continues at ${v.amount} per billing period. If you do not want to continue, cancel before the trial ends and you will not be charged.`,
    ],
    details: [['Plan', v.planName], ['Trial ends', v.date], ['Then', v.amount]],
    ...(v.portalUrl ? { action: { label: 'Manage your subscription', url: v.portalUrl } } : {}),
  }),

  upcoming_renewal: (v) => ({
    subject: `Your ${v.planName} subscription renews on ${v.date}`,
    heading: 'Your subscription renews soon',
    paragraphs: [`Your ${v.planName} subscription renews on ${v.date}, and we will charge ${v.amount}.`, 'No action is needed if you want to continue.'],
    details: [['Plan', v.planName], ['Renewal date', v.date], ['Amount', v.amount]],
    ...(v.portalUrl ? { action: { label: 'Manage your subscription', url: v.portalUrl } } : {}),
  }),

  cancellation_confirmed: (v) => ({
    subject: `Your ${v.planName} subscription has been cancelled`,
    heading: 'Your subscription has been cancelled',
    paragraphs: [`We have cancelled your ${v.planName} subscription. You keep access until ${v.date}, and you will not be charged again.`, 'Changed your mind? You can subscribe again at any time.'],
    details: [['Plan', v.planName], ['Access until', v.date]],
    ...(v.portalUrl ? { action: { label: 'Resubscribe', url: v.portalUrl } } : {}),
  }),
};

import type { Messages } from './types.js';

// French typography: a narrow no-break space (U+202F) before « : », as Intl does for amounts.
export const fr: Messages = {
  greeting: (name) => (name ? `Bonjour ${name},` : 'Bonjour,'),
  signOff: (seller) => `Merci,\n${seller}`,
  footer: (seller) => `Vous recevez cet e-mail parce que vous avez un compte chez ${seller}.`,

  receipt: (v) => ({
    subject: `Reçu de votre paiement de ${v.amount}`,
    heading: 'Merci pour votre paiement',
    paragraphs: [`Nous avons bien reçu votre paiement de ${v.amount} le ${v.date}.${v.description ? ` Il couvre\u202f: ${v.description}.` : ''}`, 'Conservez cet e-mail pour vos archives.'],
    details: [['Montant payé', v.amount], ['Date', v.date], ...(v.invoiceNumber ? [['Facture', v.invoiceNumber] as [string, string]] : [])],
    ...(v.url ? { action: { label: 'Voir votre reçu', url: v.url } } : {}),
  }),

  invoice: (v) => ({
    subject: `Votre facture ${v.invoiceNumber}`,
    heading: `Facture ${v.invoiceNumber}`,
    paragraphs: [
      v.dueDate ? `Votre nouvelle facture de ${v.amount} est à régler avant le ${v.dueDate}.` : `Votre nouvelle facture de ${v.amount} est disponible.`,
      'Si un moyen de paiement est enregistré, nous le débiterons automatiquement\u202f; vous n’avez rien d’autre à faire.',
    ],
    details: [['Montant dû', v.amount], ['Facture', v.invoiceNumber], ...(v.dueDate ? [['Échéance', v.dueDate] as [string, string]] : [])],
    ...(v.url ? { action: { label: 'Voir et payer la facture', url: v.url } } : {}),
  }),

  payment_failed: (v) => ({
    subject: 'Échec du paiement\u202f: mettez à jour votre carte',
    heading: 'Nous n’avons pas pu encaisser votre paiement',
    paragraphs: [
      `Votre paiement de ${v.amount}${v.invoiceNumber ? ` pour la facture ${v.invoiceNumber}` : ''} a été refusé.`,
      v.nextAttempt
        ? `Nous réessaierons le ${v.nextAttempt}. Pour éviter toute interruption, mettez à jour vos informations de paiement d’ici là.`
        : 'Pour que votre abonnement reste actif, mettez à jour vos informations de paiement.',
      ...(v.portalUrl ? [] : ['Vous pouvez les modifier depuis votre espace client.']),
    ],
    details: [['Montant', v.amount], ...(v.invoiceNumber ? [['Facture', v.invoiceNumber] as [string, string]] : []), ...(v.nextAttempt ? [['Prochaine tentative', v.nextAttempt] as [string, string]] : [])],
    ...(v.portalUrl ? { action: { label: 'Mettre à jour votre carte', url: v.portalUrl } } : {}),
  }),

  trial_ending: (v) => ({
    subject: `Votre essai de ${v.planName} se termine le ${v.date}`,
    heading: 'Votre période d’essai se termine bientôt',
    paragraphs: [
      `Votre essai gratuit de ${v.planName} se termine le ${v.date}.`,
      `Ensuite, votre abonnement continue à ${v.amount} par période de facturation. Si vous ne souhaitez pas continuer, résiliez avant la fin de l’essai et vous ne serez pas débité.`,
    ],
    details: [['Formule', v.planName], ['Fin de l’essai', v.date], ['Ensuite', v.amount]],
    ...(v.portalUrl ? { action: { label: 'Gérer votre abonnement', url: v.portalUrl } } : {}),
  }),

  upcoming_renewal: (v) => ({
    subject: `Votre abonnement ${v.planName} sera renouvelé le ${v.date}`,
    heading: 'Votre abonnement sera bientôt renouvelé',
    paragraphs: [`Votre abonnement ${v.planName} sera renouvelé le ${v.date} et nous prélèverons ${v.amount}.`, 'Si vous souhaitez continuer, vous n’avez rien à faire.'],
    details: [['Formule', v.planName], ['Date de renouvellement', v.date], ['Montant', v.amount]],
    ...(v.portalUrl ? { action: { label: 'Gérer votre abonnement', url: v.portalUrl } } : {}),
  }),

  cancellation_confirmed: (v) => ({
    subject: `Votre abonnement ${v.planName} a été résilié`,
    heading: 'Votre abonnement a été résilié',
    paragraphs: [`Nous avons résilié votre abonnement ${v.planName}. Vous gardez l’accès jusqu’au ${v.date} et ne serez plus débité.`, 'Vous avez changé d’avis\u202f? Vous pouvez vous réabonner à tout moment.'],
    details: [['Formule', v.planName], ['Accès jusqu’au', v.date]],
    ...(v.portalUrl ? { action: { label: 'Se réabonner', url: v.portalUrl } } : {}),
  }),
};

import type { Messages } from './types.js';

export const de: Messages = {
  greeting: (name) => (name ? `Hallo ${name},` : 'Guten Tag,'),
  signOff: (seller) => `Vielen Dank\n${seller}`,
  footer: (seller) => `Sie erhalten diese E-Mail, weil Sie ein Konto bei ${seller} haben.`,

  receipt: (v) => ({
    subject: `Beleg für Ihre Zahlung über ${v.amount}`,
    heading: 'Vielen Dank für Ihre Zahlung',
    paragraphs: [`Wir haben Ihre Zahlung über ${v.amount} am ${v.date} erhalten.${v.description ? ` Sie umfasst: ${v.description}.` : ''}`, 'Bitte bewahren Sie diese E-Mail für Ihre Unterlagen auf.'],
    details: [['Gezahlter Betrag', v.amount], ['Datum', v.date], ...(v.invoiceNumber ? [['Rechnung', v.invoiceNumber] as [string, string]] : [])],
    ...(v.url ? { action: { label: 'Beleg ansehen', url: v.url } } : {}),
  }),

  invoice: (v) => ({
    subject: `Ihre Rechnung ${v.invoiceNumber}`,
    heading: `Rechnung ${v.invoiceNumber}`,
    paragraphs: [
      v.dueDate ? `Ihre neue Rechnung über ${v.amount} ist am ${v.dueDate} fällig.` : `Ihre neue Rechnung über ${v.amount} liegt bereit.`,
      'Wenn eine Zahlungsmethode hinterlegt ist, buchen wir den Betrag automatisch ab; Sie müssen nichts weiter tun.',
    ],
    details: [['Fälliger Betrag', v.amount], ['Rechnung', v.invoiceNumber], ...(v.dueDate ? [['Fällig am', v.dueDate] as [string, string]] : [])],
    ...(v.url ? { action: { label: 'Rechnung ansehen und bezahlen', url: v.url } } : {}),
  }),

  payment_failed: (v) => ({
    subject: 'Zahlung fehlgeschlagen: Bitte aktualisieren Sie Ihre Karte',
    heading: 'Ihre Zahlung konnte nicht eingezogen werden',
    paragraphs: [
      `Ihre Zahlung über ${v.amount}${v.invoiceNumber ? ` für die Rechnung ${v.invoiceNumber}` : ''} wurde abgelehnt.`,
      v.nextAttempt
        ? `Wir versuchen es am ${v.nextAttempt} erneut. Bitte aktualisieren Sie Ihre Zahlungsdaten bis dahin, um eine Unterbrechung zu vermeiden.`
        : 'Bitte aktualisieren Sie Ihre Zahlungsdaten, damit Ihr Abonnement aktiv bleibt.',
      ...(v.portalUrl ? [] : ['Sie können sie in Ihrem Kundenkonto ändern.']),
    ],
    details: [['Betrag', v.amount], ...(v.invoiceNumber ? [['Rechnung', v.invoiceNumber] as [string, string]] : []), ...(v.nextAttempt ? [['Nächster Versuch', v.nextAttempt] as [string, string]] : [])],
    ...(v.portalUrl ? { action: { label: 'Karte aktualisieren', url: v.portalUrl } } : {}),
  }),

  trial_ending: (v) => ({
    subject: `Ihr Test von ${v.planName} endet am ${v.date}`,
    heading: 'Ihr Testzeitraum endet bald',
    paragraphs: [
      `Ihr kostenloser Testzeitraum für ${v.planName} endet am ${v.date}.`,
      `Danach läuft Ihr Abonnement für ${v.amount} pro Abrechnungszeitraum weiter. Wenn Sie nicht fortfahren möchten, kündigen Sie vor Ende des Testzeitraums; dann entstehen keine Kosten.`,
    ],
    details: [['Tarif', v.planName], ['Testzeitraum endet', v.date], ['Danach', v.amount]],
    ...(v.portalUrl ? { action: { label: 'Abonnement verwalten', url: v.portalUrl } } : {}),
  }),

  upcoming_renewal: (v) => ({
    subject: `Ihr Abonnement ${v.planName} verlängert sich am ${v.date}`,
    heading: 'Ihr Abonnement verlängert sich bald',
    paragraphs: [`Ihr Abonnement ${v.planName} verlängert sich am ${v.date}; wir buchen dann ${v.amount} ab.`, 'Wenn Sie weitermachen möchten, müssen Sie nichts tun.'],
    details: [['Tarif', v.planName], ['Verlängerung am', v.date], ['Betrag', v.amount]],
    ...(v.portalUrl ? { action: { label: 'Abonnement verwalten', url: v.portalUrl } } : {}),
  }),

  cancellation_confirmed: (v) => ({
    subject: `Ihr Abonnement ${v.planName} wurde gekündigt`,
    heading: 'Ihr Abonnement wurde gekündigt',
    paragraphs: [`Wir haben Ihr Abonnement ${v.planName} gekündigt. Sie haben bis zum ${v.date} weiterhin Zugang, und es werden keine weiteren Beträge abgebucht.`, 'Sie haben es sich anders überlegt? Sie können jederzeit wieder abonnieren.'],
    details: [['Tarif', v.planName], ['Zugang bis', v.date]],
    ...(v.portalUrl ? { action: { label: 'Erneut abonnieren', url: v.portalUrl } } : {}),
  }),
};

import type { Messages } from './types.js';

export const ro: Messages = {
  greeting: (name) => (name ? `Bună, ${name},` : 'Bună ziua,'),
  signOff: (seller) => `Mulțumim,\n${seller}`,
  footer: (seller) => `Primești acest e-mail pentru că ai un cont la ${seller}.`,

  receipt: (v) => ({
    subject: `Chitanță pentru plata de ${v.amount}`,
    heading: 'Îți mulțumim pentru plată',
    paragraphs: [`Am primit plata ta de ${v.amount} pe ${v.date}.${v.description ? ` Aceasta acoperă: ${v.description}.` : ''}`, 'Păstrează acest e-mail pentru evidența ta.'],
    details: [['Sumă plătită', v.amount], ['Data', v.date], ...(v.invoiceNumber ? [['Factura', v.invoiceNumber] as [string, string]] : [])],
    ...(v.url ? { action: { label: 'Vezi chitanța', url: v.url } } : {}),
  }),

  invoice: (v) => ({
    subject: `Factura ta ${v.invoiceNumber}`,
    heading: `Factura ${v.invoiceNumber}`,
    paragraphs: [
      v.dueDate ? `Noua ta factură, în valoare de ${v.amount}, este scadentă pe ${v.dueDate}.` : `Noua ta factură, în valoare de ${v.amount}, este gata.`,
      'Dacă ai salvat o metodă de plată, o vom debita automat; nu mai trebuie să faci nimic.',
    ],
    details: [['Sumă de plată', v.amount], ['Factura', v.invoiceNumber], ...(v.dueDate ? [['Scadență', v.dueDate] as [string, string]] : [])],
    ...(v.url ? { action: { label: 'Vezi și plătește factura', url: v.url } } : {}),
  }),

  payment_failed: (v) => ({
    subject: 'Plata a eșuat: actualizează-ți cardul',
    heading: 'Nu am putut încasa plata',
    paragraphs: [
      `Plata ta de ${v.amount}${v.invoiceNumber ? ` pentru factura ${v.invoiceNumber}` : ''} a fost refuzată.`,
      v.nextAttempt ? `Vom încerca din nou pe ${v.nextAttempt}. Ca să eviți o întrerupere, actualizează-ți datele de plată până atunci.` : 'Ca abonamentul să rămână activ, actualizează-ți datele de plată.',
      ...(v.portalUrl ? [] : ['Le poți actualiza din pagina contului tău.']),
    ],
    details: [['Sumă', v.amount], ...(v.invoiceNumber ? [['Factura', v.invoiceNumber] as [string, string]] : []), ...(v.nextAttempt ? [['Următoarea încercare', v.nextAttempt] as [string, string]] : [])],
    ...(v.portalUrl ? { action: { label: 'Actualizează cardul', url: v.portalUrl } } : {}),
  }),

  trial_ending: (v) => ({
    subject: `Perioada de probă ${v.planName} se încheie pe ${v.date}`,
    heading: 'Perioada de probă se încheie în curând',
    paragraphs: [
      `Perioada ta de probă gratuită pentru ${v.planName} se încheie pe ${v.date}.`,
      `După aceea, abonamentul continuă la ${v.amount} pe perioadă de facturare. Dacă nu vrei să continui, anulează înainte de sfârșitul perioadei de probă și nu vei fi taxat.`,
    ],
    details: [['Plan', v.planName], ['Sfârșitul perioadei de probă', v.date], ['Apoi', v.amount]],
    ...(v.portalUrl ? { action: { label: 'Gestionează abonamentul', url: v.portalUrl } } : {}),
  }),

  upcoming_renewal: (v) => ({
    subject: `Abonamentul tău ${v.planName} se reînnoiește pe ${v.date}`,
    heading: 'Abonamentul tău se reînnoiește în curând',
    paragraphs: [`Abonamentul tău ${v.planName} se reînnoiește pe ${v.date}, iar suma de ${v.amount} va fi debitată.`, 'Dacă vrei să continui, nu trebuie să faci nimic.'],
    details: [['Plan', v.planName], ['Data reînnoirii', v.date], ['Sumă', v.amount]],
    ...(v.portalUrl ? { action: { label: 'Gestionează abonamentul', url: v.portalUrl } } : {}),
  }),

  cancellation_confirmed: (v) => ({
    subject: `Abonamentul tău ${v.planName} a fost anulat`,
    heading: 'Abonamentul tău a fost anulat',
    paragraphs: [`Am anulat abonamentul tău ${v.planName}. Păstrezi accesul până pe ${v.date} și nu vei mai fi taxat.`, 'Te-ai răzgândit? Te poți abona din nou oricând.'],
    details: [['Plan', v.planName], ['Acces până pe', v.date]],
    ...(v.portalUrl ? { action: { label: 'Abonează-te din nou', url: v.portalUrl } } : {}),
  }),
};

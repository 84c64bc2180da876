import type { Messages } from './types.js';

export const es: Messages = {
  greeting: (name) => (name ? `Hola, ${name}:` : 'Hola:'),
  signOff: (seller) => `Gracias,\n${seller}`,
  footer: (seller) => `Recibes este correo porque tienes una cuenta en ${seller}.`,

  receipt: (v) => ({
    subject: `Recibo de tu pago de ${v.amount}`,
    heading: 'Gracias por tu pago',
    paragraphs: [`Hemos recibido tu pago de ${v.amount} el ${v.date}.${v.description ? ` Corresponde a: ${v.description}.` : ''}`, 'Guarda este correo para tus registros.'],
    details: [['Importe pagado', v.amount], ['Fecha', v.date], ...(v.invoiceNumber ? [['Factura', v.invoiceNumber] as [string, string]] : [])],
    ...(v.url ? { action: { label: 'Ver tu recibo', url: v.url } } : {}),
  }),

  invoice: (v) => ({
    subject: `Tu factura ${v.invoiceNumber}`,
    heading: `Factura ${v.invoiceNumber}`,
    paragraphs: [
      v.dueDate ? `Tu nueva factura de ${v.amount} vence el ${v.dueDate}.` : `Tu nueva factura de ${v.amount} ya está disponible.`,
      'Si tienes un método de pago guardado, lo cobraremos automáticamente; no tienes que hacer nada más.',
    ],
    details: [['Importe pendiente', v.amount], ['Factura', v.invoiceNumber], ...(v.dueDate ? [['Vencimiento', v.dueDate] as [string, string]] : [])],
    ...(v.url ? { action: { label: 'Ver y pagar la factura', url: v.url } } : {}),
  }),

  payment_failed: (v) => ({
    subject: 'Tu pago ha fallado: actualiza tu tarjeta',
    heading: 'No hemos podido cobrar tu pago',
    paragraphs: [
      `Tu pago de ${v.amount}${v.invoiceNumber ? ` de la factura ${v.invoiceNumber}` : ''} ha sido rechazado.`,
      v.nextAttempt ? `Volveremos a intentarlo el ${v.nextAttempt}. Para evitar una interrupción, actualiza tus datos de pago antes de esa fecha.` : 'Para mantener tu suscripción activa, actualiza tus datos de pago.',
      ...(v.portalUrl ? [] : ['Puedes actualizarlos desde la página de tu cuenta.']),
    ],
    details: [['Importe', v.amount], ...(v.invoiceNumber ? [['Factura', v.invoiceNumber] as [string, string]] : []), ...(v.nextAttempt ? [['Próximo intento', v.nextAttempt] as [string, string]] : [])],
    ...(v.portalUrl ? { action: { label: 'Actualizar tu tarjeta', url: v.portalUrl } } : {}),
  }),

  trial_ending: (v) => ({
    subject: `Tu prueba de ${v.planName} termina el ${v.date}`,
    heading: 'Tu periodo de prueba termina pronto',
    paragraphs: [
      `Tu prueba gratuita de ${v.planName} termina el ${v.date}.`,
      `Después, tu suscripción continúa por ${v.amount} por periodo de facturación. Si no quieres continuar, cancela antes de que termine la prueba y no se te cobrará nada.`,
    ],
    details: [['Plan', v.planName], ['Fin de la prueba', v.date], ['Después', v.amount]],
    ...(v.portalUrl ? { action: { label: 'Gestionar tu suscripción', url: v.portalUrl } } : {}),
  }),

  upcoming_renewal: (v) => ({
    subject: `Tu suscripción ${v.planName} se renueva el ${v.date}`,
    heading: 'Tu suscripción se renueva pronto',
    paragraphs: [`Tu suscripción ${v.planName} se renueva el ${v.date} y te cobraremos ${v.amount}.`, 'Si quieres continuar, no tienes que hacer nada.'],
    details: [['Plan', v.planName], ['Fecha de renovación', v.date], ['Importe', v.amount]],
    ...(v.portalUrl ? { action: { label: 'Gestionar tu suscripción', url: v.portalUrl } } : {}),
  }),

  cancellation_confirmed: (v) => ({
    subject: `Tu suscripción ${v.planName} ha sido cancelada`,
    heading: 'Tu suscripción ha sido cancelada',
    paragraphs: [`Hemos cancelado tu suscripción ${v.planName}. Mantienes el acceso hasta el ${v.date} y no se te volverá a cobrar.`, '¿Has cambiado de opinión? Puedes volver a suscribirte cuando quieras.'],
    details: [['Plan', v.planName], ['Acceso hasta', v.date]],
    ...(v.portalUrl ? { action: { label: 'Volver a suscribirte', url: v.portalUrl } } : {}),
  }),
};

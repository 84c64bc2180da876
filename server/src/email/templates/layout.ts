import type { Copy } from './types.js';

/** Text safe inside HTML elements and double-quoted attributes. */
export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export interface Frame {
  lang: string;
  greeting: string;
  signOff: string;
  footer: string;
}

const P = 'margin:0 0 16px;font-size:16px;line-height:1.5;';

/**
 * The HTML body: one centred column, inline styles only (mail clients drop `<style>`), a real
 * heading, a label/value table with row headers, and a link styled as a button whose text
 * says where it goes. Colours pass WCAG AA contrast on white.
 */
export function toHtml(copy: Copy, frame: Frame): string {
  const lines = (text: string) => escapeHtml(text).replace(/\n/g, '<br>');
  const paragraphs = [frame.greeting, ...copy.paragraphs].map((text) => `<p style="${P}">${lines(text)}</p>`).join('\n');
  const details =
    copy.details.length === 0
      ? ''
      : `<table style="border-collapse:collapse;margin:0 0 24px;font-size:15px;line-height:1.4;">
${copy.details.map(([label, value]) => `<tr><th scope="row" style="text-align:left;font-weight:600;padding:4px 24px 4px 0;color:#57606a;">${escapeHtml(label)}</th><td style="padding:4px 0;">${escapeHtml(value)}</td></tr>`).join('\n')}
</table>`;
  const action = copy.action
    ? `<p style="margin:0 0 24px;"><a href="${escapeHtml(copy.action.url)}" style="display:inline-block;background:#1f4fd1;color:#ffffff;text-decoration:none;font-weight:600;font-size:16px;padding:12px 20px;border-radius:6px;">${escapeHtml(copy.action.label)}</a></p>`
    : '';
  return `<!doctype html>
<html lang="${escapeHtml(frame.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${escapeHtml(copy.subject)}</title>
</head>
<body style="margin:0;padding:24px 12px;background:#f4f5f7;color:#1f2328;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;">
<div role="article" aria-label="${escapeHtml(copy.subject)}" lang="${escapeHtml(frame.lang)}" style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:32px 28px;">
<h1 style="margin:0 0 20px;font-size:22px;line-height:1.3;">${escapeHtml(copy.heading)}</h1>
${paragraphs}
${details}
${action}
<p style="${P}">${lines(frame.signOff)}</p>
<hr style="border:none;border-top:1px solid #d0d7de;margin:24px 0 16px;">
<p style="margin:0;font-size:13px;line-height:1.5;color:#57606a;">${escapeHtml(frame.footer)}</p>
</div>
</body>
</html>
`;
}

/** The plain-text body: the same words, details as `label: value`, the link spelled out. */
export function toText(copy: Copy, frame: Frame): string {
  const blocks = [copy.heading, frame.greeting, ...copy.paragraphs];
  if (copy.details.length > 0) blocks.push(copy.details.map(([label, value]) => `${label}: ${value}`).join('\n'));
  if (copy.action) blocks.push(`${copy.action.label}: ${copy.action.url}`);
  blocks.push(frame.signOff, `--\n${frame.footer}`);
  return `${blocks.join('\n\n')}\n`;
}

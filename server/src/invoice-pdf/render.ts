import { dejaVuFonts } from './fonts.js';
import type { DocumentRow, DocumentSection, InvoiceDocument } from './model.js';

export interface RenderOptions {
  /**
   * The PDF's creation date. pdfkit otherwise stamps "now", which also seeds the file id, so two
   * renders of one invoice would differ; pass the invoice's finalization time for stable bytes.
   */
  createdAt: Date;
}

const MARGIN = 50;
const BODY = 9.5;
const LINE = 14;
interface Column {
  x: number;
  width: number;
  align: 'left' | 'right';
}
/** Table columns as fractions of the text width (amounts align right), by section. */
const COLUMNS: Record<'lines' | 'credit_notes', readonly Column[]> = {
  lines: [
    { x: 0, width: 0.44, align: 'left' },
    { x: 0.45, width: 0.3, align: 'left' },
    { x: 0.76, width: 0.06, align: 'right' },
    { x: 0.83, width: 0.17, align: 'right' },
  ],
  credit_notes: [
    { x: 0, width: 0.2, align: 'left' },
    { x: 0.21, width: 0.2, align: 'left' },
    { x: 0.42, width: 0.4, align: 'left' },
    { x: 0.83, width: 0.17, align: 'right' },
  ],
};

/**
 * Draws an {@link InvoiceDocument} as an A4 PDF with DejaVu Sans embedded (subset). Pages break
 * between rows, never inside one. The output is the same bytes for the same document and date.
 */
export async function renderInvoicePdf(doc: InvoiceDocument, options: RenderOptions): Promise<Uint8Array> {
  // Loaded on the first PDF: pdfkit and its font engine add about 23 MB to a server that may never draw one.
  const { default: PDFDocument } = await import('pdfkit');
  const fonts = dejaVuFonts();
  const pdf = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    font: fonts.regular,
    info: { Title: doc.title, Creator: 'Abona', Producer: 'Abona', CreationDate: options.createdAt },
  });
  pdf.registerFont('regular', fonts.regular);
  pdf.registerFont('bold', fonts.bold);
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.on('error', reject);
  });

  const left = MARGIN;
  const width = pdf.page.width - 2 * MARGIN;
  let y = MARGIN;
  const room = (height: number) => {
    if (y + height <= pdf.page.height - MARGIN) return;
    pdf.addPage();
    y = MARGIN;
  };
  /** Writes at the current `y`; answers the height taken (pdfkit's cursor after the text). */
  const write = (text: string, x: number, w: number, opts: { bold?: boolean; size?: number; align?: 'left' | 'right' } = {}) => {
    pdf.font(opts.bold ? 'bold' : 'regular').fontSize(opts.size ?? BODY);
    pdf.text(text, x, y, { width: w, align: opts.align ?? 'left', lineBreak: true });
    return pdf.y - y;
  };

  write(doc.title, left, width, { bold: true, size: 18 });
  y += 34;

  const byKind = (kind: DocumentSection['kind']) => doc.sections.find((s) => s.kind === kind);
  // Seller and customer side by side, as on a paper invoice.
  const parties = [byKind('seller'), byKind('customer')].filter((s): s is DocumentSection => s !== undefined);
  const half = (width - 20) / 2;
  const top = y;
  let bottom = y;
  parties.forEach((section, i) => {
    y = top;
    const x = left + i * (half + 20);
    y += write(section.title.toUpperCase(), x, half, { bold: true, size: 8 }) + 4;
    for (const row of section.rows) y += write(row.cells.join(' '), x, half, { bold: row.strong === true }) + 1;
    bottom = Math.max(bottom, y);
  });
  y = bottom + 18;

  for (const section of doc.sections) {
    if (section.kind === 'seller' || section.kind === 'customer') continue;
    room(LINE * 3);
    y += write(section.title.toUpperCase(), left, width, { bold: true, size: 8 }) + 4;
    if (section.columns) drawTable(section.columns, section.rows, COLUMNS[section.kind === 'credit_notes' ? 'credit_notes' : 'lines']);
    else if (section.kind === 'notes') for (const row of section.rows) drawNote(row);
    else for (const row of section.rows) drawPair(row, section.kind === 'totals');
    y += 14;
  }

  function drawTable(columns: readonly string[], rows: readonly DocumentRow[], layout: readonly Column[]) {
    const cell = (text: string, i: number, bold: boolean) => {
      const column = layout[Math.min(i, layout.length - 1)]!;
      return write(text, left + column.x * width, column.width * width, { bold, align: column.align });
    };
    room(LINE * 2);
    y += Math.max(...columns.map((c, i) => cell(c, i, true))) + 3;
    pdf.moveTo(left, y).lineTo(left + width, y).lineWidth(0.5).strokeColor('#999999').stroke();
    y += 4;
    for (const row of rows) {
      // A row is one line unless its description wraps: measure only that cell.
      const height = pdf.font('regular').fontSize(BODY).heightOfString(row.cells[0] ?? '', { width: layout[0]!.width * width });
      room(height + 4);
      y += Math.max(height, ...row.cells.map((text, i) => cell(text, i, row.strong === true))) + 4;
    }
  }

  function drawPair(row: DocumentRow, rightHalf: boolean) {
    const [label = '', value = ''] = row.cells;
    const x = rightHalf ? left + width * 0.4 : left;
    const w = rightHalf ? width * 0.6 : width;
    const labelWidth = w * (rightHalf ? 0.68 : 0.3);
    const height = pdf.font(row.strong ? 'bold' : 'regular').fontSize(BODY).heightOfString(label, { width: labelWidth });
    room(height + 3);
    const used = Math.max(write(label, x, labelWidth, { bold: row.strong === true }), write(value, x + labelWidth, w - labelWidth, { bold: row.strong === true, align: rightHalf ? 'right' : 'left' }));
    y += used + 3;
  }

  function drawNote(row: DocumentRow) {
    const text = row.cells.join(' ');
    room(pdf.font('regular').fontSize(BODY).heightOfString(text, { width }) + 3);
    y += write(text, left, width) + 3;
  }

  pdf.end();
  return done;
}

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * DejaVu Sans, regular and bold, from the `dejavu-fonts-ttf` package: the 14 standard PDF fonts
 * only cover WinAnsi, so Romanian ș/ț and many currency signs would print as gaps. Resolved once.
 */
export function dejaVuFonts(): { regular: string; bold: string } {
  const ttf = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return { regular: join(ttf, 'DejaVuSans.ttf'), bold: join(ttf, 'DejaVuSans-Bold.ttf') };
}

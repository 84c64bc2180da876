import { checkGb } from '../national/gb.js';
import type { NumberCheck } from '../types.js';
import { checkAt } from './at.js';
import { checkBe } from './be.js';
import { checkBg } from './bg.js';
import { checkCy } from './cy.js';
import { checkCz } from './cz.js';
import { checkDe } from './de.js';
import { checkDk } from './dk.js';
import { checkEe } from './ee.js';
import { checkEl } from './el.js';
import { checkEs } from './es.js';
import { checkFi } from './fi.js';
import { checkFr } from './fr.js';
import { checkHr } from './hr.js';
import { checkHu } from './hu.js';
import { checkIe } from './ie.js';
import { checkIt } from './it.js';
import { checkLt } from './lt.js';
import { checkLu } from './lu.js';
import { checkLv } from './lv.js';
import { checkMt } from './mt.js';
import { checkNl } from './nl.js';
import { checkPl } from './pl.js';
import { checkPt } from './pt.js';
import { checkRo } from './ro.js';
import { checkSe } from './se.js';
import { checkSi } from './si.js';
import { checkSk } from './sk.js';

/** One VAT prefix: the ISO country it belongs to and the check of the part after it. */
export interface EuVatPrefix {
  country: string;
  check: NumberCheck;
}

/**
 * The VIES prefixes: the 27 member states (Greece writes EL, not its ISO code GR) and XI,
 * Northern Ireland, whose traders keep their UK number under the Windsor Framework.
 */
export const euVatPrefixes: Readonly<Record<string, EuVatPrefix>> = {
  AT: { country: 'AT', check: checkAt },
  BE: { country: 'BE', check: checkBe },
  BG: { country: 'BG', check: checkBg },
  CY: { country: 'CY', check: checkCy },
  CZ: { country: 'CZ', check: checkCz },
  DE: { country: 'DE', check: checkDe },
  DK: { country: 'DK', check: checkDk },
  EE: { country: 'EE', check: checkEe },
  EL: { country: 'GR', check: checkEl },
  ES: { country: 'ES', check: checkEs },
  FI: { country: 'FI', check: checkFi },
  FR: { country: 'FR', check: checkFr },
  HR: { country: 'HR', check: checkHr },
  HU: { country: 'HU', check: checkHu },
  IE: { country: 'IE', check: checkIe },
  IT: { country: 'IT', check: checkIt },
  LT: { country: 'LT', check: checkLt },
  LU: { country: 'LU', check: checkLu },
  LV: { country: 'LV', check: checkLv },
  MT: { country: 'MT', check: checkMt },
  NL: { country: 'NL', check: checkNl },
  PL: { country: 'PL', check: checkPl },
  PT: { country: 'PT', check: checkPt },
  RO: { country: 'RO', check: checkRo },
  SE: { country: 'SE', check: checkSe },
  SI: { country: 'SI', check: checkSi },
  SK: { country: 'SK', check: checkSk },
  XI: { country: 'GB', check: checkGb },
};

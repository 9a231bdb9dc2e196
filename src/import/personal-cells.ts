import { findPersonalData, maskPersonalData } from '../privacy/personal-data.js';
import { IMPORT_HARDENING_TEXT as H } from '../text/import-messages.js';

/**
 * Why a free-text cell may not be imported because it carries a citizen's data (a phone,
 * an ID number, an e-mail address, a name after a form of address), with the value quoted
 * masked; null when the cell is clean. Every text an import may store, log or echo (codes,
 * sector and unit names, province names) goes through here.
 */
export function personalDataReason(label: string, value: string): string | null {
  if (!mayHoldPersonalData(value) || findPersonalData(value).length === 0) return null;
  const masked = maskPersonalData(value);
  return H.personalData(label, masked.kinds, masked.text);
}

/**
 * A cheap, exact pre-check of the detector's rules: a phone or ID number has at least nine
 * digits, an e-mail address an '@', a name a space after its form of address. A cell
 * without any of them ("LV1", "05293", "H25.1-0001") needs no detector run.
 */
export function mayHoldPersonalData(v: string): boolean {
  let digits = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 64) return true;
    if (c >= 48 && c <= 57 && ++digits >= 9) return true;
  }
  return /\s/.test(v);
}

/** The text with any personal data masked (the one detector), skipping texts that cannot hold any. */
export function maskCell(v: string): string {
  return mayHoldPersonalData(v) ? maskPersonalData(v).text : v;
}

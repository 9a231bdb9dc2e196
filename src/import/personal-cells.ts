import { findPersonalData, maskPersonalData } from '../privacy/personal-data.js';
import { IMPORT_HARDENING_TEXT as H } from '../text/import-messages.js';

/**
 * Why a free-text cell may not be imported because it carries a citizen's data (a phone,
 * an ID number, an e-mail address, a name after a form of address), with the value quoted
 * masked; null when the cell is clean. Every text an import may store, log or echo (codes,
 * sector and unit names, province names) goes through here.
 */
export function personalDataReason(label: string, value: string): string | null {
  if (value === '' || findPersonalData(value).length === 0) return null;
  const masked = maskPersonalData(value);
  return H.personalData(label, masked.kinds, masked.text);
}

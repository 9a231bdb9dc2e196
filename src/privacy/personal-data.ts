/**
 * The one detector of citizens' personal data in free text: phone numbers in every usual
 * grouping, ID numbers (9-digit identity cards, 12-digit citizen IDs), e-mail addresses,
 * and a person's name after a form of address ("bà Quách Thị Xuyến"). Whatever may be
 * stored, logged, echoed or shown (a sector name, a unit name, a file name, the text of a
 * recommendation) goes through `findPersonalData` or `maskPersonalData` first.
 *
 * @example
 * maskPersonalData('Cấp phép - bà Quách Thị Xuyến 0912 345 678')
 * // → { text: 'Cấp phép - bà Q•••• T•• X•••• 09•• ••• •78', kinds: ['name', 'phone'] }
 */

/** What kind of personal data a span is. */
export type PersonalDataKind = 'phone' | 'id_number' | 'email' | 'name';

/** One piece of personal data found in a text, as [start, end) of the text. */
export interface PersonalDataSpan {
  kind: PersonalDataKind;
  start: number;
  end: number;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

/**
 * Runs of digit groups joined by one separator (space, dot, dash) or nothing, and not glued
 * to letters or other digits on either side: "0912 345 678", "(+84) 912.345.678",
 * "001 203 004 567". A group glued to letters is part of a code ("H44.05305-…").
 */
const DIGIT_RUN = /(?<![\p{L}\p{N}])(?:\(?\+84\)?[ .-]?|\+)?\d+(?:[ .-]\d+)*(?![\p{L}\p{N}])/gu;

/** Honorifics officials write before a citizen's name. */
const ADDRESS_FORMS = ['ông', 'bà', 'anh', 'chị', 'cô', 'chú', 'bác', 'em', 'cháu', 'công dân', 'người dân', 'chủ hồ sơ'];
const CAPITALISED = '\\p{Lu}[\\p{Ll}\\p{M}]*';
/** A lower-case form of address and one to four capitalised words; a capitalised one needs at least two ("Bà Rịa" is a place). */
const NAME = new RegExp(
  `(?<![\\p{L}])(?:(?:${ADDRESS_FORMS.join('|')})\\s+(${CAPITALISED}(?:\\s+${CAPITALISED}){0,3})|(?:Ông|Bà|Anh|Chị)\\s+(${CAPITALISED}(?:\\s+${CAPITALISED}){1,3}))(?![\\p{L}])`,
  'gu',
);

/** Whether a string of digits, with how it was written, is a phone or an ID number. */
function classifyDigits(digits: string, written: string): PersonalDataKind | null {
  const international = /^\(?\+84|^84/.test(written.replace(/\s/g, '')) ? digits.replace(/^84/, '0') : digits;
  if (/^0[35789]\d{8}$/.test(international)) return 'phone';
  if (/^02\d{9}$/.test(international)) return 'phone';
  // A quantity with thousands separators ("250.000.000 đồng") is not an ID; ID numbers
  // written in groups start with 0 (the province code of a citizen ID).
  const thousands = /^\d{1,3}(\.\d{3})+$/.test(written);
  if (digits.length === 12 && digits.startsWith('0')) return 'id_number';
  if (digits.length === 9 && (!thousands || digits.startsWith('0'))) return 'id_number';
  return null;
}

/**
 * The longest phone or ID number that starts at group `from` of a run, as the number of
 * groups it takes, or null. Groups are added whole, never split.
 */
function matchAt(groups: readonly { text: string; sep: string }[], from: number): { take: number; kind: PersonalDataKind } | null {
  let best: { take: number; kind: PersonalDataKind } | null = null;
  let digits = '';
  let written = '';
  for (let i = from; i < groups.length; i++) {
    const g = groups[i]!;
    digits += g.text.replace(/\D/g, '');
    written += (i === from ? '' : g.sep) + g.text;
    if (digits.length > 13) break;
    const kind = classifyDigits(digits, written);
    if (kind) best = { take: i - from + 1, kind };
  }
  return best;
}

/** Every piece of personal data in `text`, in order, not overlapping. */
export function findPersonalData(text: string): PersonalDataSpan[] {
  const spans: PersonalDataSpan[] = [];
  for (const m of text.matchAll(EMAIL)) spans.push({ kind: 'email', start: m.index, end: m.index + m[0].length });
  for (const m of text.matchAll(DIGIT_RUN)) {
    const run = m[0];
    // Split into groups, keeping each group's offset and the separator before it.
    const groups: { text: string; sep: string; offset: number }[] = [];
    const part = /(\(?\+?\d+\)?)([ .-]?)/g;
    let sep = '';
    for (const g of run.matchAll(part)) {
      if (g[1] === '') continue;
      groups.push({ text: g[1]!, sep, offset: g.index });
      sep = g[2] ?? '';
    }
    for (let i = 0; i < groups.length; ) {
      const hit = matchAt(groups, i);
      if (!hit) {
        i++;
        continue;
      }
      const last = groups[i + hit.take - 1]!;
      spans.push({ kind: hit.kind, start: m.index + groups[i]!.offset, end: m.index + last.offset + last.text.length });
      i += hit.take;
    }
  }
  for (const m of text.matchAll(NAME)) {
    const name = m[1] ?? m[2]!;
    const start = m.index + m[0].lastIndexOf(name);
    spans.push({ kind: 'name', start, end: start + name.length });
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: PersonalDataSpan[] = [];
  for (const s of spans) if (!out.length || s.start >= out[out.length - 1]!.end) out.push(s);
  return out;
}

/** Whether `text` holds any personal data. */
export function hasPersonalData(text: string): boolean {
  return findPersonalData(text).length > 0;
}

/** One span masked: digits but the first two and last two, a name's letters but each word's first, an address's local part. */
function maskSpan(kind: PersonalDataKind, s: string): string {
  switch (kind) {
    case 'phone':
    case 'id_number': {
      const total = s.replace(/\D/g, '').length;
      let seen = 0;
      return s.replace(/\d/g, (d) => {
        seen++;
        return seen <= 2 || seen > total - 2 ? d : '•';
      });
    }
    case 'email': {
      const at = s.indexOf('@');
      return `${s.slice(0, 1)}•••${s.slice(at)}`;
    }
    case 'name':
      return s.replace(/(\p{L})([\p{L}\p{M}]*)/gu, (_, first: string, rest: string) => first + '•'.repeat([...rest].length));
  }
}

/** The text with every piece of personal data masked, and the kinds found (each once, in order). */
export function maskPersonalData(text: string): { text: string; kinds: PersonalDataKind[] } {
  const spans = findPersonalData(text);
  if (spans.length === 0) return { text, kinds: [] };
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + maskSpan(s.kind, text.slice(s.start, s.end));
    at = s.end;
  }
  out += text.slice(at);
  return { text: out, kinds: [...new Set(spans.map((s) => s.kind))] };
}

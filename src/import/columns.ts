import { foldKey } from '../names/keys.js';

/**
 * Matching a file's header to the fields an import needs. Exports spell the same column
 * many ways ("MaHoSo", "Mã hồ sơ", "ma_ho_so"); all are compared without diacritics, case,
 * spaces or punctuation. Columns that hold a citizen's personal data are recognised by name
 * and dropped: their cells are never copied out of the parser's record.
 */

/** How a header cell is compared: "Mã hồ sơ" → "mahoso". */
export function headerKey(h: string): string {
  return foldKey(h).replace(/ /g, '');
}

/** One field an import reads. */
export interface FieldSpec<F extends string = string> {
  field: F;
  /** Accepted spellings, in any form (compared through headerKey). */
  aliases: readonly string[];
  /** The column name used in messages when the file lacks it. */
  label: string;
  required?: boolean;
}

/**
 * Fragments of column names that hold personal data in one-stop exports: the applicant's
 * name, ID papers, phone, e-mail, address, birth date. Compared as headerKey substrings.
 */
const PERSONAL_FRAGMENTS = [
  'chuhoso',
  'hoten',
  'hovaten',
  'nguoinop',
  'nguoidaidien',
  'nguoinhan',
  'tencongdan',
  'congdan',
  'sogiayto',
  'giaytotuythan',
  'cccd',
  'cmnd',
  'cmt',
  'cancuoc',
  'dinhdanh',
  'hochieu',
  'dienthoai',
  'sdt',
  'didong',
  'email',
  'thudientu',
  'diachi',
  'noio',
  'cutru',
  'thuongtru',
  'tamtru',
  'ngaysinh',
  'namsinh',
  'gioitinh',
  'quoctich',
  'fullname',
  'phone',
  'mobile',
  'address',
  'birth',
  'idnumber',
  'citizen',
  'passport',
  'applicant',
];

/** True when a column name looks like a citizen's personal data. */
export function isPersonalColumn(header: string): boolean {
  const k = headerKey(header);
  return PERSONAL_FRAGMENTS.some((f) => k.includes(f));
}

/** The outcome of matching a header. */
export interface HeaderMatch<F extends string> {
  /** Column index of each field found. */
  index: Partial<Record<F, number>>;
  /** The header cell of each field found, as written (for reports). */
  names: Partial<Record<F, string>>;
  /** Required fields with no column. */
  missing: FieldSpec<F>[];
  /** Columns dropped as personal data. */
  personal: string[];
  /** Columns neither used nor personal. */
  unused: string[];
}

/**
 * Finds each field's column. The first column that matches a field wins; a field's aliases
 * are tried in order, so an exact national-schema name beats a looser spelling.
 */
export function matchHeader<F extends string>(
  header: readonly string[],
  specs: readonly FieldSpec<F>[],
  /** Columns known to hold no personal data though their names look so ("full_name" of a unit). */
  harmless: readonly string[] = [],
): HeaderMatch<F> {
  const safe = new Set(harmless.map(headerKey));
  const keys = header.map(headerKey);
  const taken = new Set<number>();
  const index: Partial<Record<F, number>> = {};
  const names: Partial<Record<F, string>> = {};
  for (const spec of specs) {
    for (const alias of spec.aliases) {
      const k = headerKey(alias);
      const i = keys.findIndex((x, j) => x === k && !taken.has(j));
      if (i >= 0) {
        index[spec.field] = i;
        names[spec.field] = header[i]!;
        taken.add(i);
        break;
      }
    }
  }
  const personal: string[] = [];
  const unused: string[] = [];
  header.forEach((h, i) => {
    if (taken.has(i) || h === '') return;
    if (isPersonalColumn(h) && !safe.has(keys[i]!)) personal.push(h);
    else unused.push(h);
  });
  const missing = specs.filter((s) => s.required && index[s.field] === undefined);
  return { index, names, missing, personal, unused };
}

/**
 * Picks the cells of the matched fields out of a record, trimmed and composed to NFC (a
 * Windows-1258 file writes tones as separate marks). Nothing else of the record is kept.
 */
export function pickCells<F extends string>(cells: readonly string[], index: Partial<Record<F, number>>, fields: readonly F[]): Record<F, string> {
  const out = {} as Record<F, string>;
  for (const f of fields) {
    const i = index[f];
    const raw = i === undefined ? '' : (cells[i] ?? '');
    const t = raw.length > 0 && (raw.charCodeAt(0) <= 32 || raw.charCodeAt(raw.length - 1) <= 32) ? raw.trim() : raw;
    out[f] = hasCombiningMark(t) ? t.normalize('NFC') : t;
  }
  return out;
}

/** True when a text carries a separate combining mark (U+0300–U+036F), which NFC would compose. */
function hasCombiningMark(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x300 && c <= 0x36f) return true;
  }
  return false;
}

import { foldKey, hasDiacritics, nameKeys } from '../names/keys.js';

/**
 * Abbreviations officials write in chat, spelled out so that a rule written in full
 * matches them ("cntt" = "công nghệ thông tin"). Keys and values are folded keys.
 */
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  cntt: 'cong nghe thong tin',
  cds: 'chuyen doi so',
  bhxh: 'bao hiem xa hoi',
  bhyt: 'bao hiem y te',
  cccd: 'can cuoc cong dan',
  tthc: 'thu tuc hanh chinh',
  dvc: 'dich vu cong',
  dvctt: 'dich vu cong truc tuyen',
  gcn: 'giay chung nhan',
  qsdd: 'quyen su dung dat',
  gcnqsdd: 'giay chung nhan quyen su dung dat',
  gpmb: 'giai phong mat bang',
  xdcb: 'xay dung co ban',
  ttpvhcc: 'trung tam phuc vu hanh chinh cong',
  hcc: 'hanh chinh cong',
  ubnd: 'uy ban nhan dan',
  csdl: 'co so du lieu',
  csdlqg: 'co so du lieu quoc gia',
  ccn: 'cum cong nghiep',
  kcn: 'khu cong nghiep',
  pccc: 'phong chay chua chay',
  dqtv: 'dan quan tu ve',
  nvqs: 'nghia vu quan su',
  bchqs: 'ban chi huy quan su',
  thcs: 'trung hoc co so',
  gv: 'giao vien',
  tyt: 'tram y te',
  tnmt: 'tai nguyen moi truong',
  vbqppl: 'van ban quy pham phap luat',
  dtts: 'dan toc thieu so',
  ntm: 'nong thon moi',
  cbcc: 'can bo cong chuc',
  ccvc: 'cong chuc vien chuc',
  cbccvc: 'can bo cong chuc vien chuc',
  vtvl: 'vi tri viec lam',
  dtc: 'dau tu cong',
  gtvt: 'giao thong van tai',
  khcn: 'khoa hoc cong nghe',
  attp: 'an toan thuc pham',
  btxh: 'bao tro xa hoi',
  dtlcp: 'dich ta lon chau phi',
};

/** One word of a text as routing compares it: folded, and with its tone when it was typed with diacritics. */
export interface TextWord {
  fold: string;
  /** The word's tone key ("chợ" → "chơ5"); null when typed without diacritics or spelled out from an abbreviation. */
  tone: string | null;
}

/**
 * The words of a text as routing reads them: folded as names are (no case, no diacritics,
 * punctuation as spaces; src/names/keys.ts), with abbreviations spelled out and "vne id"
 * joined, each keeping its tone where it was typed with one.
 */
export function textWords(text: string): TextWord[] {
  const keys = nameKeys(text);
  const fold = keys.fold.split(' ').filter(Boolean);
  const tone = keys.tone.split(' ').filter(Boolean);
  const aligned = tone.length === fold.length;
  const out: TextWord[] = [];
  for (let i = 0; i < fold.length; i++) {
    const f = fold[i]!;
    if (f === 'vne' && fold[i + 1] === 'id') {
      out.push({ fold: 'vneid', tone: null });
      i++;
      continue;
    }
    const spelled = ABBREVIATIONS[f];
    if (spelled) for (const w of spelled.split(' ')) out.push({ fold: w, tone: null });
    else out.push({ fold: f, tone: aligned && tone[i] !== f ? tone[i]! : null });
  }
  return out;
}

/**
 * The routing key of a text: its folded words, abbreviations spelled out.
 *
 * @example textKey('Lỗi CNTT, VNeID') === 'loi cong nghe thong tin vneid'
 */
export function textKey(text: string): string {
  return textWords(text).map((w) => w.fold).join(' ');
}

/**
 * The tone a one-syllable keyword must be typed with to match, or null. Short words fold
 * onto everyday ones ("chợ" onto "cho", "đê" onto "để", "cầu" onto "yêu cầu"), so a keyword
 * of one syllable written with diacritics matches only a word typed with the same ones.
 */
export function exactToneOf(keyword: string): string | null {
  const fold = foldKey(keyword);
  if (fold.includes(' ') || !hasDiacritics(keyword)) return null;
  return nameKeys(keyword).tone;
}

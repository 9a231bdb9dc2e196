import { foldKey } from '../names/keys.js';

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

/**
 * The routing key of a text: folded as names are (no case, no diacritics, punctuation as
 * spaces; src/names/keys.ts), with abbreviations spelled out and "vne id" joined.
 *
 * @example textKey('Lỗi CNTT, VNeID') === 'loi cong nghe thong tin vneid'
 */
export function textKey(text: string): string {
  const words = foldKey(text).replace(/\bvne id\b/g, 'vneid').split(' ').filter(Boolean);
  return words.map((w) => ABBREVIATIONS[w] ?? w).join(' ');
}

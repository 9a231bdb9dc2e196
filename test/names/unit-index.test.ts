import { describe, expect, it } from 'vitest';
import { UnitIndex, type Resolution, type UnitRecord } from '../../src/names/unit-index.js';
import {
  CAM_GIANG,
  CAM_GIANG_HUYEN,
  CAM_GIANG_TN,
  EA_HLEO,
  HAI_PHONG,
  HOA_BINH_HP,
  HOA_BINH_PT,
  PHU_HOA_2,
  PHU_THO,
  PHUONG_LIEU,
  SAMPLE_UNITS,
  THANH_HOA,
  THUONG_COC,
  TUE_TINH,
  VAN_SON,
  YEN_PHU_PT,
  YEN_PHU_TH,
} from './sample-units.js';

const index = new UnitIndex(SAMPLE_UNITS);
const PT = PHU_THO[0];
const HP = HAI_PHONG[0];
const TH = THANH_HOA[0];
const TN = CAM_GIANG_TN.provinceId;

const codes = (units: readonly UnitRecord[] | undefined): string[] => (units ?? []).map((u) => u.code);

/** The unit of a `found` answer, failing the test with the whole answer otherwise. */
function foundUnit(r: Resolution): UnitRecord {
  if (r.kind !== 'found') throw new Error(`expected found, got ${JSON.stringify(r)}`);
  return r.unit;
}

function options(r: Resolution): string[] {
  if (r.kind !== 'ambiguous') throw new Error(`expected ambiguous, got ${JSON.stringify(r)}`);
  return codes(r.options);
}

describe('UnitIndex basics', () => {
  it('knows its units by code', () => {
    expect(index.size).toBe(SAMPLE_UNITS.length);
    expect(index.getByCode('05293')).toBe(THUONG_COC);
    expect(index.getByCode('00000')).toBeUndefined();
  });
});

describe('resolve: codes', () => {
  it('finds a unit by its 5-digit code', () => {
    expect(index.resolve('05293')).toEqual({ kind: 'found', unit: THUONG_COC });
    expect(index.resolve('  05293 ')).toEqual({ kind: 'found', unit: THUONG_COC });
    expect(index.resolve('xã 05293')).toEqual({ kind: 'found', unit: THUONG_COC });
  });

  it('answers not_found without suggestions for an unknown code', () => {
    expect(index.resolve('12345')).toEqual({ kind: 'not_found', suggestions: [] });
  });
});

describe('resolve: current names', () => {
  it('finds a unique name with or without diacritics, case and prefix', () => {
    for (const q of ['Thượng Cốc', 'thượng cốc', 'THUONG COC', 'thuong coc', 'xã Thượng Cốc', 'Xa Thuong Coc', 'x.Thượng Cốc']) {
      expect(foundUnit(index.resolve(q)), q).toBe(THUONG_COC);
    }
  });

  it('matches either tone placement', () => {
    expect(foundUnit(index.resolve('Hoà Bình', { provinceId: PT }))).toBe(HOA_BINH_PT);
    expect(foundUnit(index.resolve('Hòa Bình', { provinceId: HP }))).toBe(HOA_BINH_HP);
    expect(options(index.resolve('Hòa Bình'))).toEqual(['90001', '04795']); // Hải Phòng < Phú Thọ
  });

  it('uses the type word to choose when that helps', () => {
    expect(foundUnit(index.resolve('phường Hoà Bình'))).toBe(HOA_BINH_PT);
    expect(foundUnit(index.resolve('xa hoa binh'))).toBe(HOA_BINH_HP);
  });

  it('ignores a type word that fits no candidate rather than hiding the match', () => {
    expect(foundUnit(index.resolve('phường Thượng Cốc'))).toBe(THUONG_COC);
    expect(options(index.resolve('đặc khu Yên Phú'))).toEqual(['05305', '15409']);
  });

  it('lets exact diacritics decide between names that fold alike', () => {
    expect(foundUnit(index.resolve('Cẩm Giang'))).toBe(CAM_GIANG);
    expect(options(index.resolve('Cẩm Giàng'))).toEqual(['10903', '02008']);
    expect(foundUnit(index.resolve('Cẩm Giàng', { provinceId: HP }))).toBe(CAM_GIANG_HUYEN);
  });

  it('is ambiguous without diacritics when one province has both spellings', () => {
    expect(options(index.resolve('cam giang', { provinceId: HP }))).toEqual(['10888', '10903']);
    expect(options(index.resolve('cam giang'))).toEqual(['10888', '10903', '02008']);
  });

  it('falls back to the loose key when the diacritics typed match nothing exactly', () => {
    expect(foundUnit(index.resolve('Thượng Coc'))).toBe(THUONG_COC);
    expect(foundUnit(index.resolve('Thuợng Cốc'))).toBe(THUONG_COC);
  });

  it('matches apostrophe names and names with digits', () => {
    expect(foundUnit(index.resolve('Ea Hleo'))).toBe(EA_HLEO);
    expect(foundUnit(index.resolve("ea h'leo"))).toBe(EA_HLEO);
    expect(foundUnit(index.resolve('Phu Hoa 2'))).toBe(PHU_HOA_2);
  });

  it('does not take the start of a real name for a type word', () => {
    expect(foundUnit(index.resolve('Phương Liễu'))).toBe(PHUONG_LIEU);
    expect(foundUnit(index.resolve('phuong lieu'))).toBe(PHUONG_LIEU);
    expect(foundUnit(index.resolve('phường Phương Liễu'))).toBe(PHUONG_LIEU);
  });
});

describe('resolve: names in several provinces', () => {
  it('is ambiguous without a preferred province, sorted by province then name', () => {
    const r = index.resolve('Yên Phú');
    expect(r).toEqual({ kind: 'ambiguous', options: [YEN_PHU_PT, YEN_PHU_TH] });
  });

  it('finds the unit of the preferred province and lists the others', () => {
    expect(index.resolve('Yên Phú', { provinceId: PT })).toEqual({
      kind: 'found',
      unit: YEN_PHU_PT,
      alsoElsewhere: [YEN_PHU_TH],
    });
    expect(index.resolve('yen phu', { provinceId: TH })).toEqual({
      kind: 'found',
      unit: YEN_PHU_TH,
      alsoElsewhere: [YEN_PHU_PT],
    });
  });

  it('stays ambiguous when the preferred province has none of them', () => {
    expect(options(index.resolve('Yên Phú', { provinceId: HP }))).toEqual(['05305', '15409']);
  });

  it('finds a unique name outside the preferred province', () => {
    expect(index.resolve('Thượng Cốc', { provinceId: HP })).toEqual({ kind: 'found', unit: THUONG_COC });
  });
});

describe('resolve: former names', () => {
  it('leads an old commune name to the unit it merged into', () => {
    expect(index.resolve('Miền Đồi')).toEqual({ kind: 'found', unit: THUONG_COC, via: { formerName: 'Miền Đồi' } });
    expect(index.resolve('xa mien doi')).toEqual({ kind: 'found', unit: THUONG_COC, via: { formerName: 'Miền Đồi' } });
  });

  it('prefers an exact old name over a current name that only folds alike', () => {
    // "Văn Sơn" (old, in Thượng Cốc) and "Vân Sơn" (current) share the fold key "van son".
    expect(index.resolve('Văn Sơn', { provinceId: PT })).toEqual({
      kind: 'found',
      unit: THUONG_COC,
      via: { formerName: 'Văn Sơn' },
    });
    expect(foundUnit(index.resolve('Văn Sơn'))).toBe(THUONG_COC);
    // Typed without diacritics, the current name wins.
    expect(foundUnit(index.resolve('van son', { provinceId: PT }))).toBe(VAN_SON);
  });

  it('reads the old type in any spelling', () => {
    const viaTown = { kind: 'found', unit: YEN_PHU_TH, via: { formerName: 'Thống Nhất' } };
    expect(index.resolve('Thống Nhất')).toEqual(viaTown);
    expect(index.resolve('tt Thong Nhat')).toEqual(viaTown);
  });

  it('does not strip stored old names whose first word looks like a type word', () => {
    const units = [{ ...TUE_TINH, formerNames: [{ name: 'Phường Đúc', type: 'phuong' }, { name: 'Xa Lý', type: 'xa' }] }];
    const small = new UnitIndex(units);
    expect(small.resolve('Phường Đúc')).toMatchObject({ kind: 'found', via: { formerName: 'Phường Đúc' } });
    expect(small.resolve('phường Phường Đúc')).toMatchObject({ kind: 'found', via: { formerName: 'Phường Đúc' } });
    expect(small.resolve('xã Xa Lý')).toMatchObject({ kind: 'found', via: { formerName: 'Xa Lý' } });
    expect(small.resolve('Đúc').kind).toBe('not_found');
  });

  it('is ambiguous when the old commune was split', () => {
    expect(index.resolve('Phúc Điền')).toEqual({ kind: 'ambiguous', options: [CAM_GIANG_HUYEN, TUE_TINH], via: 'former' });
  });

  it('reads "thị trấn X" as the old town even when a current unit is called X', () => {
    expect(index.resolve('thị trấn Cẩm Giang')).toEqual({
      kind: 'found',
      unit: CAM_GIANG,
      via: { formerName: 'Cẩm Giang' },
    });
  });

  it('prefers an old name in the preferred province over a current name elsewhere', () => {
    const units = [...SAMPLE_UNITS, { ...CAM_GIANG_TN, code: '90003', id: 90003, name: 'Miền Đồi', formerNames: [] }];
    const r = new UnitIndex(units).resolve('Miền Đồi', { provinceId: PT });
    expect(r.kind === 'found' && r.unit.code).toBe('05293');
    expect(r.kind === 'found' && codes(r.alsoElsewhere)).toEqual(['90003']);
  });
});

describe('resolve: near misses', () => {
  it('suggests close names', () => {
    const r = index.resolve('Thuong Cok');
    expect(r.kind).toBe('not_found');
    expect(r.kind === 'not_found' && codes(r.suggestions)[0]).toBe('05293');
  });

  it('suggests at most 3 names, those of the preferred province first', () => {
    const r = index.resolve('Cam Gian', { provinceId: TN });
    expect(r.kind === 'not_found' && codes(r.suggestions)).toEqual(['02008', '10888', '10903']);
  });

  it('allows more edits for longer names', () => {
    // "thoung coock" is 3 edits from "thuong coc": allowed because it has 11 letters.
    expect(index.resolve('Thoung Coock')).toEqual({ kind: 'not_found', suggestions: [THUONG_COC] });
    // Three edits on a short name suggest nothing.
    expect(index.resolve('Yxn Pxx')).toEqual({ kind: 'not_found', suggestions: [] });
  });
});

describe('resolve: invalid and hostile input', () => {
  it('rejects empty, too long and letterless input', () => {
    expect(index.resolve('')).toEqual({ kind: 'invalid', reason: 'empty' });
    expect(index.resolve('   \n\t')).toEqual({ kind: 'invalid', reason: 'empty' });
    expect(index.resolve('a'.repeat(101))).toEqual({ kind: 'invalid', reason: 'too_long' });
    expect(index.resolve('🙂🙂🙂')).toEqual({ kind: 'invalid', reason: 'no_letters' });
    expect(index.resolve('?!...')).toEqual({ kind: 'invalid', reason: 'no_letters' });
  });

  it('accepts 100 characters', () => {
    expect(index.resolve('a'.repeat(100)).kind).toBe('not_found');
  });

  it('lets HTML and SQL-looking text simply not match', () => {
    for (const q of [
      '<script>alert(1)</script>',
      "Robert'); DROP TABLE units;--",
      "' OR '1'='1",
      '<img src=x onerror=alert(1)>',
      '${process.exit(1)}',
    ]) {
      expect(index.resolve(q).kind, q).toBe('not_found');
    }
  });

  it('finds the name inside harmless punctuation', () => {
    expect(foundUnit(index.resolve('"Thượng Cốc"!'))).toBe(THUONG_COC);
  });
});

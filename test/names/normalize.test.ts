import { describe, expect, it } from 'vitest';
import {
  damerauLevenshtein,
  foldKey,
  hasDiacritics,
  nameKeys,
  parseUnitType,
  stripProvincePrefix,
  stripUnitPrefix,
  toneKey,
} from '../../src/names/normalize.js';

describe('foldKey', () => {
  it('removes every diacritic and folds đ', () => {
    expect(foldKey('Thượng Cốc')).toBe('thuong coc');
    expect(foldKey('Đắk Lắk')).toBe('dak lak');
    expect(foldKey('ĐỒNG XUÂN')).toBe('dong xuan');
  });

  it('gives one key for both tone placements', () => {
    expect(foldKey('Hòa')).toBe('hoa');
    expect(foldKey('Hoà')).toBe('hoa');
  });

  it('accepts decomposed (NFD) input like precomposed', () => {
    expect(foldKey('Thượng Cốc'.normalize('NFD'))).toBe('thuong coc');
  });

  it('collapses whitespace and punctuation to single spaces, keeping digits', () => {
    expect(foldKey('  Văn Miếu -  Quốc Tử Giám ')).toBe('van mieu quoc tu giam');
    expect(foldKey('Phú Hòa\t2')).toBe('phu hoa 2');
    expect(foldKey('(Yên Phú)!')).toBe('yen phu');
  });

  it('drops apostrophes so Central Highlands names match their common spellings', () => {
    expect(foldKey("Ea H'Leo")).toBe('ea hleo');
    expect(foldKey('Ea H’leo')).toBe('ea hleo');
    expect(foldKey('Ea Hleo')).toBe('ea hleo');
  });

  it('gives an empty key when there is nothing to compare', () => {
    expect(foldKey('')).toBe('');
    expect(foldKey(' -- !! ')).toBe('');
    expect(foldKey('🙂')).toBe('');
  });
});

describe('toneKey', () => {
  it('ignores where the tone mark sits', () => {
    expect(toneKey('Hòa')).toBe(toneKey('Hoà'));
    expect(toneKey('Thủy')).toBe(toneKey('Thuỷ'));
    expect(toneKey('Hòa Bình')).toBe('hoa2 binh2');
  });

  it('keeps the tone of each syllable', () => {
    expect(toneKey('Cẩm Giang')).not.toBe(toneKey('Cẩm Giàng'));
    expect(toneKey('Cẩm Giàng')).toBe('câm3 giang2');
  });

  it('keeps vowel quality and đ', () => {
    expect(toneKey('Thượng Cốc')).toBe('thương5 côc1');
    expect(toneKey('Văn Sơn')).not.toBe(toneKey('Vân Sơn'));
    expect(toneKey('Đồng')).not.toBe(toneKey('Dồng'));
  });

  it('treats case, NFD input and punctuation like foldKey does', () => {
    expect(toneKey('THƯỢNG CỐC')).toBe(toneKey('thượng cốc'));
    expect(toneKey('Thượng Cốc'.normalize('NFD'))).toBe(toneKey('Thượng Cốc'));
    expect(toneKey("Ea H'Leo")).toBe('ea hleo');
    expect(toneKey('Phú Hòa 2')).toBe('phu1 hoa2 2');
  });

  it('counts a doubled tone mark once', () => {
    expect(toneKey('Hoa\u0300\u0300')).toBe('hoa2');
  });

  it('agrees with nameKeys', () => {
    expect(nameKeys('Cẩm Giàng')).toEqual({ tone: toneKey('Cẩm Giàng'), fold: foldKey('Cẩm Giàng') });
  });
});

describe('hasDiacritics', () => {
  it('sees marks and đ, and nothing in plain text', () => {
    expect(hasDiacritics('Hòa')).toBe(true);
    expect(hasDiacritics('Dak Dam')).toBe(false);
    expect(hasDiacritics('Đak Dam')).toBe(true);
  });
});

describe('stripUnitPrefix', () => {
  it.each([
    ['xã Thượng Cốc', 'Thượng Cốc', 'xa'],
    ['Xã Thượng Cốc', 'Thượng Cốc', 'xa'],
    ['XA Thuong Coc', 'Thuong Coc', 'xa'],
    ['x.Thượng Cốc', 'Thượng Cốc', 'xa'],
    ['X. Thượng Cốc', 'Thượng Cốc', 'xa'],
    ['phường Bến Thành', 'Bến Thành', 'phuong'],
    ['Phuong Ben Thanh', 'Ben Thanh', 'phuong'],
    ['P.Bến Thành', 'Bến Thành', 'phuong'],
    ['p. Bến Thành', 'Bến Thành', 'phuong'],
    ['đặc khu Côn Đảo', 'Côn Đảo', 'dac_khu'],
    ['Dac khu Con Dao', 'Con Dao', 'dac_khu'],
    ['thị trấn Sóc Sơn', 'Sóc Sơn', 'thi_tran'],
    ['TT. Sóc Sơn', 'Sóc Sơn', 'thi_tran'],
    ['tt Sóc Sơn', 'Sóc Sơn', 'thi_tran'],
    ['Xã: Văn Sơn', 'Văn Sơn', 'xa'],
  ])('%s → %s (%s)', (input, name, typeHint) => {
    expect(stripUnitPrefix(input)).toEqual({ name, typeHint });
  });

  it('keeps names that only look like a prefix when folded', () => {
    expect(stripUnitPrefix('Phương Liễu')).toEqual({ name: 'Phương Liễu' });
    expect(stripUnitPrefix('Xà Phìn')).toEqual({ name: 'Xà Phìn' });
    expect(stripUnitPrefix('P Rao')).toEqual({ name: 'P Rao' });
    expect(stripUnitPrefix('Tịnh Biên')).toEqual({ name: 'Tịnh Biên' });
  });

  it('keeps a prefix word that has nothing after it', () => {
    expect(stripUnitPrefix('xã')).toEqual({ name: 'xã' });
    expect(stripUnitPrefix('  Phường  ')).toEqual({ name: 'Phường' });
    expect(stripUnitPrefix('xã !!')).toEqual({ name: 'xã !!' });
  });

  it('trims the input', () => {
    expect(stripUnitPrefix('  Yên Phú  ')).toEqual({ name: 'Yên Phú' });
  });
});

describe('stripProvincePrefix', () => {
  it.each([
    ['tỉnh Phú Thọ', 'Phú Thọ', 'tinh'],
    ['Tinh Phu Tho', 'Phu Tho', 'tinh'],
    ['thành phố Hải Phòng', 'Hải Phòng', 'thanh_pho'],
    ['Thanh pho Hai Phong', 'Hai Phong', 'thanh_pho'],
    ['TP. Hải Phòng', 'Hải Phòng', 'thanh_pho'],
    ['tp Hải Phòng', 'Hải Phòng', 'thanh_pho'],
  ])('%s → %s (%s)', (input, name, typeHint) => {
    expect(stripProvincePrefix(input)).toEqual({ name, typeHint });
  });

  it('does not strip commune-level words', () => {
    expect(stripProvincePrefix('xã Yên Phú')).toEqual({ name: 'xã Yên Phú' });
  });
});

describe('parseUnitType', () => {
  it('reads hint values and Vietnamese type words', () => {
    expect(parseUnitType('xa')).toBe('xa');
    expect(parseUnitType('Xã')).toBe('xa');
    expect(parseUnitType('Thị trấn')).toBe('thi_tran');
    expect(parseUnitType('dac_khu')).toBe('dac_khu');
    expect(parseUnitType('huyện')).toBeUndefined();
    expect(parseUnitType(undefined)).toBeUndefined();
  });
});

describe('damerauLevenshtein', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(damerauLevenshtein('', '')).toBe(0);
    expect(damerauLevenshtein('abc', '')).toBe(3);
    expect(damerauLevenshtein('', 'ab')).toBe(2);
    expect(damerauLevenshtein('kitten', 'sitting')).toBe(3);
    expect(damerauLevenshtein('thuong coc', 'thuong cok')).toBe(1);
  });

  it('counts a swap of neighbours as one edit', () => {
    expect(damerauLevenshtein('thuong', 'thoung')).toBe(1);
    expect(damerauLevenshtein('ab', 'ba')).toBe(1);
    // Optimal string alignment: no substring is edited twice.
    expect(damerauLevenshtein('ca', 'abc')).toBe(3);
  });

  it('is symmetric', () => {
    expect(damerauLevenshtein('yen phu', 'yen phuc')).toBe(damerauLevenshtein('yen phuc', 'yen phu'));
  });

  it('stops past max and then answers max + 1; answers at or below max are exact', () => {
    expect(damerauLevenshtein('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(damerauLevenshtein('a', 'abcdefgh', 3)).toBe(4);
    expect(damerauLevenshtein('kitten', 'sitting', 3)).toBe(3);
    expect(damerauLevenshtein('kitten', 'sitting', 2)).toBe(3);
    expect(damerauLevenshtein('same', 'same', 0)).toBe(0);
  });

  it('agrees with the unbounded distance whenever that is within max', () => {
    const words = ['thuong coc', 'thuong cat', 'yen phu', 'yen phuc', 'van son', 'vân son', 'cam giang', 'acm gaing'];
    for (const a of words) {
      for (const b of words) {
        const full = damerauLevenshtein(a, b);
        for (const max of [0, 1, 2, 3]) {
          expect(damerauLevenshtein(a, b, max)).toBe(full <= max ? full : max + 1);
        }
      }
    }
  });
});

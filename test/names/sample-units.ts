/**
 * A small hand-made set of units for the resolver's unit tests. Most rows follow the real data
 * (codes, provinces, merged units); rows marked "made up" exist only to exercise a rule.
 */
import type { UnitRecord } from '../../src/names/unit-index.js';

type Type = UnitRecord['type'];

function unit(
  code: string,
  name: string,
  type: Type,
  province: [number, string],
  formerNames: UnitRecord['formerNames'] = [],
): UnitRecord {
  return { id: Number(code), code, name, type, provinceId: province[0], provinceName: province[1], formerNames };
}

export const PHU_THO: [number, string] = [25, 'Phú Thọ'];
export const THANH_HOA: [number, string] = [38, 'Thanh Hóa'];
export const HAI_PHONG: [number, string] = [31, 'Hải Phòng'];
export const THAI_NGUYEN: [number, string] = [19, 'Thái Nguyên'];
export const BAC_NINH: [number, string] = [24, 'Bắc Ninh'];

export const THUONG_COC = unit('05293', 'Thượng Cốc', 'xa', PHU_THO, [
  { name: 'Miền Đồi', type: 'xa', code: '05272' },
  { name: 'Văn Sơn', type: 'xa', code: '05284' },
  { name: 'Thượng Cốc', type: 'xa', code: '05293' },
]);
export const YEN_PHU_PT = unit('05305', 'Yên Phú', 'xa', PHU_THO, [
  { name: 'Xuất Hóa', type: 'xa', code: '05302' },
  { name: 'Yên Phú', type: 'xa', code: '05305' },
  { name: 'Bình Hẻm', type: 'xa', code: '05308' },
]);
export const YEN_PHU_TH = unit('15409', 'Yên Phú', 'xa', THANH_HOA, [
  // The old type may come in any spelling.
  { name: 'Thống Nhất', type: 'Thị trấn', code: '15397' },
  { name: 'Yên Tâm', type: 'Xã', code: '15406' },
  { name: 'Yên Phú', type: 'xa', code: '15409' },
]);
/** Folds to the same key as the old "Văn Sơn" merged into Thượng Cốc. */
export const VAN_SON = unit('05152', 'Vân Sơn', 'xa', PHU_THO, [{ name: 'Vân Sơn', type: 'xa' }]);
export const HOA_BINH_PT = unit('04795', 'Hòa Bình', 'phuong', PHU_THO);
/** Made up: the old tone placement "Hoà", and a xã, so that "xã …" has something to pick. */
export const HOA_BINH_HP = unit('90001', 'Hoà Bình', 'xa', HAI_PHONG);
export const CAM_GIANG = unit('10888', 'Cẩm Giang', 'xa', HAI_PHONG, [
  { name: 'Cẩm Giang', type: 'thi_tran', code: '10888' },
  { name: 'Cẩm Hoàng', type: 'xa', code: '10897' },
  { name: 'Định Sơn', type: 'xa', code: '10918' },
]);
export const CAM_GIANG_HUYEN = unit('10903', 'Cẩm Giàng', 'xa', HAI_PHONG, [
  { name: 'Cẩm Hưng', type: 'xa', code: '10894' },
  { name: 'Ngọc Liên', type: 'xa', code: '10903' },
  { name: 'Lương Điền', type: 'xa', code: '10924' },
  { name: 'Phúc Điền', type: 'xa', code: '10933' },
]);
/** Made up: receives the other part of the split old commune Phúc Điền. */
export const TUE_TINH = unit('90002', 'Tuệ Tĩnh', 'xa', HAI_PHONG, [{ name: 'Phúc Điền', type: 'xa', code: '10933' }]);
export const CAM_GIANG_TN = unit('02008', 'Cẩm Giàng', 'xa', THAI_NGUYEN, [{ name: 'Quân Hà', type: 'xa' }]);
/** A name that starts with a word folding to "phuong". */
export const PHUONG_LIEU = unit('09265', 'Phương Liễu', 'phuong', BAC_NINH, [{ name: 'Phượng Mao', type: 'phuong' }]);
export const EA_HLEO = unit('24184', "Ea H'Leo", 'xa', [66, 'Đắk Lắk']);
export const PHU_HOA_2 = unit('91002', 'Phú Hòa 2', 'xa', [66, 'Đắk Lắk']); // made up: a name with a digit

export const SAMPLE_UNITS: UnitRecord[] = [
  THUONG_COC,
  YEN_PHU_PT,
  YEN_PHU_TH,
  VAN_SON,
  HOA_BINH_PT,
  HOA_BINH_HP,
  CAM_GIANG,
  CAM_GIANG_HUYEN,
  TUE_TINH,
  CAM_GIANG_TN,
  PHUONG_LIEU,
  EA_HLEO,
  PHU_HOA_2,
];

import type { FieldSpec } from '../columns.js';

/** The dossier fields an import reads; everything else in a file is ignored or dropped. */
export type DossierField =
  | 'code'
  | 'unitCode'
  | 'unitName'
  | 'provinceCode'
  | 'provinceName'
  | 'sectorCode'
  | 'sectorName'
  | 'channel'
  | 'receivedAt'
  | 'dueAt'
  | 'processedAt'
  | 'returnedAt'
  | 'status'
  | 'supplementCount'
  | 'supplementDays';

/** How each field is named in Vietnamese messages (with the national-schema column name). */
export const DOSSIER_LABEL: Record<DossierField, string> = {
  code: 'mã hồ sơ (MaHoSo)',
  unitCode: 'đơn vị tiếp nhận (mã 5 chữ số hoặc tên xã, phường)',
  unitName: 'tên đơn vị tiếp nhận',
  provinceCode: 'mã tỉnh',
  provinceName: 'tên tỉnh',
  sectorCode: 'mã lĩnh vực (MaLinhVuc)',
  sectorName: 'tên lĩnh vực (TenLinhVuc)',
  channel: 'kênh thực hiện (KenhThucHien)',
  receivedAt: 'ngày tiếp nhận (NgayTiepNhan)',
  dueAt: 'ngày hẹn trả (NgayHenTra)',
  processedAt: 'ngày kết thúc xử lý (NgayKetThucXuLy)',
  returnedAt: 'ngày trả kết quả (NgayTra)',
  status: 'trạng thái hồ sơ (TrangThaiHoSo)',
  supplementCount: 'số lần yêu cầu bổ sung',
  supplementDays: 'số ngày chờ bổ sung',
};

/**
 * Accepted column names: the national sync schema's first, then the spellings seen in
 * provincial exports and spreadsheets. Compared without diacritics, case or punctuation.
 */
export const DOSSIER_FIELDS: readonly FieldSpec<DossierField>[] = [
  { field: 'code', aliases: ['MaHoSo', 'Mã hồ sơ', 'SoHoSo', 'Số hồ sơ', 'MaHS', 'code', 'dossier_code'], label: 'MaHoSo', required: true },
  {
    field: 'unitCode',
    aliases: ['MaDonVi', 'MaDonViTiepNhan', 'MaDVTiepNhan', 'MaXa', 'MaXaPhuong', 'MaPhuongXa', 'MaDVHC', 'MaDonViHanhChinh', 'Mã đơn vị', 'commune_code', 'unit_code'],
    label: 'MaDonVi',
  },
  {
    field: 'unitName',
    aliases: ['TenDonVi', 'TenDonViTiepNhan', 'DonViTiepNhan', 'NoiTiepNhan', 'TenXa', 'TenXaPhuong', 'XaPhuong', 'Xã, phường', 'DonVi', 'commune_name', 'unit_name', 'commune'],
    label: 'TenDonVi',
  },
  { field: 'provinceCode', aliases: ['MaTinh', 'Mã tỉnh', 'province_code'], label: 'MaTinh' },
  { field: 'provinceName', aliases: ['TenTinh', 'Tinh', 'province_name', 'province'], label: 'TenTinh' },
  { field: 'sectorCode', aliases: ['MaLinhVuc', 'Mã lĩnh vực', 'sector_code'], label: 'MaLinhVuc' },
  { field: 'sectorName', aliases: ['TenLinhVuc', 'LinhVuc', 'sector_name', 'sector'], label: 'TenLinhVuc' },
  { field: 'channel', aliases: ['KenhThucHien', 'KenhTiepNhan', 'HinhThucTiepNhan', 'Kênh', 'channel'], label: 'KenhThucHien', required: true },
  { field: 'receivedAt', aliases: ['NgayTiepNhan', 'NgayNhan', 'ThoiGianTiepNhan', 'received_at'], label: 'NgayTiepNhan', required: true },
  { field: 'dueAt', aliases: ['NgayHenTra', 'NgayHenTraKetQua', 'HanXuLy', 'due_at'], label: 'NgayHenTra' },
  { field: 'processedAt', aliases: ['NgayKetThucXuLy', 'NgayXuLyXong', 'NgayHoanThanh', 'processed_at'], label: 'NgayKetThucXuLy' },
  { field: 'returnedAt', aliases: ['NgayTra', 'NgayTraKetQua', 'returned_at'], label: 'NgayTra' },
  { field: 'status', aliases: ['TrangThaiHoSo', 'TrangThai', 'status'], label: 'TrangThaiHoSo', required: true },
  { field: 'supplementCount', aliases: ['SoLanBoSung', 'SoLanYeuCauBoSung', 'supplement_count'], label: 'SoLanBoSung' },
  { field: 'supplementDays', aliases: ['SoNgayBoSung', 'SoNgayChoBoSung', 'ThoiGianBoSung', 'supplement_days'], label: 'SoNgayBoSung' },
];

export const DOSSIER_FIELD_NAMES: readonly DossierField[] = DOSSIER_FIELDS.map((f) => f.field);

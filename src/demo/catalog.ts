/**
 * The demo dataset's fixed part: the units, departments, sectors, working groups,
 * recommendations and published figures named in the provincial reports behind the
 * project (../shared/seeds, summarised in DOMAIN.md). Dossier-level records are made by
 * ./dossiers.ts so that they add up to the published figures (./targets.ts).
 *
 * Unit codes are the official 5-digit codes, so a later import of the full unit list
 * updates these units instead of duplicating them.
 */

export interface DemoProvince {
  code: string;
  name: string;
  type: 'tỉnh' | 'thành phố';
}

export const DEMO_PROVINCES: DemoProvince[] = [
  { code: '25', name: 'Phú Thọ', type: 'tỉnh' },
  { code: '33', name: 'Hưng Yên', type: 'tỉnh' },
  { code: '40', name: 'Nghệ An', type: 'tỉnh' },
  { code: '19', name: 'Thái Nguyên', type: 'tỉnh' },
];

export interface DemoCommune {
  code: string;
  name: string;
  provinceCode: string;
  workingGroup: number;
  /** Pre-merger units: code, type and name. */
  formerUnits: [code: string, type: string, name: string][];
  /** Typical dossiers per working day, and the online and postal shares outside the published periods. */
  volume: { perDay: number; online: [from: number, to: number]; postal: number; lateRate: number };
}

export const DEMO_COMMUNES: DemoCommune[] = [
  {
    code: '05293',
    name: 'Thượng Cốc',
    provinceCode: '25',
    workingGroup: 10,
    formerUnits: [['05293', 'xã', 'Thượng Cốc'], ['05284', 'xã', 'Văn Sơn'], ['05272', 'xã', 'Miền Đồi']],
    volume: { perDay: 19, online: [0.6, 0.78], postal: 0.004, lateRate: 0.01 },
  },
  {
    code: '05305',
    name: 'Yên Phú',
    provinceCode: '25',
    workingGroup: 10,
    formerUnits: [['05305', 'xã', 'Yên Phú'], ['05308', 'xã', 'Bình Hẻm'], ['05302', 'xã', 'Xuất Hóa']],
    volume: { perDay: 31, online: [0.42, 0.66], postal: 0.003, lateRate: 0.018 },
  },
  {
    code: '05323',
    name: 'Quyết Thắng',
    provinceCode: '25',
    workingGroup: 10,
    formerUnits: [['05299', 'xã', 'Quyết Thắng'], ['05320', 'xã', 'Định Cư'], ['05323', 'xã', 'Chí Đạo']],
    volume: { perDay: 17, online: [0.62, 0.8], postal: 0.004, lateRate: 0.006 },
  },
  {
    code: '08152',
    name: 'Thanh Ba',
    provinceCode: '25',
    workingGroup: 7,
    formerUnits: [['08152', 'thị trấn', 'Thanh Ba'], ['08156', 'xã', 'Vân Lĩnh'], ['08164', 'xã', 'Hanh Cù'], ['08170', 'xã', 'Đồng Xuân']],
    volume: { perDay: 24, online: [0.95, 0.97], postal: 0.002, lateRate: 0.004 },
  },
  {
    code: '08173',
    name: 'Quảng Yên',
    provinceCode: '25',
    workingGroup: 7,
    formerUnits: [['08173', 'xã', 'Quảng Yên'], ['08158', 'xã', 'Đông Lĩnh'], ['08161', 'xã', 'Đại An']],
    volume: { perDay: 16, online: [0.95, 0.97], postal: 0.002, lateRate: 0.005 },
  },
  {
    code: '08203',
    name: 'Hoàng Cương',
    provinceCode: '25',
    workingGroup: 7,
    formerUnits: [['08203', 'xã', 'Hoàng Cương'], ['08179', 'xã', 'Ninh Dân'], ['08200', 'xã', 'Mạn Lạn']],
    volume: { perDay: 18, online: [0.95, 0.97], postal: 0.002, lateRate: 0.004 },
  },
  {
    code: '08209',
    name: 'Đông Thành',
    provinceCode: '25',
    workingGroup: 7,
    formerUnits: [['08209', 'xã', 'Đông Thành'], ['08194', 'xã', 'Võ Lao'], ['08197', 'xã', 'Khải Xuân']],
    volume: { perDay: 15, online: [0.95, 0.97], postal: 0.002, lateRate: 0.005 },
  },
  {
    code: '08218',
    name: 'Chí Tiên',
    provinceCode: '25',
    workingGroup: 7,
    formerUnits: [['08206', 'xã', 'Chí Tiên'], ['08215', 'xã', 'Sơn Cương'], ['08218', 'xã', 'Thanh Hà']],
    volume: { perDay: 17, online: [0.95, 0.97], postal: 0.002, lateRate: 0.004 },
  },
  {
    code: '08227',
    name: 'Liên Minh',
    provinceCode: '25',
    workingGroup: 7,
    formerUnits: [['08227', 'xã', 'Lương Lỗ'], ['08221', 'xã', 'Đỗ Sơn'], ['08224', 'xã', 'Đỗ Xuyên']],
    volume: { perDay: 14, online: [0.95, 0.97], postal: 0.002, lateRate: 0.005 },
  },
];

export interface DemoWorkingGroup {
  provinceCode: string;
  number: number;
  leaderName: string;
  leaderTitle: string;
}

export const DEMO_WORKING_GROUPS: DemoWorkingGroup[] = [
  { provinceCode: '25', number: 10, leaderName: 'Quách Tất Liêm', leaderTitle: 'Phó Chủ tịch UBND tỉnh' },
  { provinceCode: '25', number: 7, leaderName: 'Nguyễn Huy Ngọc', leaderTitle: 'Phó Chủ tịch UBND tỉnh' },
];

/** Departments: every province gets the default set (src/hotline/default-departments.ts), by code. */

export interface DemoSector {
  code: string;
  name: string;
  department: string;
  /** Relative share of dossiers. */
  weight: number;
  /** Statutory processing times in working days (0 = the same day), one chosen per dossier. */
  durations: number[];
  /** Extra chance of finishing late, on top of the commune's rate (land files run late more). */
  extraLate: number;
}

export const DEMO_SECTORS: DemoSector[] = [
  { code: 'CT', name: 'Chứng thực', department: 'TP', weight: 30, durations: [0], extraLate: 0 },
  { code: 'HT', name: 'Hộ tịch', department: 'TP', weight: 25, durations: [0, 1, 3, 5], extraLate: 0 },
  { code: 'DD', name: 'Đất đai', department: 'NNMT', weight: 11, durations: [10, 15, 20, 30], extraLate: 0.03 },
  { code: 'HKD', name: 'Thành lập và hoạt động của hộ kinh doanh', department: 'TC', weight: 8, durations: [3], extraLate: 0 },
  { code: 'BTXH', name: 'Bảo trợ xã hội', department: 'YT', weight: 6, durations: [7, 10], extraLate: 0.005 },
  { code: 'XD', name: 'Xây dựng', department: 'XD', weight: 5, durations: [15, 20], extraLate: 0.01 },
  { code: 'NCC', name: 'Người có công', department: 'NV', weight: 4, durations: [10, 12], extraLate: 0.005 },
  { code: 'NN', name: 'Nông nghiệp', department: 'NNMT', weight: 3, durations: [5], extraLate: 0 },
  { code: 'GD', name: 'Giáo dục và Đào tạo', department: 'GDDT', weight: 3, durations: [5], extraLate: 0 },
  { code: 'MT', name: 'Môi trường', department: 'NNMT', weight: 2, durations: [10], extraLate: 0.005 },
  { code: 'YTE', name: 'Y tế', department: 'YT', weight: 2, durations: [5], extraLate: 0 },
  { code: 'TDKT', name: 'Thi đua - Khen thưởng', department: 'NV', weight: 1, durations: [10], extraLate: 0 },
];

export interface DemoRecommendation {
  /** A stable name in the demo data; the store gives each its code (KN-0001…) in this order. */
  key: string;
  /** Who raised it, as the report names them. */
  raisedBy: string;
  provinceCode: string;
  communes: string[];
  departments: string[];
  content: string;
  raisedOn: string;
  dueInDays: number;
  source: string;
  /** Answered recommendations carry their answer; the others stay open. */
  answer?: { on: string; text: string };
}

const SEED_001 = 'Tổ công tác số 10 kiểm tra xã Thượng Cốc, Yên Phú, Quyết Thắng (Phú Thọ), 29/07/2025';
const SEED_003 = 'Tổ công tác số 7 làm việc với 6 xã (Phú Thọ), 25/12/2025';
const SEED_000 = 'Hội nghị báo cáo kết quả chính quyền địa phương hai cấp, tỉnh Hưng Yên (1/7–15/8/2025)';
const SEED_002 = 'Hội nghị đánh giá 01 tháng vận hành chính quyền địa phương 02 cấp, tỉnh Nghệ An (tháng 8/2025)';
const SEED_004 = 'Cuộc họp về quản lý nhà nước sau sáp nhập, tỉnh Thái Nguyên, 11/07/2025';

const GROUP_10 = ['05293', '05305', '05323'];

/** Who raised each demo recommendation, as the reports put it. */
const RAISED_BY: Record<string, string> = {
  'KN-25-0001': 'Các xã Thượng Cốc, Yên Phú, Quyết Thắng',
  'KN-25-0002': 'Các xã Thượng Cốc, Yên Phú, Quyết Thắng',
  'KN-25-0003': 'Các xã Thượng Cốc, Yên Phú, Quyết Thắng',
  'KN-25-0004': 'Các xã Thượng Cốc, Yên Phú, Quyết Thắng',
  'KN-25-0005': 'Các xã Thượng Cốc, Yên Phú, Quyết Thắng',
  'KN-25-0006': 'Sáu xã của Tổ công tác số 7',
  'KN-25-0007': 'Sáu xã của Tổ công tác số 7',
  'KN-25-0008': 'Sáu xã của Tổ công tác số 7',
  'KN-25-0009': 'Sáu xã của Tổ công tác số 7',
  'KN-33-0001': 'Lãnh đạo các xã, phường tỉnh Hưng Yên',
  'KN-40-0001': 'Các xã, phường tỉnh Nghệ An',
  'KN-40-0002': 'Các xã, phường tỉnh Nghệ An',
  'KN-19-0001': 'Các sở, ngành tỉnh Thái Nguyên',
};
const GROUP_7 = ['08152', '08173', '08203', '08209', '08218', '08227'];

export const DEMO_RECOMMENDATIONS: DemoRecommendation[] = [
  {
    key: 'KN-25-0001',
    raisedBy: RAISED_BY['KN-25-0001']!,
    provinceCode: '25',
    communes: GROUP_10,
    departments: ['KHCN'],
    content: 'Nâng cấp phần mềm một cửa điện tử (motcua.phutho.gov.vn) và tổ chức tập huấn trực tiếp tại xã cho cán bộ tiếp nhận, giải quyết thủ tục hành chính.',
    raisedOn: '2025-07-29',
    dueInDays: 15,
    source: SEED_001,
    answer: { on: '2025-08-20', text: 'Đã nâng cấp phân hệ tiếp nhận; lịch tập huấn tại 3 xã gửi kèm công văn của Sở.' },
  },
  {
    key: 'KN-25-0002',
    raisedBy: RAISED_BY['KN-25-0002']!,
    provinceCode: '25',
    communes: GROUP_10,
    departments: ['NV', 'YT'],
    content: 'Hướng dẫn việc thành lập Trạm y tế xã sau sắp xếp.',
    raisedOn: '2025-07-29',
    dueInDays: 15,
    source: SEED_001,
  },
  {
    key: 'KN-25-0003',
    raisedBy: RAISED_BY['KN-25-0003']!,
    provinceCode: '25',
    communes: GROUP_10,
    departments: ['TC'],
    content: 'Hướng dẫn thực hiện công tác tài chính, kế toán xã.',
    raisedOn: '2025-07-29',
    dueInDays: 15,
    source: SEED_001,
    answer: { on: '2025-08-12', text: 'Sở Tài chính đã ban hành hướng dẫn công tác tài chính, kế toán cấp xã.' },
  },
  {
    key: 'KN-25-0004',
    raisedBy: RAISED_BY['KN-25-0004']!,
    provinceCode: '25',
    communes: GROUP_10,
    departments: ['CA'],
    content: 'Bố trí thêm máy hỗ trợ cài đặt VNeID mức độ 2 tại Công an xã.',
    raisedOn: '2025-07-29',
    dueInDays: 15,
    source: SEED_001,
  },
  {
    key: 'KN-25-0005',
    raisedBy: RAISED_BY['KN-25-0005']!,
    provinceCode: '25',
    communes: GROUP_10,
    departments: ['NV'],
    content: 'Tăng cường tập huấn nghiệp vụ chuyên môn cho cán bộ, công chức xã.',
    raisedOn: '2025-07-29',
    dueInDays: 30,
    source: SEED_001,
  },
  {
    key: 'KN-25-0006',
    raisedBy: RAISED_BY['KN-25-0006']!,
    provinceCode: '25',
    communes: GROUP_7,
    departments: ['NV'],
    content: 'Bổ sung chỉ tiêu biên chế công chức cấp xã theo vị trí việc làm.',
    raisedOn: '2025-12-25',
    dueInDays: 30,
    source: SEED_003,
  },
  {
    key: 'KN-25-0007',
    raisedBy: RAISED_BY['KN-25-0007']!,
    provinceCode: '25',
    communes: GROUP_7,
    departments: ['NV', 'KHCN', 'NNMT', 'TC'],
    content: 'Tăng cường đào tạo, bồi dưỡng, tập huấn chuyên môn cho cán bộ, công chức các lĩnh vực chuyển đổi số, đất đai, tài chính - ngân sách.',
    raisedOn: '2025-12-25',
    dueInDays: 30,
    source: SEED_003,
  },
  {
    key: 'KN-25-0008',
    raisedBy: RAISED_BY['KN-25-0008']!,
    provinceCode: '25',
    communes: GROUP_7,
    departments: ['TC', 'XD'],
    content: 'Hỗ trợ kinh phí đầu tư, xây dựng và sửa chữa hệ thống điện, đường giao thông, trường học, trạm y tế.',
    raisedOn: '2025-12-25',
    dueInDays: 30,
    source: SEED_003,
  },
  {
    key: 'KN-25-0009',
    raisedBy: RAISED_BY['KN-25-0009']!,
    provinceCode: '25',
    communes: GROUP_7,
    departments: ['NNMT'],
    content: 'Khắc phục hậu quả dịch tả lợn châu Phi tại các xã bị ảnh hưởng nặng.',
    raisedOn: '2025-12-25',
    dueInDays: 15,
    source: SEED_003,
    answer: { on: '2026-01-09', text: 'Sở đã cấp hóa chất tiêu độc và hướng dẫn hỗ trợ hộ chăn nuôi bị thiệt hại.' },
  },
  {
    key: 'KN-33-0001',
    raisedBy: RAISED_BY['KN-33-0001']!,
    provinceCode: '33',
    communes: [],
    departments: ['NV', 'GDDT', 'YT'],
    content: 'Bổ sung nhân lực cho xã, phường, nhất là các lĩnh vực xây dựng, giáo dục, y tế, tài nguyên - môi trường; hướng dẫn quản lý trường học, trạm y tế sau phân cấp.',
    raisedOn: '2025-08-15',
    dueInDays: 30,
    source: SEED_000,
  },
  {
    key: 'KN-40-0001',
    raisedBy: RAISED_BY['KN-40-0001']!,
    provinceCode: '40',
    communes: [],
    departments: ['NNMT'],
    content: 'Bố trí cán bộ Chi nhánh Văn phòng Đăng ký đất đai tại Trung tâm Phục vụ hành chính công cấp xã để cấp Giấy chứng nhận quyền sử dụng đất.',
    raisedOn: '2025-08-01',
    dueInDays: 15,
    source: SEED_002,
  },
  {
    key: 'KN-40-0002',
    raisedBy: RAISED_BY['KN-40-0002']!,
    provinceCode: '40',
    communes: [],
    departments: ['TC'],
    content: 'Đầu tư thêm thiết bị, cơ sở vật chất cho Trung tâm Phục vụ hành chính công cấp xã.',
    raisedOn: '2025-08-01',
    dueInDays: 30,
    source: SEED_002,
  },
  {
    key: 'KN-19-0001',
    raisedBy: RAISED_BY['KN-19-0001']!,
    provinceCode: '19',
    communes: [],
    departments: ['TC'],
    content: 'Rà soát nhu cầu cơ sở vật chất, trang thiết bị phục vụ hoạt động của chính quyền 2 cấp; ưu tiên các nhu cầu cấp thiết.',
    raisedOn: '2025-07-11',
    dueInDays: 15,
    source: SEED_004,
    answer: { on: '2025-07-25', text: 'Đã tổng hợp nhu cầu và trình UBND tỉnh phương án bổ sung trang thiết bị.' },
  },
];

export interface DemoReportedFigure {
  provinceCode: string;
  communeCode?: string;
  from: string;
  to: string;
  metric: string;
  value: number;
  qualifier?: 'exact' | 'over' | 'about';
  source: string;
  sourceDate: string;
}

export const DEMO_REPORTED_FIGURES: DemoReportedFigure[] = [
  ...(
    [
      ['unit_count', 104],
      ['received', 156230],
      ['received_online', 134251],
      ['received_direct', 21979],
      ['resolved', 143249],
      ['resolved_on_time', 141847],
      ['resolved_late', 1402],
      ['in_progress', 8381],
    ] as const
  ).map(([metric, value]) => ({
    provinceCode: '33',
    from: '2025-07-01',
    to: '2025-08-13',
    metric,
    value,
    source: SEED_000,
    sourceDate: '2025-08-15',
  })),
  { provinceCode: '40', from: '2025-07-01', to: '2025-07-31', metric: 'unit_count', value: 130, source: SEED_002, sourceDate: '2025-08' },
  {
    provinceCode: '25',
    communeCode: '05323',
    from: '2025-07-01',
    to: '2025-07-28',
    metric: 'visits',
    value: 3000,
    qualifier: 'over',
    source: SEED_001,
    sourceDate: '2025-07-29',
  },
];

export interface DemoIndicator {
  provinceCode: string;
  communeCode?: string;
  from: string;
  to: string;
  kind: 'disbursement_rate' | 'online_rate_rank' | 'procedures_published';
  value?: number;
  rank?: number;
  rankOf?: number;
  source: string;
  sourceDate: string;
}

export const DEMO_INDICATORS: DemoIndicator[] = [
  { provinceCode: '33', from: '2025-07-01', to: '2025-08-13', kind: 'online_rate_rank', value: 86, rank: 11, rankOf: 34, source: SEED_000, sourceDate: '2025-08-15' },
  { provinceCode: '33', from: '2025-07-01', to: '2025-08-13', kind: 'procedures_published', value: 2119, source: SEED_000, sourceDate: '2025-08-15' },
];

/** Announced changes to the working calendar that rules cannot know (a government notice). */
export const DEMO_CALENDAR_NOTICES: { date: string; kind: string; name: string; note: string }[] = [
  { date: '2026-01-02', kind: 'day_off_swap', name: 'Nghỉ hoán đổi (thay cho thứ Bảy 10/01/2026)', note: 'Công văn 12729/VPCP-KGVX ngày 25/12/2025' },
  { date: '2026-01-10', kind: 'makeup_workday', name: 'Làm bù cho ngày 02/01/2026', note: 'Công văn 12729/VPCP-KGVX ngày 25/12/2025' },
];

export const DEMO_SOURCES = { SEED_000, SEED_001, SEED_002, SEED_003, SEED_004 };

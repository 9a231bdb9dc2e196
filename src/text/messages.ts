/**
 * Every sentence the bot says that is not a figure label lives here, in Vietnamese, chosen
 * by code. Handlers and adapters never write their own wording for errors.
 */
import type { PeriodError } from '../time/period.js';
import { MAX_LAST_DAYS } from '../time/period-grammar.js';
import { formatNumber } from './format.js';

const MAX_LAST_DAYS_TEXT = formatNumber(MAX_LAST_DAYS);

export const PERIOD_EXAMPLES = 'Ví dụ: "tháng 7/2025", "quý 3", "30 ngày", "từ 1/7/2025 đến 28/7/2025".';

/** Why a period was refused. */
export function periodErrorText(e: PeriodError): string {
  switch (e.code) {
    case 'impossible_date':
      return `Ngày "${e.detail ?? ''}" không có thật trên lịch.`;
    case 'bad_month':
      return `Không có "${e.detail ?? ''}": tháng chỉ từ 1 đến 12.`;
    case 'bad_quarter':
      return `Không có "${e.detail ?? ''}": quý chỉ từ 1 đến 4.`;
    case 'too_many_days':
      return `"${e.detail ?? ''}" quá dài: bot tính tối đa ${MAX_LAST_DAYS_TEXT} ngày gần nhất, và số liệu chỉ có từ 01/07/2025.`;
    case 'reversed':
      return 'Ngày bắt đầu đang ở sau ngày kết thúc. Hãy viết ngày sớm hơn trước.';
    case 'future':
      return 'Kỳ này chưa bắt đầu nên chưa có số liệu.';
    case 'too_old':
      return 'Số liệu chỉ có từ 01/07/2025, khi chính quyền địa phương 2 cấp bắt đầu vận hành.';
    default:
      return 'Không hiểu khoảng thời gian bạn nhập.';
  }
}

export const TEXT = {
  internalError: 'Xin lỗi, có lỗi khi xử lý yêu cầu này. Vui lòng thử lại sau ít phút.',
  tooLong: (max: number) => `Nội dung quá dài (tối đa ${max} ký tự sau tên lệnh).`,
  unknownCommand: (name: string) => `Không có lệnh /${name}.`,
  helpForOne: 'Cách viết và ví dụ của một lệnh: /giup <lệnh>, ví dụ /giup xa.',
  notACommand: 'Hãy gõ một lệnh bắt đầu bằng dấu "/", ví dụ /xa Thượng Cốc. Gõ /giup để xem các lệnh.',
  pickNumber: (n: number) => (n === 1 ? 'Trả lời 1 để chọn.' : `Trả lời một số từ 1 đến ${n} để chọn.`),
  numberOutOfRange: (n: number) => `Chỉ có ${n} lựa chọn. Hãy trả lời một số từ 1 đến ${n}.`,
  whichDecision: (n: number) => `Đang có ${n} yêu cầu chờ quyết định, nên bot không biết số vừa gửi trả lời yêu cầu nào:`,
  decisionLine: (label: string, commands: string[]) => `${label} → ${commands.join(' hoặc ')}`,
  decisionHow: (example: string) => `Hãy gõ lệnh kèm mã yêu cầu${example ? `, ví dụ ${example}` : ''}, hoặc trả lời đúng vào tin nhắn của yêu cầu đó.`,
  adminNotForChats:
    'Quyền quản trị gắn với từng người (danh sách ADMIN_IDS của bot), không đăng ký cho một nhóm. Nhóm lãnh đạo dùng /dangky lanhdao.',
  communeMissing: 'Bạn chưa nhập tên xã, phường.',
  communeExample: 'Ví dụ: /xa Thượng Cốc hoặc /xa 05293 tháng 7/2025',
  communeInvalid: {
    empty: 'Bạn chưa nhập tên xã, phường.',
    too_long: 'Tên xã, phường quá dài (tối đa 100 ký tự).',
    no_letters: 'Tên xã, phường phải có chữ cái hoặc mã 5 chữ số.',
  },
  communeNotFound: (q: string) => `Không tìm thấy xã, phường "${q}".`,
  communeCodeNotFound: (code: string) => `Không có xã, phường nào mang mã ${code}.`,
  didYouMean: 'Ý bạn là:',
  whichOne: (q: string) => `Có nhiều đơn vị tên "${q}". Bạn muốn xem đơn vị nào?`,
  whichOneFormer: (q: string) => `"${q}" là tên cũ, nay thuộc nhiều đơn vị. Bạn muốn xem đơn vị nào?`,
  formerName: (old: string, now: string) => `${old} (trước sắp xếp) nay thuộc ${now}.`,
  alsoElsewhere: (list: string) => `Cùng tên ở tỉnh khác: ${list}.`,
  provinceNotFound: (q: string) => `Không tìm thấy tỉnh, thành phố "${q}".`,
  provinceNeeded: 'Hãy ghi rõ tỉnh, thành phố.',
  provinceExample: 'Ví dụ: /tongquan Phú Thọ tháng 7/2025',
  noData: 'Chưa có số liệu.',
  storeEmpty: 'Kho số liệu đang trống. Quản trị viên cần nhập danh sách đơn vị và hồ sơ.',
  updatedAt: (when: string) => `Số liệu cập nhật: ${when}`,
  stale: (hours: number) => `⚠ Số liệu đã hơn ${hours} giờ chưa được cập nhật, có thể đã cũ.`,
  onTimeRule:
    'Đúng hạn tính theo ngày hẹn trả, như mẫu báo cáo của tỉnh (Chỉ số 766 trừ thêm thời gian chờ công dân bổ sung).',
  overdueRule: 'Số ngày quá hạn tính theo ngày làm việc (trừ thứ Bảy, Chủ nhật, ngày nghỉ lễ, nghỉ bù). Hồ sơ đang tạm dừng không tính là quá hạn.',
  deniedAdmin: (cmd: string) => `Lệnh /${cmd} chỉ dành cho quản trị viên.`,
  deniedUnregistered: (cmd: string) =>
    `Nhóm này chưa đăng ký với bot nên chưa dùng được /${cmd}; gửi /dangky kèm vai trò và đơn vị (ví dụ /dangky xa Thượng Cốc) để quản trị viên duyệt.`,
  deniedScope: (scope: string) => `Nhóm này chỉ được xem hồ sơ của ${scope}.`,
  departmentMissing: 'Bạn chưa nhập tên sở, ngành.',
  departmentNotFound: (q: string) => `Không tìm thấy sở, ngành "${q}".`,
  whichDepartment: (q: string) => `Có nhiều sở, ngành tên "${q}". Bạn muốn chọn đơn vị nào?`,
  groupMissing: 'Hãy ghi số hiệu tổ công tác, ví dụ 10.',
  groupNumberMissing: 'Bạn chưa nhập số hiệu tổ công tác.',
  groupNumberBad: (q: string) => `"${q}" không phải số hiệu tổ công tác.`,
  groupNotFound: (q: string) => `Không có tổ công tác số ${q}.`,
  whichGroup: (n: string) => `Có nhiều tỉnh có tổ công tác số ${n}. Bạn muốn chọn tổ nào?`,
  whichGroupProvince: (n: number) => `Có nhiều tỉnh có tổ công tác số ${n}. Bạn muốn xem tổ của tỉnh nào?`,
  groupExample: 'Ví dụ: /to 7 hoặc /to 10 tháng 7/2025',
  overdueExample: 'Ví dụ: /quahan, /quahan Yên Phú, /quahan đất đai, /quahan Sở Tư pháp',
  overdueFilterNotFound: (q: string) => `Không tìm thấy "${q}".`,
  overdueTitle: (scope: string) => `Hồ sơ đang giải quyết quá hạn · ${scope}`,
  overdueCount: (at: string, count: string) => `Tính đến ${at}: ${count} hồ sơ.`,
  overdueGroup: (unit: string, sector: string | null) => `${unit} · ${sector ?? 'Chưa rõ lĩnh vực'}`,
  overdueUnknownUnit: (id: number) => `Đơn vị ${id}`,
  overdueLine: (code: string, due: string, lateness: string) => `${code}: hẹn trả ${due}, ${lateness}`,
  /** How late an overdue dossier is, in working days ("quá 3 ngày làm việc"). */
  lateness: (workingDays: number, formatted: string, dueToday: boolean) =>
    workingDays > 0 ? `quá ${formatted} ngày làm việc` : dueToday ? 'quá giờ hẹn hôm nay' : 'quá hạn, chưa qua ngày làm việc nào',
  groupTitle: (n: number, province: string | null) => `Tổ công tác số ${n}${province ? ` · tỉnh ${province}` : ''}`,
  groupLeader: (title: string, name: string, count: string, communes: string) =>
    `Tổ trưởng: ${title} ${name}\nPhụ trách ${count} xã, phường: ${communes || 'chưa phân công'}`,
  groupTotals: 'Tổng các xã trong tổ:',
  groupEachCommune: 'Từng xã:',
  rankingExample: 'Ví dụ: /xephang đúng hạn tháng 7/2025 hoặc /xephang quá hạn',
  roleMissing: 'Hãy ghi vai trò và đơn vị muốn đăng ký.',
  registerExample: 'Ví dụ: /dangky xa Thượng Cốc, /dangky so Nội vụ, /dangky to 10, /dangky lanhdao',
  roleUnknown: (q: string) => `Không hiểu vai trò trong "${q}": dùng xa, so, to, lanhdao hoặc quantri.`,
  alreadyBound: (role: string, unit: string) => `Nhóm này đã được đăng ký là ${role}: ${unit}.`,
  requestPending: (code: string) => `Nhóm này đã có yêu cầu đăng ký ${code} đang chờ quản trị viên duyệt.`,
  requestFiled: (code: string, role: string, unit: string) =>
    `Đã gửi yêu cầu đăng ký ${code} (${role}: ${unit}). Quản trị viên sẽ xem xét; bot sẽ báo kết quả tại đây.`,
  requestTitle: (code: string) => `Yêu cầu đăng ký ${code}`,
  requestDecide: (code: string) => `Duyệt: /duyet ${code} · Từ chối: /tuchoi ${code} <lý do>`,
  requestNotFound: (code: string) => `Không có yêu cầu đăng ký mã "${code}".`,
  requestDecided: (code: string, status: string) => `Yêu cầu ${code} đã được xử lý trước đó (${status}).`,
  noPendingRequests: 'Không có yêu cầu đăng ký nào đang chờ duyệt.',
  pendingHeading: 'Yêu cầu đăng ký đang chờ duyệt:',
  pendingHow: 'Duyệt: /duyet <mã> · Từ chối: /tuchoi <mã> <lý do>',
  requestStatus: { pending: 'đang chờ', approved: 'đã duyệt', rejected: 'đã từ chối' } as Record<string, string>,
  /** A registration's chat as an approval echoes it ('nhóm "Hỗ trợ xã" (zalo:abc)'). */
  requestChat: (title: string | null, ref: string) => (title ? `nhóm "${title}" (${ref})` : ref),
  bindingsHeading: (n: number) => `Nhóm đã đăng ký (${n}):`,
  approved: (code: string, chat: string, role: string, unit: string) => `Đã duyệt yêu cầu ${code}: ${chat} là ${role}, ${unit}.`,
  approvedToChat: (role: string, unit: string) => `Nhóm này đã được đăng ký là ${role}: ${unit}. Gửi /giup để xem các lệnh.`,
  rejected: (code: string, chat: string) => `Đã từ chối yêu cầu ${code} của ${chat}.`,
  rejectedToChat: (code: string, reason: string | null) => `Yêu cầu đăng ký ${code} không được duyệt${reason ? `. Lý do: ${reason}` : ''}.`,
  codeMissing: 'Hãy ghi mã yêu cầu, ví dụ DK12.',
  rejectExample: 'Ví dụ: /tuchoi DK12 Sai tên xã',
  pendingHint: 'Gửi /duyet để xem các yêu cầu đang chờ.',
  bindMissing: 'Hãy ghi mã nhóm, vai trò và đơn vị.',
  bindExample: 'Ví dụ: /gan telegram:-1001234567890 xa Thượng Cốc',
  revokeMissing: 'Hãy ghi mã nhóm cần thu hồi.',
  revokeExample: 'Ví dụ: /thuhoi telegram:-1001234567890',
  bindingsHint: 'Gửi /dsnhom để xem các nhóm đã đăng ký.',
  chatRefBad: (q: string) => `"${q}" không phải mã nhóm; viết như telegram:-1001234567890 hoặc zalo:<mã nhóm>.`,
  bound: (chat: string, role: string, unit: string) => `Đã gán ${chat} là ${role}: ${unit}.`,
  revoked: (chat: string) => `Đã thu hồi vai trò của ${chat}.`,
  revokedToChat: 'Quản trị viên đã thu hồi đăng ký của nhóm này với bot.',
  notBound: (chat: string) => `${chat} chưa được đăng ký vai trò nào.`,
  noBindings: 'Chưa nhóm nào được đăng ký.',
  noAudit: 'Nhật ký chưa có mục nào.',
  registerHint:
    'Nhóm này chưa đăng ký với bot. Để xem số liệu, gửi /dangky kèm vai trò và đơn vị: /dangky xa <tên xã> (nhóm của xã, phường), /dangky so <tên sở> (nhóm của sở, ngành), /dangky to <số tổ> (tổ công tác) hoặc /dangky lanhdao (lãnh đạo tỉnh). Quản trị viên sẽ duyệt và bot báo kết quả tại đây.',
  pausedNote: 'Hồ sơ tạm dừng: chờ bổ sung, chờ thực hiện nghĩa vụ tài chính, dừng xử lý.',
  historicNote: 'Trạng thái tạm dừng chỉ biết ở thời điểm hiện tại, nên với kỳ đã qua, hồ sơ tạm dừng được tính là đang giải quyết.',
  // Chat adapters (Telegram buttons and pages; the console's stand-in for pictures).
  pageLabel: (page: number, pageCount: number) => `Trang ${page}/${pageCount}`,
  pagePrevious: '‹',
  pageNext: '›',
  choiceButton: (n: number, label: string) => `${n}. ${label}`,
  buttonExpired: 'Nút này đã hết hạn. Hãy gõ lại lệnh.',
  /** A chat platform refused the bot's token: that channel stops, the others run on. */
  tokenRefused: (platform: string, variable: string, code: number, issuer: string) =>
    `${platform} không chấp nhận ${variable} (${code}); hãy kiểm tra lại mã do ${issuer} cấp. Kênh ${platform} đã dừng, các kênh khác vẫn chạy.`,
  consoleNotice: (chat: string) => `[Thông báo tới ${chat}]`,
  consoleNoReply: '(bot không trả lời tin nhắn này)',
};

// ---- Import (command line, HTTP push, /capnhat): every sentence the importers say.

/** "ngày tiếp nhận" → "Ngày tiếp nhận", for labels that start a sentence. */
const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const IMPORT_TEXT = {
  fatal: {
    file_missing: (name: string) => `Không tìm thấy tệp "${name}".`,
    not_a_file: (name: string) => `"${name}" không phải là một tệp.`,
    empty_file: (name: string) => `Tệp "${name}" trống: không có dòng tiêu đề nào.`,
    no_rows: (name: string) => `Tệp "${name}" chỉ có dòng tiêu đề, không có dòng số liệu nào.`,
    binary_file: (name: string) =>
      `Tệp "${name}" không phải tệp CSV hay Excel .xlsx (có byte nhị phân, có thể tệp hỏng hoặc sai loại). Hãy xuất lại thành CSV UTF-8 hoặc .xlsx.`,
    old_excel: (name: string) => `Tệp "${name}" là định dạng Excel cũ (.xls). Hãy mở bằng Excel và lưu lại thành .xlsx hoặc CSV UTF-8.`,
    too_large: (name: string, size: string, limit: string) =>
      `Tệp "${name}" nặng ${size}, vượt giới hạn ${limit}. Hãy tách tệp, hoặc nâng giới hạn bằng --max-size (ví dụ --max-size 8GB).`,
    xlsx_truncated: (name: string) =>
      `Tệp Excel "${name}" bị cắt cụt (thiếu phần cuối của tệp nén), có thể do tải về hoặc sao chép chưa xong. Hãy lấy lại tệp đầy đủ.`,
    xlsx_unreadable: (name: string) => `Không đọc được tệp Excel "${name}": tệp hỏng hoặc không đúng định dạng .xlsx.`,
    xlsx_no_sheet: (name: string) => `Tệp Excel "${name}" không có trang tính nào.`,
    csv_malformed: (name: string, line: number | undefined) =>
      `Tệp "${name}" hỏng${line ? ` ở dòng ${line}` : ''}: có dấu ngoặc kép (") mở mà không đóng, hoặc một ô dài bất thường. Tệp có thể bị cắt cụt.`,
    missing_columns: (name: string, columns: string[], singleColumn: boolean) =>
      `Tệp "${name}" thiếu cột bắt buộc: ${columns.join('; ')}.` +
      (singleColumn ? ' Dòng tiêu đề chỉ có một cột: có thể tệp dùng dấu phân cách khác dấu phẩy, chấm phẩy, tab hoặc "|".' : ''),
    no_units: () => 'Kho chưa có danh sách đơn vị. Hãy nhập trước: npm run import -- units <communes.csv>',
    read_failed: (name: string) => `Không đọc được tệp "${name}".`,
  },
  nothingWritten: 'Chưa dòng nào được ghi vào kho.',

  // Why a row was rejected.
  missing: (label: string) => `Thiếu ${label}.`,
  tooLong: (label: string, max: number) => `${sentence(label)} dài quá ${max} ký tự.`,
  unreadableChars: (label: string) => `${sentence(label)} có ký tự không đọc được (tệp có thể sai bảng mã).`,
  cellCount: (cells: number, columns: number) =>
    `Dòng có ${cells} ô trong khi tiêu đề có ${columns} cột (thừa hoặc thiếu dấu phân cách), nên không biết ô nào thuộc cột nào.`,
  unitUnknownCode: (code: string) => `Không có đơn vị nào mang mã ${code} trong danh sách đơn vị đã nhập.`,
  unitUnknownName: (name: string) => `Không tìm thấy xã, phường "${name}" trong danh sách đơn vị.`,
  unitAmbiguous: (name: string, provinces: string) =>
    `Tên "${name}" có ở nhiều tỉnh (${provinces}); hãy dùng mã 5 chữ số, thêm cột tỉnh, hoặc chọn tỉnh bằng --tinh.`,
  provinceUnknown: (name: string) => `Không tìm thấy tỉnh, thành phố "${name}".`,
  channel: (v: string) => `Kênh thực hiện phải là 1 (trực tiếp), 2 (trực tuyến) hoặc 3 (bưu chính), đang là "${v}".`,
  status: (v: string) => `Trạng thái hồ sơ phải là số nguyên từ 1 đến 10, đang là "${v}".`,
  dateUnreadable: (label: string, v: string) =>
    `${sentence(label)} "${v}" không đọc được; hãy ghi dd/MM/yyyy HH:mm, dd/MM/yyyy hoặc yyyy-MM-dd.`,
  dateOutOfRange: (label: string, v: string, from: string, to: string) =>
    `${sentence(label)} ${v} nằm ngoài khoảng cho phép (từ ${from} đến ${to}).`,
  count: (label: string, v: string) => `${sentence(label)} phải là số nguyên không âm, đang là "${v}".`,
  dossierProblem: {
    due_before_received: 'Ngày hẹn trả trước ngày tiếp nhận.',
    closed_before_received: 'Ngày kết thúc xử lý hoặc ngày trả trước ngày tiếp nhận.',
    closed_without_date: 'Hồ sơ đã giải quyết, bị trả lại hoặc đã rút phải có ngày kết thúc xử lý hoặc ngày trả.',
    bad_status: 'Trạng thái hồ sơ phải là số nguyên từ 1 đến 10.',
    bad_channel: 'Kênh thực hiện phải là 1, 2 hoặc 3.',
  },
  duplicateCode: (code: string, laterLine: number) => `Mã ${code} xuất hiện lại ở dòng ${laterLine}; giữ dòng sau.`,
  duplicateKey: (laterLine: number) => `Dòng ${laterLine} ghi lại cùng đối tượng này; giữ dòng sau.`,
  duplicateFormer: (name: string, oldCode: string | null, newCode: string, laterLine: number) =>
    `Đơn vị mới ${newCode} có lại đơn vị cũ "${name}"${oldCode ? ` (mã ${oldCode})` : ''} ở dòng ${laterLine}; mỗi đơn vị cũ chỉ lưu một lần, giữ dòng sau.`,
  duplicateFigure: (laterLine: number) => `Cùng đơn vị, kỳ và chỉ tiêu với dòng ${laterLine}; giữ dòng sau.`,
  duplicateDate: (date: string, laterLine: number) => `Ngày ${date} có lại ở dòng ${laterLine}; giữ dòng sau.`,

  // Units and the old→new map.
  unitCode: (v: string) => `Mã đơn vị phải gồm đúng 5 chữ số, đang là "${v}".`,
  provinceCode: (v: string) => `Mã tỉnh phải gồm 2 chữ số, đang là "${v}".`,
  unitType: (v: string) => `Loại đơn vị phải là xã, phường hoặc đặc khu, đang là "${v}".`,
  formerList: (part: string) => `Không đọc được đơn vị cũ "${part}" (cần dạng "05272:Xã Miền Đồi" hoặc "05272:Xã Miền Đồi (một phần)").`,
  newUnitMissing: (code: string) => `Đơn vị mới mã ${code} chưa có trong kho; hãy nhập danh sách đơn vị (units) trước.`,
  share: (v: string) => `Cột share phải là "toàn bộ" hoặc "một phần", đang là "${v}".`,

  // Reported figures and indicators.
  figureUnitCode: (v: string) => `Mã đơn vị phải là mã tỉnh 2 chữ số hoặc mã xã, phường 5 chữ số, đang là "${v}".`,
  figureUnitMissing: (code: string) => `Không có tỉnh hoặc xã, phường nào mang mã ${code} trong kho.`,
  figureUnitName: (code: string, name: string, actual: string) => `Mã ${code} là ${actual}, không phải "${name}".`,
  metric: (v: string) => `Chỉ tiêu "${v}" không hợp lệ: chỉ dùng chữ thường không dấu, chữ số và dấu gạch dưới (ví dụ received_online).`,
  number: (label: string, v: string) => `${sentence(label)} phải là một số (dấu phẩy hoặc chấm thập phân), đang là "${v}".`,
  periodReversed: 'Ngày bắt đầu kỳ ở sau ngày kết thúc kỳ.',
  qualifier: (v: string) => `Cột qualifier phải là exact, over hoặc about (để trống là exact), đang là "${v}".`,
  rankNeedsIndicator: 'Thứ hạng (rank, rank_of) chỉ dùng cho chỉ số (tên kết thúc bằng _rank, _rate hoặc _index).',
  rank: (v: string) => `Thứ hạng phải là số nguyên dương, đang là "${v}".`,
  rankOver: (rank: number, of: number) => `Thứ hạng ${rank} lớn hơn tổng số ${of}.`,
  indicatorEmpty: 'Chỉ số cần ít nhất giá trị hoặc thứ hạng.',
  sourceDate: (v: string) => `Ngày công bố "${v}" không đọc được; ghi dd/MM/yyyy, yyyy-MM-dd hoặc yyyy-MM.`,

  // Holidays.
  holidayDate: (v: string) => `Ngày "${v}" không đọc được; ghi yyyy-MM-dd hoặc dd/MM/yyyy.`,
  holidayKind: (v: string) =>
    `Loại ngày "${v}" không hợp lệ: dùng public_holiday, public_holiday_observed, day_off_swap, makeup_workday; ngày chưa chính thức thêm đuôi _unverified hoặc _unconfirmed.`,

  // The command line.
  usage: [
    'Cách dùng: npm run import -- <loại> <tệp> [tuỳ chọn]',
    '  units <communes.csv>          danh sách tỉnh và xã, phường, đặc khu (kèm đơn vị cũ đã sáp nhập)',
    '  old-units <merge_map.csv>     bảng đơn vị cũ → đơn vị mới, để tra được tên cũ',
    '  dossiers <tệp.csv|tệp.xlsx>   hồ sơ TTHC xuất từ hệ thống một cửa',
    '  figures <tệp.csv>             số liệu báo cáo đã công bố và các chỉ số',
    '  holidays <holidays.csv>       ngày nghỉ lễ, nghỉ bù, làm bù',
    '  departments <tệp.csv>         các sở, ngành của tỉnh: lĩnh vực, từ khóa phân loại kiến nghị, hạn trả lời',
    'Tuỳ chọn:',
    '  --tinh <tên hoặc mã>          tỉnh của các tên xã không kèm mã (mặc định DEFAULT_PROVINCE)',
    '  --lo <số dòng>                số dòng mỗi lô ghi trọn vẹn (mặc định 5000)',
    '  --max-size <dung lượng>       giới hạn kích thước tệp, ví dụ 8GB (mặc định 2GB; .xlsx 256MB)',
    '  --bao-cao <tệp.csv>           nơi ghi các dòng bị từ chối (mặc định cạnh tệp nhập: <tên>.rejected.csv)',
    '  --json                        in kết quả dạng JSON (cho script)',
    '  --khong-tien-do               không hiện thanh tiến độ',
  ].join('\n'),
  usageUnknownKind: (k: string) => `Không có loại nhập "${k}".`,
  usageMissingFile: 'Thiếu đường dẫn tệp cần nhập.',
  usageBadOption: (o: string) => `Tuỳ chọn "${o}" không hợp lệ.`,
  reading: (name: string, size: string, format: string) => `Đang đọc ${name} (${size}, ${format}).`,
  formatCsv: (encoding: string, delimiter: string) => `CSV ${encoding}, phân cách ${delimiter}`,
  formatXlsx: 'Excel .xlsx',
  personalDropped: (cols: string[]) => `Bỏ qua ${cols.length} cột dữ liệu cá nhân (không đọc, không lưu): ${cols.join(', ')}.`,
  unusedColumns: (cols: string[]) => `Các cột không dùng: ${cols.join(', ')}.`,
  progress: (pct: string, rows: string, rate: string, eta: string | null) =>
    `${pct} · ${rows} dòng · ${rate} dòng/giây${eta ? ` · còn khoảng ${eta}` : ''}`,
  etaSeconds: (n: number) => `${n} giây`,
  etaMinutes: (n: number) => `${n} phút`,
  done: (seconds: string, rate: string) => `Xong sau ${seconds} giây (${rate} dòng/giây).`,
  failed: 'Nhập thất bại.',
  summary: {
    rows: 'Số dòng đã đọc',
    inserted: 'Thêm mới',
    updated: 'Cập nhật',
    unchanged: 'Không đổi',
    rejected: 'Bị từ chối',
    duplicates: 'Dòng trùng bị thay (giữ dòng sau)',
    sectorsCreated: 'Lĩnh vực mới tạo (chưa gán sở)',
    provinces: 'Tỉnh, thành phố',
    formerUnits: 'Tên đơn vị cũ',
    provincesCounts: (ins: string, upd: string, same: string) => `thêm ${ins}, cập nhật ${upd}, không đổi ${same}`,
    provinceTypeGuessed: 'Tỉnh mới chưa rõ là tỉnh hay thành phố (tạm ghi là tỉnh; nhập provinces.csv để sửa)',
  },
  rejectedHeader: (shown: number, total: number) => (total > shown ? `Các dòng bị từ chối (${shown} dòng đầu):` : 'Các dòng bị từ chối:'),
  rejectedLine: (file: string, line: number, column: string | null, reason: string) =>
    `  ${file} dòng ${line}${column ? `, cột ${column}` : ''}: ${reason}`,
  rejectedFile: (path: string) => `Danh sách đầy đủ các dòng bị từ chối: ${path}`,
  rejectedFileFailed: (path: string, reason: string) =>
    `Không ghi được danh sách dòng bị từ chối vào ${path} (${reason}); chọn nơi khác bằng --bao-cao <tệp.csv>.`,
  storeAt: (location: string) => `Kho số liệu: ${location}`,

  // HTTP push.
  pushUnauthorized: 'Thiếu hoặc sai mã truy cập (Authorization: Bearer <mã>).',
  pushBadJson: (line: number | null) =>
    `Nội dung không phải JSON hợp lệ${line ? ` (dòng ${line})` : ''}: gửi một mảng JSON các hồ sơ, hoặc NDJSON (mỗi dòng một hồ sơ).`,
  pushNotObjects: (row: number) => `Phần tử thứ ${row} không phải một đối tượng JSON mô tả hồ sơ.`,
  pushEmpty: 'Không có hồ sơ nào trong nội dung gửi lên.',
  pushSource: (tokenNumber: number) => `HTTP POST /api/v1/dossiers (mã truy cập số ${tokenNumber})`,

  // /capnhat.
  updatesTitle: 'Các lần cập nhật số liệu gần nhất',
  updatesNone: 'Chưa có lần nhập số liệu nào.',
  importKind: {
    demo: 'dữ liệu mẫu',
    units: 'danh sách đơn vị',
    'old-units': 'bảng tên đơn vị cũ',
    dossiers: 'hồ sơ',
    figures: 'số liệu báo cáo',
    holidays: 'lịch nghỉ',
    departments: 'danh sách sở, ngành',
    push: 'hồ sơ gửi qua API',
  } as Record<string, string>,
  updateCounts: (ins: string, upd: string, same: string, rej: string) => `thêm ${ins}, cập nhật ${upd}, không đổi ${same}, từ chối ${rej}`,
  updateFailed: 'thất bại',
  updateRunning: 'đang chạy',
};

// ---- Zalo: what the Zalo channel says that the core does not (no buttons, the monthly quota).

/** "1, 2 hoặc 3": the numbers a user may answer with. */
const numberList = (n: number) => (n === 1 ? '1' : `${Array.from({ length: n - 1 }, (_, i) => i + 1).join(', ')} hoặc ${n}`);

export const ZALO_TEXT = {
  /** Under numbered options (Zalo has no buttons). */
  replyWithNumber: (n: number) => (n <= 5 ? `Trả lời ${numberList(n)} để chọn.` : `Trả lời một số từ 1 đến ${n} để chọn.`),
  /** A picture, sticker or voice note in a private chat. */
  onlyText: 'Bot chỉ đọc tin nhắn chữ. Gõ /giup để xem các lệnh, ví dụ /xa Thượng Cốc.',
  /** A chart that cannot be sent: Zalo takes pictures only from a public address. */
  imageUnavailable: 'Biểu đồ chưa gửi được vì bot chưa có địa chỉ công khai cho hình ảnh (PUBLIC_BASE_URL).',
  quotaWarningTitle: 'Bot Zalo sắp hết hạn mức tin nhắn tháng này',
  limitedTitle: 'Zalo đang tạm từ chối tin nhắn của bot',
  limited: (since: string) =>
    `Từ ${since}, Zalo trả lời "Quota exceeded" (vượt hạn mức) khi bot gửi tin. Không tin nhắn nào bị mất: bot giữ lại và gửi lại sau 5 giây, 30 giây, 2 phút, 10 phút, rồi 30 phút một lần cho đến khi Zalo nhận. Nếu đã hết hạn mức của tháng, tin nhắn sẽ đi khi sang tháng mới hoặc khi nâng hạn mức gói Zalo.`,
  quotaWarning: (sent: string, quota: string, month: string) =>
    `Bot đã gửi ${sent}/${quota} tin nhắn Zalo trong tháng ${month} (từ 80 % hạn mức). Khi hết hạn mức, bot vẫn trả lời lệnh nhưng tạm giữ các thông báo (đăng ký, cảnh báo) đến đầu tháng sau, hoặc đến khi quản trị viên nâng ZALO_MONTHLY_QUOTA và khởi động lại bot.`,
};

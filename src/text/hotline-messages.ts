/**
 * What the hotline for recommendations says (đường dây nóng kiến nghị): raising, routing,
 * answering, handing over, the lists, the rules, and the departments import.
 */
import { formatNumber } from './format.js';

export const DEPARTMENT_IMPORT_TEXT = {
  badProvince: (v: string) => `Mã tỉnh "${v}" không hợp lệ; ghi mã 2 chữ số, ví dụ 25.`,
  badCode: (v: string) => `Mã sở "${v}" không hợp lệ; dùng chữ không dấu và số, tối đa 12 ký tự, ví dụ NV, KHCN.`,
  badKeyword: (v: string) => `Từ khóa "${v}" không hợp lệ (trống hoặc dài quá 100 ký tự); các từ khóa cách nhau bằng dấu chấm phẩy.`,
  badDays: (v: string) => `Hạn trả lời "${v}" không hợp lệ; ghi số ngày làm việc từ 1 đến 60, bỏ trống là 5.`,
  unknownProvince: (v: string) => `Chưa có tỉnh mã ${v} trong kho; nhập danh sách đơn vị (units) trước.`,
  rulesWritten: 'Quy tắc phân loại đã ghi',
};

/** A sentence that starts with a unit phrase ("xã Thượng Cốc …") starts with a capital. */
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const KINDS: Record<string, string> = { phone: 'số điện thoại', id_number: 'số định danh, CMND/CCCD', email: 'địa chỉ thư điện tử', name: 'họ tên' };

export const HOTLINE_TEXT = {
  // Raising.
  raiseExample: 'Ví dụ: /kiennghi Phần mềm một cửa không đăng nhập được từ sáng nay',
  raiseEmpty: 'Chưa có nội dung kiến nghị. Viết vướng mắc ngay sau lệnh.',
  raiseNoWords: 'Nội dung kiến nghị cần có chữ hoặc số (không chỉ biểu tượng cảm xúc). Viết vướng mắc ngay sau lệnh.',
  raiseTooLong: (max: number) => `Nội dung kiến nghị dài quá ${max} ký tự; tóm tắt vướng mắc, chi tiết gửi sau khi sở hỏi lại.`,
  raiseOnlyCommunes: 'Kiến nghị được gửi từ nhóm của một xã, phường đã đăng ký với bot (/dangky xa <tên xã>). Nhóm này xem danh sách bằng /kiennghi.',
  raisedTitle: (code: string) => `Đã ghi kiến nghị ${code}`,
  raisedAgain: (code: string) => `Tin nhắn này đã được ghi thành kiến nghị ${code}; không tạo kiến nghị mới.`,
  masked: (kinds: readonly string[]) =>
    `Nội dung có ${kinds.map((k) => KINDS[k] ?? k).join(', ')} của người dân nên đã được che trước khi lưu và chuyển đi: bot không lưu dữ liệu cá nhân của công dân. Sở cần liên hệ sẽ hỏi lại xã.`,
  noDepartmentChat: (dept: string) => `${dept} chưa có nhóm đăng ký với bot: kiến nghị đã được lưu, sở xem được bằng /kiennghi khi nhóm của sở đăng ký.`,
  pickOther: 'Chưa đúng sở? Chọn sở khác:',
  otherDepartments: 'Sở khác…',
  unroutedNoMatch: 'Bot chưa xác định được sở phụ trách nội dung này. Chọn sở sẽ nhận kiến nghị:',
  unroutedTie: (names: string) => `Nội dung liên quan đến nhiều sở (${names}). Chọn sở sẽ nhận kiến nghị:`,
  pickDepartment: 'Chọn sở nhận kiến nghị:',

  // Labels.
  commune: 'Xã, phường',
  field: 'Lĩnh vực',
  department: 'Sở nhận',
  deadline: 'Hạn trả lời',
  status: 'Trạng thái',
  sender: 'Người gửi',
  raisedAt: 'Ngày gửi',
  answer: 'Trả lời',
  dueLine: (date: string, days: number) => `${date} (${days} ngày làm việc)`,
  statusLabel: { unrouted: 'chờ chọn sở', open: 'đang chờ sở trả lời', asked: 'sở hỏi lại, chờ xã bổ sung (hạn tạm dừng)', answered: 'sở đã trả lời', closed: 'đã giải quyết' } as Record<string, string>,
  overdueBy: (days: number) => `quá hạn ${days} ngày làm việc`,
  noChat: '—',

  // To the department.
  cardTitle: (code: string, commune: string) => `Kiến nghị ${code} · ${commune}`,
  cardMovedFrom: (from: string, reason: string | null) => `Chuyển từ ${from}${reason ? `: ${reason}` : ''}.`,
  cardReopened: (reason: string) => `Xã báo chưa giải quyết được: ${reason}`,
  cardHow: (code: string) => `Trả lời: /traloi ${code} <nội dung> (trên Telegram có thể trả lời thẳng tin nhắn này) · Hỏi lại xã: /hoilai ${code} <câu hỏi> · Chuyển sở khác: /chuyen ${code} <sở> <lý do>`,
  repliedTitle: (code: string, commune: string) => `${cap(commune)} bổ sung thông tin cho kiến nghị ${code}`,
  closedNotice: (code: string, commune: string) => `${cap(commune)} xác nhận kiến nghị ${code} đã được giải quyết.`,

  // To the commune.
  answerTitle: (code: string, dept: string) => `${dept} trả lời kiến nghị ${code}`,
  answerHow: (code: string) => `Đã giải quyết: /xong ${code} · Chưa giải quyết: /chuagiaiquyet ${code} <lý do> (trong 30 ngày)`,
  solved: 'Đã giải quyết',
  solvedPrompt: 'Khi vướng mắc đã được giải quyết:',
  askedTitle: (code: string, dept: string) => `${dept} hỏi lại về kiến nghị ${code}`,
  askedHow: (code: string) => `Bổ sung: /traloi ${code} <nội dung> (trên Telegram có thể trả lời thẳng tin nhắn này). Hạn trả lời của sở tạm dừng đến khi xã bổ sung.`,
  movedNotice: (code: string, from: string, to: string, reason: string | null, due: string) =>
    `Kiến nghị ${code} được chuyển từ ${from} sang ${to}${reason ? ` (lý do: ${reason})` : ''}. Hạn trả lời giữ nguyên: ${due}.`,

  // Replies to the actor.
  answeredDone: (code: string, commune: string) => `Đã chuyển câu trả lời kiến nghị ${code} đến ${commune}.`,
  repliedDone: (code: string, dept: string, due: string) => `Đã gửi thông tin bổ sung kiến nghị ${code} cho ${dept}. Hạn trả lời mới: ${due}.`,
  askedDone: (code: string, commune: string) => `Đã gửi câu hỏi về kiến nghị ${code} đến ${commune}; hạn trả lời tạm dừng đến khi xã bổ sung.`,
  closedDone: (code: string) => `Đã ghi nhận kiến nghị ${code} đã được giải quyết. Cảm ơn!`,
  reopenedDone: (code: string, dept: string, due: string) => `Đã mở lại kiến nghị ${code} và báo ${dept}. Hạn trả lời mới: ${due}.`,
  movedDone: (code: string, to: string, due: string) => `Đã chuyển kiến nghị ${code} đến ${to}. Hạn trả lời: ${due}.`,
  routedDone: (code: string, to: string, due: string) => `Đã gửi kiến nghị ${code} đến ${to}. Hạn trả lời: ${due}.`,

  // Bad input and refusals.
  codeMissing: (cmd: string, example: string) => `Thiếu mã kiến nghị. Viết /${cmd} <mã> …, ví dụ ${example}.`,
  codeBad: (v: string) => `"${v}" không phải mã kiến nghị; mã có dạng KN-0042.`,
  notFound: (code: string) => `Không có kiến nghị ${code}. Xem các kiến nghị của nhóm bằng /kiennghi.`,
  otherScope: (code: string, scope: string) => `Kiến nghị ${code} không thuộc phạm vi của nhóm này (${scope}); nhóm chỉ xem và xử lý kiến nghị của mình.`,
  notOwner: (code: string, owner: string) => `Kiến nghị ${code} đang do ${owner} xử lý; chỉ nhóm của sở đó trả lời, hỏi lại hoặc chuyển được.`,
  notCommune: (code: string) => `Chỉ xã đã gửi kiến nghị ${code} mới xác nhận hoặc mở lại được.`,
  communeCannotAnswer: (code: string) => `Kiến nghị ${code} không chờ xã bổ sung. Xã dùng /xong ${code} khi đã giải quyết, hoặc /chuagiaiquyet ${code} <lý do>.`,
  textMissing: (cmd: string, code: string, what: string) => `Thiếu ${what}. Viết /${cmd} ${code} <${what}>.`,
  alreadyClosed: (code: string) => `Kiến nghị ${code} đã được xác nhận giải quyết. Nếu chưa xong, dùng /chuagiaiquyet ${code} <lý do> (trong 30 ngày).`,
  notAnswered: (code: string) => `Kiến nghị ${code} chưa được sở trả lời nên chưa mở lại được; xem tình trạng bằng /kiennghi ${code}.`,
  notOpen: (code: string, status: string) => `Kiến nghị ${code} đang ở trạng thái "${status}", không làm được việc này.`,
  tooLate: (code: string, days: number) => `Kiến nghị ${code} đã trả lời quá ${days} ngày nên không mở lại được; gửi kiến nghị mới bằng /kiennghi <nội dung>.`,
  unknownDepartment: (text: string) => `Không tìm thấy sở "${text}". Ghi tên hoặc mã sở, ví dụ "Sở Tài chính" hoặc TC; xem danh sách bằng lệnh không ghi tên sở.`,
  sameDepartment: (code: string, dept: string) => `Kiến nghị ${code} đang ở ${dept} rồi.`,
  reasonMissing: (code: string) => `Khi chuyển kiến nghị cần ghi lý do. Viết /chuyen ${code} <sở> <lý do>.`,
  moveNotAllowed: (code: string) => `Kiến nghị ${code} đã được sở xử lý; xã không tự chuyển được nữa. Đề nghị sở chuyển, hoặc dùng /chuagiaiquyet ${code} <lý do>.`,

  // Lists.
  listTitle: (scope: string) => `Kiến nghị đang mở · ${scope}`,
  listEmpty: (scope: string) => `Không có kiến nghị nào đang mở (${scope}).`,
  listLine: (code: string, dept: string, status: string, content: string) => `${code} · ${dept} · ${status} · ${content}`,
  listMore: (n: number) => `… và ${n} kiến nghị khác. Xem từng kiến nghị: /kiennghi <mã>.`,
  listHow: 'Xem chi tiết: /kiennghi <mã> · Gửi kiến nghị mới (nhóm xã): /kiennghi <nội dung>',
  itemTitle: (code: string) => `Kiến nghị ${code}`,
  historyHeading: 'Diễn biến:',
  event: {
    raised: 'gửi kiến nghị',
    routed: 'gửi đến',
    moved: 'chuyển đến',
    answered: 'trả lời',
    asked: 'hỏi lại',
    replied: 'xã bổ sung',
    closed: 'xác nhận đã giải quyết',
    reopened: 'báo chưa giải quyết',
  } as Record<string, string>,
  sourceNote: (source: string) => `Nguồn: ${source}`,

  // Summary for leaders.
  summaryTitle: (province: string) => `Kiến nghị theo sở · ${province}`,
  summaryLine: (dept: string, open: string, overdue: string, onTime: string, median: string) =>
    `${dept}: đang mở ${open}, quá hạn ${overdue}, trả lời đúng hạn ${onTime}, trung vị ${median} ngày làm việc`,
  summaryNone: 'Chưa có kiến nghị nào.',
  summaryOverdueHeading: 'Quá hạn lâu nhất (chuyển lên lãnh đạo):',
  summaryOverdueLine: (code: string, dept: string, commune: string, days: number) => `${code} · ${dept} · ${commune} · quá hạn ${days} ngày làm việc`,
  summaryOnlyLeaders: 'Bảng tổng hợp kiến nghị theo sở dành cho nhóm lãnh đạo tỉnh (/dangky lanhdao) và quản trị viên.',
  summaryNote: 'Đúng hạn: số đã trả lời trong hạn / số đã trả lời. Trung vị: số ngày làm việc từ khi gửi đến khi sở trả lời.',
  whichProvince: 'Chọn tỉnh:',

  // Rules.
  rulesTitle: (province: string) => `Quy tắc phân loại kiến nghị · ${province}`,
  rulesLine: (dept: string, keywords: string) => `${dept}: ${keywords}`,
  rulesHow: 'Thêm: /quytac them <từ khóa> = <sở> · Bỏ: /quytac bo <từ khóa> [= <sở>] · Thử: /quytac thu <nội dung>',
  rulesUsage: 'Cách dùng: /quytac [tỉnh] · /quytac them <từ khóa> = <sở> · /quytac bo <từ khóa> [= <sở>] · /quytac thu <nội dung>',
  ruleAdded: (keyword: string, dept: string, provinces: number) => `Đã thêm quy tắc "${keyword}" → ${dept}${provinces > 1 ? ` (${provinces} tỉnh)` : ''}.`,
  ruleExists: (keyword: string, dept: string) => `Quy tắc "${keyword}" → ${dept} đã có.`,
  ruleRemoved: (keyword: string, n: number) => `Đã bỏ ${n} quy tắc "${keyword}".`,
  ruleNotFound: (keyword: string) => `Không có quy tắc nào với từ khóa "${keyword}".`,
  ruleKeywordBad: 'Từ khóa cần có chữ hoặc số, tối đa 100 ký tự.',
  ruleTest: (dept: string, field: string | null) => `Bot sẽ gửi đến ${dept}${field ? ` (lĩnh vực ${field})` : ''}.`,
  ruleTestAsk: 'Bot sẽ hỏi người gửi chọn sở (không có quy tắc khớp, hoặc nhiều sở ngang nhau).',
};

/** The overdue recommendations section of the alerts' digests. */
export const HOTLINE_DIGEST_TEXT = {
  heading: (n: number) => `Kiến nghị quá hạn trả lời (${formatNumber(n)})`,
  line: (code: string, communes: string, due: string, days: number, level: number) =>
    `${code}${communes ? ` · ${communes}` : ''} · hạn trả lời ${due} · quá ${formatNumber(days)} ngày làm việc · cấp ${level}`,
  more: (n: number) => `… và ${formatNumber(n)} kiến nghị quá hạn khác: gõ /kiennghi để xem tất cả.`,
};

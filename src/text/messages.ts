/**
 * Every sentence the bot says that is not a figure label lives here, in Vietnamese, chosen
 * by code. Handlers and adapters never write their own wording for errors.
 */
import type { PeriodError } from '../time/period.js';

export const PERIOD_EXAMPLES = 'Ví dụ: "tháng 7/2025", "quý 3", "30 ngày", "từ 1/7/2025 đến 28/7/2025".';

/** Why a period was refused. */
export function periodErrorText(e: PeriodError): string {
  switch (e.code) {
    case 'impossible_date':
      return `Ngày "${e.detail ?? ''}" không có thật trên lịch.`;
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
  notACommand: 'Hãy gõ một lệnh bắt đầu bằng dấu "/", ví dụ /xa Thượng Cốc. Gõ /giup để xem các lệnh.',
  pickNumber: (n: number) => (n === 1 ? 'Trả lời 1 để chọn.' : `Trả lời một số từ 1 đến ${n} để chọn.`),
  numberOutOfRange: (n: number) => `Chỉ có ${n} lựa chọn. Hãy trả lời một số từ 1 đến ${n}.`,
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
  pausedNote: 'Hồ sơ tạm dừng: chờ bổ sung, chờ thực hiện nghĩa vụ tài chính, dừng xử lý.',
  historicNote: 'Trạng thái tạm dừng chỉ biết ở thời điểm hiện tại, nên với kỳ đã qua, hồ sơ tạm dừng được tính là đang giải quyết.',
  // Chat adapters (Telegram buttons and pages; the console's stand-in for pictures).
  pageLabel: (page: number, pageCount: number) => `Trang ${page}/${pageCount}`,
  pagePrevious: '‹',
  pageNext: '›',
  choiceButton: (n: number, label: string) => `${n}. ${label}`,
  buttonExpired: 'Nút này đã hết hạn. Hãy gõ lại lệnh.',
  imageOnConsole: (caption: string) => `[Biểu đồ] ${caption}`,
};

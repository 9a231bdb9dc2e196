/**
 * What the overdue alerts say: digests, escalations, /lichbao, /chinhsach, /danhan,
 * /tamdung, /botamdung, /canhbao and /bantin. Chosen by code; numbers and dates through
 * the one vi-VN formatter.
 */
import type { Thresholds } from '../alerts/policy.js';
import { formatNumber } from './format.js';

const WEEKDAY_NAMES = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];

/** "thứ Hai" … "Chủ nhật" for 1 (Monday) … 7 (Sunday). */
export function weekdayName(isoWeekday: number): string {
  return WEEKDAY_NAMES[isoWeekday % 7]!;
}

const LEVEL_WHO: Record<number, string> = { 0: 'chưa chuyển cấp', 1: 'xã và sở', 2: 'tổ công tác', 3: 'lãnh đạo tỉnh' };

export const SCHEDULE_EXAMPLE = 'Ví dụ: /lichbao 07:30, /lichbao 07:30 13:30, /lichbao thứ 2 08:00, /lichbao tắt, /lichbao bật, /lichbao báo cả khi không có';
export const POLICY_EXAMPLE = 'Ví dụ: /chinhsach 1 3 7 (quá 1 ngày làm việc: xã và sở; từ 3: tổ công tác; từ 7: lãnh đạo tỉnh)';
export const ACK_EXAMPLE = 'Ví dụ: /danhan H44.05305-261019-0042 hoặc /danhan H44.05305-261019-0042 đến 10/12';
export const SILENCE_EXAMPLE = 'Ví dụ: /tamdung Yên Phú 3 ngày mất điện, chờ sửa đường truyền; /tamdung đất đai đến 10/12 đang kiểm kê; /tamdung H44.05305-261019-0042 2 ngày chờ UBND tỉnh cho ý kiến';

export const ALERT_TEXT = {
  /** One escalated dossier in the weekly leaders' report. */
  weeklyEscalated: (code: string, commune: string, due: string, resolved: boolean) =>
    `${code}${commune ? ` · ${commune}` : ''} · hẹn trả ${due}${resolved ? ' · đã xử lý' : ''}`,
  levelName: (level: number) => `cấp ${level} (${LEVEL_WHO[level] ?? ''})`,
  levelShort: (level: number) => (level === 0 ? 'chưa chuyển cấp' : `cấp ${level}`),

  digestTitle: (scope: string) => `Bản tin hồ sơ quá hạn · ${scope}`,
  digestWhen: (weekday: string, date: string, time: string) => `${weekday[0]!.toUpperCase()}${weekday.slice(1)}, ${date} lúc ${time}`,
  changesNone: 'Từ bản tin trước: không có thay đổi.',
  changes: (parts: string[]) => `Từ bản tin trước: ${parts.join(', ')}.`,
  changeNewOverdue: (n: number) => `${formatNumber(n)} hồ sơ mới quá hạn`,
  changeEscalated: (n: number) => `${formatNumber(n)} hồ sơ chuyển cấp`,
  changeAckExpired: (n: number) => `${formatNumber(n)} hồ sơ hết hạn nhận xử lý`,
  changeResolved: (n: number) => `${formatNumber(n)} hồ sơ đã xử lý`,
  resolvedHeading: 'Đã xử lý từ bản tin trước',
  moreCodes: (n: number) => `và ${formatNumber(n)} hồ sơ khác`,

  overdueCount: 'Quá hạn',
  escalatedCount: 'Trong đó đã chuyển lên tổ công tác hoặc lãnh đạo',
  dueSoonCount: 'Sắp đến hạn (trong 2 ngày làm việc)',
  ackedCount: 'Đã nhận xử lý',
  silencedCount: 'Đang tạm dừng cảnh báo',
  overdueHeading: 'Quá hạn',
  dueSoonHeading: 'Sắp đến hạn',
  communeGroup: (commune: string, overdue: number, dueSoon: number) => `${commune}: ${formatNumber(overdue)} quá hạn, ${formatNumber(dueSoon)} sắp đến hạn`,
  byCommuneHeading: 'Theo xã, phường (nhiều quá hạn nhất trước)',
  communeLine: (commune: string, overdue: number, escalated: number, dueSoon: number) =>
    `${commune}: ${formatNumber(overdue)} quá hạn${escalated > 0 ? ` (${formatNumber(escalated)} đã chuyển cấp)` : ''}, ${formatNumber(dueSoon)} sắp đến hạn`,
  escalatedToGroup: 'Đã chuyển đến tổ công tác',
  escalatedToLeaders: 'Đã chuyển đến lãnh đạo tỉnh',
  worst: (list: string) => `Nhiều hồ sơ quá hạn nhất: ${list}.`,
  provinceOverdue: 'Quá hạn toàn tỉnh',
  perLevel: (level: number) => `Cấp ${level} (${LEVEL_WHO[level]})`,
  trend: (fired: number, closed: number) => {
    const diff = fired - closed;
    const change = diff === 0 ? 'số quá hạn không đổi' : diff > 0 ? `số quá hạn tăng ${formatNumber(diff)}` : `số quá hạn giảm ${formatNumber(-diff)}`;
    return `Trong 7 ngày qua: ${formatNumber(fired)} hồ sơ mới quá hạn, ${formatNumber(closed)} đã xử lý; ${change}.`;
  },
  nothing: 'Không có hồ sơ quá hạn hay sắp đến hạn.',
  stale: (hours: number) => `⚠ Chưa nhận được dữ liệu mới trong hơn ${hours} giờ: số liệu trong bản tin có thể đã cũ.`,
  rule: 'Số ngày quá hạn tính theo ngày làm việc. Cấp chuyển theo chính sách của tỉnh; /canhbao xem các cảnh báo, /danhan <mã> nhận xử lý.',

  item: (code: string, sector: string, due: string, lateness: string) => `${code} · ${sector} · hẹn trả ${due} · ${lateness}`,
  dueSoonItem: (code: string, sector: string, due: string) => `${code} · ${sector} · hẹn trả ${due}`,
  lateDays: (n: number) => (n > 0 ? `quá ${formatNumber(n)} ngày làm việc` : 'quá hạn hôm nay'),
  markNew: 'mới',
  markAck: (who: string, until: string) => `đã nhận xử lý: ${who} đến ${until}`,
  markSilence: (until: string, reason: string) => `tạm dừng cảnh báo đến ${until} (${reason})`,

  escalationTitle: (scope: string, n: number) => `Chuyển cấp · ${scope}: ${formatNumber(n)} hồ sơ quá hạn`,
  escalationText: (level: number, days: number) => `Các hồ sơ sau đã quá từ ${formatNumber(days)} ngày làm việc nên chuyển đến ${LEVEL_WHO[level]}.`,
  escalationMore: (n: number) => `và ${formatNumber(n)} hồ sơ khác: xem /canhbao.`,
  escalationItem: (code: string, commune: string, sector: string, lateness: string) => `${code} · ${commune} · ${sector} · ${lateness}`,

  staleAdminTitle: 'Dữ liệu có thể đã cũ',
  staleAdmin: (hours: number, last: string) => `Chưa có lần nhập dữ liệu nào trong hơn ${hours} giờ (lần cuối: ${last}). Các bản tin sáng nay ghi chú số liệu có thể đã cũ.`,

  // /lichbao
  scheduleTitle: 'Lịch gửi bản tin của nhóm',
  scheduleNone: 'Nhóm này không nhận bản tin (vai trò quản trị không có bản tin). Nhóm xã, sở, tổ công tác và lãnh đạo mới có bản tin.',
  scheduleDaily: (times: string) => `Các ngày làm việc lúc ${times}.`,
  scheduleWeekly: (weekday: string, time: string) => `Hằng tuần vào ${weekday} lúc ${time} (nếu ${weekday} là ngày nghỉ thì gửi vào ngày làm việc đầu tiên sau đó).`,
  scheduleOff: 'Đang tắt: nhóm không nhận bản tin (gửi /lichbao bật để bật lại).',
  scheduleDefault: 'Đây là lịch mặc định của vai trò nhóm.',
  scheduleAllClear: (on: boolean) => (on ? 'Có gửi bản tin cả khi không có gì để báo.' : 'Không gửi bản tin khi không có gì để báo (gửi /lichbao báo cả khi không có để nhận).'),
  scheduleSaved: 'Đã lưu lịch gửi bản tin.',
  scheduleNext: (when: string) => `Bản tin tiếp theo: ${when}.`,
  scheduleBadTime: (text: string) => `Giờ "${text}" không hợp lệ: giờ từ 00 đến 23, phút từ 00 đến 59.`,
  scheduleBadWeekday: (text: string) => `"${text}" không phải thứ trong tuần: viết thứ 2 đến thứ 7.`,
  scheduleTooMany: (max: number) => `Tối đa ${max} giờ gửi mỗi ngày.`,
  scheduleNotUnderstood: 'Không hiểu lịch bạn nhập.',
  scheduleDenied: 'Chỉ quản trị viên hoặc chính nhóm đã đăng ký mới đổi được lịch gửi bản tin.',
  zaloUse: (projected: number, quota: number, pct: string) => `Trên Zalo, lịch này dùng khoảng ${formatNumber(projected)} tin mỗi tháng cho bản tin của nhóm; tổng dự kiến ${pct} hạn mức ${formatNumber(quota)} tin/tháng.`,
  zaloWarn: '⚠ Đã quá 80 % hạn mức tin nhắn Zalo mỗi tháng.',
  zaloRefused: (projected: number, quota: number) => `Không lưu: với lịch này các bản tin trên Zalo cần khoảng ${formatNumber(projected)} tin mỗi tháng, vượt hạn mức ${formatNumber(quota)} tin/tháng. Hãy chọn ít giờ gửi hơn hoặc bản tin hằng tuần.`,

  // /chinhsach
  policyTitle: (province: string) => `Chính sách chuyển cấp · tỉnh ${province}`,
  policyRows: (t: Thresholds) => [
    { label: 'Cấp 1: xã và sở quản lý lĩnh vực', value: `quá từ ${formatNumber(t[0])} ngày làm việc` },
    { label: 'Cấp 2: tổ công tác', value: `quá từ ${formatNumber(t[1])} ngày làm việc` },
    { label: 'Cấp 3: lãnh đạo tỉnh', value: `quá từ ${formatNumber(t[2])} ngày làm việc` },
  ],
  policyDefault: 'Đây là chính sách mặc định.',
  policyKeep: 'Mỗi cảnh báo giữ chính sách đang áp dụng khi nó phát sinh; chính sách mới áp dụng cho các cảnh báo phát sinh sau khi đổi.',
  policySaved: 'Đã lưu chính sách chuyển cấp.',
  policyAdminOnly: 'Chỉ quản trị viên mới đổi được chính sách chuyển cấp.',
  policyNoProvince: 'Chưa biết tỉnh nào: ghi tên tỉnh trước ba số, ví dụ /chinhsach Phú Thọ 1 3 7.',
  policyErrors: {
    count: 'Cần đúng ba số ngày làm việc, cho cấp 1, cấp 2 và cấp 3.',
    not_numbers: 'Số ngày phải là số nguyên.',
    not_increasing: 'Số ngày của cấp sau phải lớn hơn cấp trước.',
    range: 'Số ngày phải từ 1 đến 60.',
  } as Record<string, string>,

  // /danhan
  ackMissing: 'Bạn chưa ghi mã hồ sơ.',
  ackUnknown: (code: string) => `Không có hồ sơ mã "${code}" đang quá hạn hoặc sắp đến hạn.`,
  ackOutOfScope: (scope: string) => `Hồ sơ này không thuộc ${scope}, nên nhóm không nhận xử lý được.`,
  ackRoleOnly: 'Chỉ nhóm xã hoặc nhóm sở quản lý lĩnh vực của hồ sơ mới nhận xử lý được.',
  ackBadDate: (text: string) => `Ngày "${text}" không hợp lệ: viết dd/MM hoặc dd/MM/yyyy, từ hôm nay trở đi.`,
  ackPast: 'Ngày kết thúc đã qua: hãy chọn hôm nay hoặc một ngày sau.',
  ackButton: (code: string) => `✓ Nhận xử lý ${code}`,
  ackDone: (code: string, until: string) => `Đã ghi nhận nhóm nhận xử lý hồ sơ ${code} đến hết ${until}. Hồ sơ không chuyển cấp tiếp cho đến ngày đó.`,

  // /tamdung, /botamdung
  silenceTitle: 'Cảnh báo đang tạm dừng',
  silenceNone: 'Không có cảnh báo nào đang tạm dừng.',
  silenceLine: (id: number, label: string, until: string, reason: string, by: string) => `Số ${id}: ${label} · đến ${until} · lý do: ${reason} · người đặt: ${by}`,
  silenceHow: 'Gửi /botamdung <số> để bỏ tạm dừng.',
  silenceMissingTarget: 'Hãy ghi mã hồ sơ, tên xã hoặc lĩnh vực cần tạm dừng cảnh báo.',
  silenceMissingEnd: 'Cần ghi thời hạn tạm dừng: số ngày (3 ngày), số giờ (4 giờ) hoặc "đến dd/MM".',
  silenceMissingReason: 'Cần ghi lý do tạm dừng sau thời hạn.',
  silenceReasonTooLong: (max: number) => `Lý do quá dài: tối đa ${max} ký tự.`,
  silencePast: 'Thời hạn tạm dừng đã qua: hãy chọn một thời điểm sau bây giờ.',
  silenceTooLong: (days: number) => `Thời hạn tạm dừng tối đa ${days} ngày.`,
  silenceUnknownTarget: (text: string) => `Không tìm thấy hồ sơ, xã hay lĩnh vực "${text}".`,
  silenceOutOfScope: (scope: string) => `Chỉ tạm dừng được cảnh báo trong phạm vi của ${scope}.`,
  silenceDone: (id: number, label: string, until: string) => `Đã tạm dừng cảnh báo của ${label} đến ${until} (số ${id}). Các bản tin vẫn ghi hồ sơ và lý do tạm dừng.`,
  unsilenceMissing: 'Hãy ghi số của lần tạm dừng, xem bằng /tamdung.',
  unsilenceUnknown: (id: string) => `Không có lần tạm dừng số ${id} đang có hiệu lực trong phạm vi của nhóm.`,
  unsilenceDone: (id: number, label: string) => `Đã bỏ tạm dừng số ${id} (${label}); cảnh báo hoạt động trở lại.`,
  unsilenceExample: 'Ví dụ: /botamdung 3',

  // /canhbao
  alertsTitle: (scope: string) => `Cảnh báo đang mở · ${scope}`,
  alertsNone: 'Không có cảnh báo quá hạn nào đang mở.',
  alertLine: (code: string, level: string, state: string, since: string) => `${code} · ${level} · ${state} · từ ${since}`,
  stateOpen: 'đang mở',
  stateAcked: (until: string) => `đã nhận xử lý đến ${until}`,
  stateSilenced: (until: string) => `tạm dừng đến ${until}`,

  // /bantin
  previewNote: 'Đây là bản tin nhóm sẽ nhận nếu gửi ngay bây giờ; bot không ghi nhận gì khi xem.',
  previewNothing: 'Bây giờ không có gì để báo nên bản tin sẽ không được gửi (trừ khi nhóm đặt /lichbao báo cả khi không có).',
  noDigestRole: 'Nhóm này không có bản tin: chỉ nhóm xã, sở, tổ công tác và lãnh đạo nhận bản tin.',
};

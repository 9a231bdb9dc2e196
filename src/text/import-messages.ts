/**
 * What the hardening of imports added to the bot's wording: personal data in recognised
 * columns, the shape of dossier codes, dates that do not exist, kept rows of a failed
 * import, the command line's province, interrupted runs, and /nhatky asked in a group.
 * Vietnamese, chosen by code.
 */
import type { PersonalDataKind } from '../privacy/personal-data.js';

/** "ngày tiếp nhận" → "Ngày tiếp nhận", for labels that start a sentence. */
const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const KIND_NAME: Record<PersonalDataKind, string> = {
  phone: 'số điện thoại',
  id_number: 'số giấy tờ tùy thân',
  email: 'địa chỉ thư điện tử',
  name: 'họ tên người',
};

export const IMPORT_HARDENING_TEXT = {
  /** A free-text cell carries a citizen's data; the value is quoted masked. */
  personalData: (label: string, kinds: readonly PersonalDataKind[], masked: string) =>
    `${sentence(label)} chứa dữ liệu cá nhân (${kinds.map((k) => KIND_NAME[k]).join(', ')}): "${masked}". Dòng không được nhập; hãy xoá phần đó khỏi ô rồi nhập lại.`,
  codeShape: (max: number) =>
    `Mã hồ sơ (MaHoSo) không hợp lệ: chỉ gồm chữ cái, chữ số và các dấu . - _ (bắt đầu bằng chữ cái hoặc chữ số), tối đa ${max} ký tự.`,
  /** A date written in the right form that the calendar does not have (31/02/2025). */
  dateNotReal: (label: string, v: string) => `${sentence(label)} "${v}" không có thật trên lịch (kiểm tra lại ngày và tháng).`,
  /** A 4-digit unit code sent as a number: its leading zero was lost on the way. */
  unitCodePadded: (given: string, code: string) =>
    `Mã đơn vị ${given} được gửi dưới dạng số nên mất chữ số 0 ở đầu; đã đọc là ${code}. Hãy gửi mã đơn vị dưới dạng chuỗi ("${code}").`,
  /** What stays in the store after a failed import, and how to finish it. */
  keptRows: (rows: string, lastLine: string) =>
    `Đã ghi ${rows} dòng đầu; chạy lại cùng tệp để hoàn tất (đến dòng ${lastLine} của tệp đã được ghi trọn; chạy lại không đếm hai lần các dòng đã ghi).`,
  /** `--tinh` (or DEFAULT_PROVINCE) names no province of the store. */
  unknownProvince: (given: string, known: string) =>
    `Không có tỉnh, thành phố "${given}" trong danh sách đơn vị đã nhập (--tinh hoặc DEFAULT_PROVINCE). Hãy ghi tên hoặc mã 2 chữ số của tỉnh${known ? `, ví dụ: ${known}` : ''}.`,
  /** /nhatky asked in a group: the log went to the administrator's private chat. */
  auditSentPrivately: 'Nhật ký đã được gửi vào tin nhắn riêng của quản trị viên với bot (nhật ký có mã nhóm và người thao tác nên không hiện trong nhóm).',
  /** A run that was still "running" when its process died. */
  updateInterrupted: 'bị gián đoạn',
};

/**
 * What the bot says around questions in plain Vietnamese: how a question was read, the
 * questions back when it could mean several things, and the answers to what it cannot answer.
 */
import { formatNumber } from './format.js';

/** Two questions the bot answers, shown wherever it says what it can do. */
export const QUESTION_EXAMPLES = 'Ví dụ: "Thượng Cốc tháng 7/2025 nhận bao nhiêu hồ sơ?" hoặc "xã nào quá hạn nhiều nhất?"';

export const UNDERSTANDING_TEXT = {
  readAs: (command: string) => `Hiểu là: ${command}`,
  whichUnit: (subject: string) => `Câu hỏi nhắc đến nhiều xã, phường (${subject}). Bạn muốn xem đơn vị nào?`,
  whichNamed: (typed: string) => `Có nhiều đơn vị tên "${typed}". Bạn muốn xem đơn vị nào?`,
  whichPeriod: (subject: string) => `Câu hỏi có nhiều kỳ (${subject}). Bạn muốn xem kỳ nào?`,
  whichRanking: 'Bot xếp hạng các xã, phường theo tỷ lệ trực tuyến, tỷ lệ đúng hạn hoặc số hồ sơ quá hạn. Bạn muốn xem bảng nào?',
  didYouMean: (typed: string) => `Không tìm thấy "${typed}". Ý bạn là:`,
  noData:
    'Bot chỉ có số liệu hồ sơ thủ tục hành chính: tiếp nhận (trực tuyến, trực tiếp), giải quyết (đúng hạn, quá hạn), hồ sơ quá hạn theo xã, lĩnh vực, sở, xếp hạng các xã và tổ công tác; không có số liệu về nội dung này.',
  unclear: 'Bot chưa hiểu câu hỏi. Hãy hỏi về số liệu hồ sơ của một xã, phường, một tổ công tác, một sở hoặc cả tỉnh.',
  badPeriod: (text: string) => `Bot chưa hiểu khoảng thời gian "${text}".`,
  tooLong: (max: number) => `Tin nhắn quá dài để đọc (tối đa ${formatNumber(max)} ký tự). Hãy hỏi ngắn gọn, ví dụ "Thượng Cốc tháng 7/2025".`,
  greeting: 'Xin chào! Bạn cứ hỏi như khi nhắn trong nhóm, ví dụ "Thượng Cốc tháng này nhận bao nhiêu hồ sơ?", hoặc gõ /giup để xem các lệnh.',
  thanks: 'Không có gì ạ. Cần số liệu gì bạn cứ hỏi nhé (gõ /giup để xem các lệnh).',
};

/**
 * What the hotline for recommendations says (đường dây nóng kiến nghị): raising, routing,
 * answering, handing over, the lists, the rules, and the departments import.
 */

export const DEPARTMENT_IMPORT_TEXT = {
  badProvince: (v: string) => `Mã tỉnh "${v}" không hợp lệ; ghi mã 2 chữ số, ví dụ 25.`,
  badCode: (v: string) => `Mã sở "${v}" không hợp lệ; dùng chữ không dấu và số, tối đa 12 ký tự, ví dụ NV, KHCN.`,
  badKeyword: (v: string) => `Từ khóa "${v}" không hợp lệ (trống hoặc dài quá 100 ký tự); các từ khóa cách nhau bằng dấu chấm phẩy.`,
  badDays: (v: string) => `Hạn trả lời "${v}" không hợp lệ; ghi số ngày làm việc từ 1 đến 60, bỏ trống là 5.`,
  unknownProvince: (v: string) => `Chưa có tỉnh mã ${v} trong kho; nhập danh sách đơn vị (units) trước.`,
  rulesWritten: 'Quy tắc phân loại đã ghi',
};

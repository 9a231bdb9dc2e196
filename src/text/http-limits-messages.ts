import { formatNumber } from './format.js';

/** What the push endpoint says when a request goes past the server's limits. */
export const HTTP_LIMITS_TEXT = {
  pushTooManyRows: (max: number) =>
    `Quá nhiều hồ sơ trong một lần gửi: tối đa ${formatNumber(max)} hồ sơ. Hãy chia thành nhiều lần gửi; chưa hồ sơ nào được ghi.`,
  pushTooLarge: (maxMib: number) => `Nội dung gửi lên quá lớn: tối đa ${formatNumber(maxMib)} MiB mỗi lần. Hãy chia thành nhiều lần gửi.`,
  pushBusy: (max: number) => `Máy chủ đang xử lý ${formatNumber(max)} lần gửi khác. Hãy gửi lại sau ít giây.`,
};

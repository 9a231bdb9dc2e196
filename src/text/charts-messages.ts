/**
 * What the bot says about charts (/bieudo) and in the weekly leaders' report (/baocaotuan):
 * picture titles, captions that state every key figure in words, and the answers to bad input.
 */
import { formatNumber, formatRate } from './format.js';

/** The metrics /bieudo draws, as /giup and the bad-input answers list them. */
export const CHART_METRICS = [
  'trực tuyến: xếp hạng xã theo tỷ lệ tiếp nhận trực tuyến',
  'đúng hạn: xếp hạng xã theo tỷ lệ giải quyết đúng hạn',
  'quá hạn: xếp hạng xã theo số hồ sơ đang quá hạn',
  'xu hướng: hồ sơ tiếp nhận, đã giải quyết, quá hạn theo tuần',
  'kênh: tỷ lệ trực tuyến, trực tiếp, qua bưu chính',
];

export const CHART_EXAMPLE = 'Ví dụ: /bieudo trực tuyến tháng 7/2025 · /bieudo xu hướng Thượng Cốc · /bieudo kênh tổ 10 quý 3/2025';

/** A value of a ranked metric in words: "58,72 %" or "12 hồ sơ". */
export type ValueText = (v: number) => string;

export const CHART_TEXT = {
  unknownMetric: (what: string) => `Không hiểu chỉ số hoặc đơn vị "${what}". Các loại biểu đồ:`,
  noDataInPeriod: (unit: string, period: string) => `Không có số liệu hồ sơ của ${unit} trong kỳ ${period}, nên không vẽ biểu đồ. Hãy chọn kỳ khác. Các loại biểu đồ:`,
  communeWithoutDossiers: (unit: string) => `${unit} chưa có số liệu từng hồ sơ trong kho, nên chưa vẽ được biểu đồ. Các loại biểu đồ:`,
  reportedOnly: (province: string) =>
    `Tỉnh ${province} mới có số liệu tổng hợp đã công bố, chưa có số liệu từng hồ sơ, nên chưa vẽ được biểu đồ (xem /tongquan ${province}). Các loại biểu đồ:`,
  provinceWithoutData: (province: string) => `Tỉnh ${province} chưa có số liệu hồ sơ, nên chưa vẽ được biểu đồ. Các loại biểu đồ:`,
  rankingNeedsProvince: 'Biểu đồ xếp hạng dành cho một tỉnh hoặc một tổ công tác. Các loại biểu đồ:',
  dataDate: (when: string) => `Số liệu cập nhật: ${when}.`,
  footer: (when: string) => `Số liệu cập nhật: ${when} · Nguồn: hệ thống một cửa điện tử`,
  threshold766: 'Ngưỡng QĐ 766: 50 %',
  overdueAsOf: (when: string) => `tính đến ${when}`,

  rankingCommand: { online: '/xephang trực tuyến', on_time: '/xephang đúng hạn', overdue: '/xephang quá hạn' },
  metricInSentence: { online: 'tỷ lệ tiếp nhận trực tuyến', on_time: 'tỷ lệ giải quyết đúng hạn', overdue: 'số hồ sơ đang quá hạn' },
  overdueTotal: (n: string, asOf: string, mean: string) => `${n} hồ sơ đang quá hạn ${asOf}, trung bình ${mean} hồ sơ mỗi xã`,
  rankingTitle: { online: 'Tỷ lệ tiếp nhận trực tuyến', on_time: 'Tỷ lệ giải quyết đúng hạn', overdue: 'Hồ sơ đang quá hạn' },
  rankingSubtitle: (period: string, n: number) => `Kỳ: ${period} · ${formatNumber(n)} xã, phường`,
  averageLabel: { rate: (v: string, scope: string) => `${scope}: ${v}`, overdue: (v: string) => `Trung bình: ${v}/xã` },

  rankingCaption(o: {
    scope: string;
    scopeShort: string;
    metricTitle: string;
    period: string;
    n: number;
    total: string;
    best: [string, string] | null;
    worst: [string, string] | null;
    passing766: number | null;
    own: { name: string; rank: number; value: string } | null;
    shownPart: boolean;
    fullCommand: string;
    when: string;
    rule?: string;
  }): string {
    const parts = [`Xếp hạng ${formatNumber(o.n)} xã, phường của ${o.scope} theo ${o.metricTitle}, kỳ ${o.period}.`, `${o.scopeShort}: ${o.total}.`];
    if (o.best) parts.push(`Cao nhất: ${o.best[0]} (${o.best[1]})${o.worst ? `; thấp nhất: ${o.worst[0]} (${o.worst[1]})` : ''}.`);
    if (o.passing766 !== null) parts.push(`${formatNumber(o.passing766)}/${formatNumber(o.n)} xã, phường đạt từ 50 % trực tuyến trở lên (mức điểm tối đa theo Quyết định 766).`);
    if (o.own) parts.push(`${o.own.name} đứng thứ ${formatNumber(o.own.rank)}/${formatNumber(o.n)} (${o.own.value}).`);
    if (o.shownPart) parts.push(`Hình vẽ 10 xã cao nhất, 10 xã thấp nhất và xã của nhóm; danh sách đủ: ${o.fullCommand}.`);
    if (o.rule) parts.push(o.rule);
    parts.push(`Số liệu cập nhật: ${o.when}.`);
    return parts.join(' ');
  },

  trendTitle: (unit: string) => `Hồ sơ theo tuần · ${unit}`,
  trendOverdueTitle: (unit: string) => `Hồ sơ quá hạn theo tuần · ${unit}`,
  trendSubtitle: (period: string, weeks: number) => `Kỳ: ${period} · ${formatNumber(weeks)} tuần, từ thứ Hai`,
  trendCaption(o: {
    unit: string;
    period: string;
    weeks: number;
    received: number;
    resolved: number;
    busiest: { week: string; n: number } | null;
    overdueFirst: number;
    overdueLast: number;
    overdueMax: { week: string; n: number };
    when: string;
  }): string {
    return [
      `Hồ sơ theo tuần của ${o.unit}, kỳ ${o.period} (${formatNumber(o.weeks)} tuần, tuần bắt đầu từ thứ Hai).`,
      `Tổng tiếp nhận mới: ${formatNumber(o.received)} hồ sơ; đã giải quyết: ${formatNumber(o.resolved)}.`,
      o.busiest ? `Tuần tiếp nhận nhiều nhất: tuần từ ${o.busiest.week} (${formatNumber(o.busiest.n)} hồ sơ).` : '',
      `Đang quá hạn cuối tuần đầu: ${formatNumber(o.overdueFirst)}; tuần gần nhất: ${formatNumber(o.overdueLast)}; cao nhất: ${formatNumber(o.overdueMax.n)} (tuần từ ${o.overdueMax.week}).`,
      `Số liệu cập nhật: ${o.when}.`,
    ]
      .filter(Boolean)
      .join(' ');
  },

  channelTitle: (unit: string) => `Kênh tiếp nhận hồ sơ · ${unit}`,
  channelSubtitle: (period: string) => `Kỳ: ${period} · gồm hồ sơ kỳ trước chuyển sang`,
  channelCaption(o: { unit: string; period: string; online: number; direct: number; postal: number; total: number; when: string }): string {
    return [
      `Kênh tiếp nhận hồ sơ của ${o.unit}, kỳ ${o.period}: tổng ${formatNumber(o.total)} hồ sơ (gồm hồ sơ kỳ trước chuyển sang).`,
      `Trực tuyến: ${formatNumber(o.online)} (${formatRate(o.online, o.total)}); trực tiếp: ${formatNumber(o.direct)} (${formatRate(o.direct, o.total)}); qua bưu chính: ${formatNumber(o.postal)} (${formatRate(o.postal, o.total)}).`,
      `Số liệu cập nhật: ${o.when}.`,
    ].join(' ');
  },
  /** A picture in the console: the file it was written to, then its caption. */
  consoleImage: (path: string, caption: string) => `[Biểu đồ: ${path}]\n${caption}`,
};

/** The weekly leaders' report (báo cáo tuần). */
export const WEEKLY_TEXT = {
  title: (unit: string) => `Báo cáo tuần · ${unit}`,
  weeks: (last: string, before: string) => `Tuần trước (${last}) so với tuần trước nữa (${before}).`,
  received: 'Tiếp nhận mới',
  onlineRate: 'Tỷ lệ trực tuyến',
  onTimeRate: 'Tỷ lệ giải quyết đúng hạn',
  overdueNow: 'Đang quá hạn hiện nay',
  compared: (now: string, before: string, change: string) => `${now} (trước: ${before}${change ? `; ${change}` : ''})`,
  overdueCompared: (now: string, weekAgo: string) => `${now} (cách đây 1 tuần: ${weekAgo})`,
  more: (n: string) => `tăng ${n}`,
  less: (n: string) => `giảm ${n}`,
  best: (n: number) => `${n} xã, phường trực tuyến cao nhất tuần trước:`,
  worst: (n: number) => `${n} xã, phường trực tuyến thấp nhất tuần trước:`,
  escalated: 'Việc đã chuyển lên lãnh đạo trong tuần:',
  nothingEscalated: 'Không có việc nào được chuyển lên lãnh đạo trong tuần.',
  noData: (unit: string) => `Tuần trước chưa có số liệu hồ sơ của ${unit}.`,
  rankingPrompt: 'Xem thêm xếp hạng các xã, phường tuần trước:',
  rankingChoice: 'Biểu đồ xếp hạng trực tuyến tuần trước',
  notLeaders: 'Báo cáo tuần dành cho nhóm lãnh đạo tỉnh và nhóm tổ công tác. Hãy ghi tỉnh hoặc tổ.',
  example: 'Ví dụ: /baocaotuan · /baocaotuan tổ 10 · /baocaotuan Phú Thọ',
};

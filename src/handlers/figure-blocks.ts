import type { Block, Field } from '../core/reply.js';
import type { PeriodFigures } from '../data/figures.js';
import type { ReportedFigureView } from '../data/reported.js';
import { onTimeRate, onTimeRate766 } from '../reports/ranking.js';
import { DUE_SOON_WORKING_DAYS, type Backlog, type Moment } from '../reports/moment.js';
import { formatDate, formatIsoDate, formatNumber, formatPercent, formatRate } from '../text/format.js';

/**
 * The labelled dossier figures shared by /xa, /tongquan and /to: received by channel,
 * resolved by punctuality, in progress (within deadline, overdue, paused, due soon),
 * returned or withdrawn.
 */
export function figureFields(f: PeriodFigures, backlog: Backlog, moment: Moment): Field[] {
  const { overdue, paused, dueSoon } = backlog;
  const rows: Field[] = [
    { label: 'Tiếp nhận', value: `${formatNumber(f.received.total)} hồ sơ` },
    { label: 'Trực tuyến', value: `${formatNumber(f.received.online)} (${formatRate(f.received.online, f.received.total)})`, indent: 1 },
    { label: 'Trực tiếp', value: formatNumber(f.received.direct), indent: 1 },
  ];
  if (f.received.postal > 0) rows.push({ label: 'Qua bưu chính', value: formatNumber(f.received.postal), indent: 1 });
  if (f.carriedOver.total > 0)
    rows.push({ label: 'Trong đó kỳ trước chuyển sang', value: formatNumber(f.carriedOver.total), indent: 1 });

  const onTime = onTimeRate(f);
  rows.push(
    { label: 'Đã giải quyết', value: formatNumber(f.resolved.total) },
    { label: 'Trước hạn', value: formatNumber(f.resolved.early), indent: 1 },
    { label: 'Đúng hạn', value: formatNumber(f.resolved.onTime), indent: 1 },
    { label: 'Quá hạn', value: formatNumber(f.resolved.late), indent: 1 },
    { label: 'Tỷ lệ đúng hạn', value: onTime === null ? '—' : formatPercent(onTime), indent: 1 },
  );
  const r766 = onTimeRate766(f);
  if (r766 !== null && onTime !== null && Math.abs(r766 - onTime) >= 0.00005)
    rows.push({ label: 'Theo cách tính Chỉ số 766', value: formatPercent(r766), indent: 1 });

  const within = f.inProgress - overdue - (paused ?? 0);
  const when = moment.live ? 'hiện nay' : `đến hết ${formatDate(moment.at)}`;
  rows.push(
    { label: `Đang giải quyết (${when})`, value: formatNumber(f.inProgress) },
    { label: 'Trong hạn', value: formatNumber(Math.max(0, within)), indent: 1 },
    { label: 'Quá hạn', value: formatNumber(overdue), indent: 1 },
  );
  if (paused !== null) rows.push({ label: 'Tạm dừng', value: formatNumber(paused), indent: 1 });
  if (dueSoon !== null)
    rows.push({ label: `Sắp đến hạn (trong ${DUE_SOON_WORKING_DAYS} ngày làm việc)`, value: formatNumber(dueSoon), indent: 1 });
  rows.push({ label: 'Trả lại / công dân rút', value: `${formatNumber(f.refused)} / ${formatNumber(f.withdrawn)}` });
  return rows;
}

const METRIC_LABEL: Record<string, string> = {
  unit_count: 'Số xã, phường',
  received: 'Tiếp nhận',
  received_online: 'Trực tuyến',
  received_direct: 'Trực tiếp',
  received_postal: 'Qua bưu chính',
  resolved: 'Đã giải quyết',
  resolved_early: 'Trước hạn',
  resolved_on_time: 'Đúng hạn',
  resolved_late: 'Quá hạn',
  in_progress: 'Đang giải quyết',
  overdue: 'Đang giải quyết quá hạn',
  visits: 'Lượt người dân đến giao dịch',
};

/** Report metrics in display order; unknown metrics follow in name order. */
const METRIC_ORDER = Object.keys(METRIC_LABEL);
const SUB_METRICS = new Set(['received_online', 'received_direct', 'received_postal', 'resolved_early', 'resolved_on_time', 'resolved_late']);

function qualified(value: number, qualifier: string): string {
  const n = formatNumber(value);
  return qualifier === 'over' ? `trên ${n}` : qualifier === 'about' ? `khoảng ${n}` : n;
}

/** Figures as a report published them, with the rate derived where the parts are known. */
export function reportedFields(rows: ReportedFigureView[]): Field[] {
  const sorted = [...rows].sort(
    (a, b) => (METRIC_ORDER.indexOf(a.metric) + 1 || 99) - (METRIC_ORDER.indexOf(b.metric) + 1 || 99) || a.metric.localeCompare(b.metric),
  );
  const byMetric = new Map(rows.map((r) => [r.metric, r.value]));
  const out: Field[] = [];
  for (const r of sorted) {
    let value = qualified(r.value, r.qualifier);
    const received = byMetric.get('received');
    const resolved = byMetric.get('resolved');
    if (r.metric === 'received_online' && received) value += ` (${formatRate(r.value, received)})`;
    if (r.metric === 'resolved_on_time' && resolved) value += ` (${formatRate(r.value, resolved)})`;
    out.push({ label: METRIC_LABEL[r.metric] ?? r.metric, value, indent: SUB_METRICS.has(r.metric) ? 1 : 0 });
  }
  return out;
}

/** "Nguồn: … (15/08/2025)". */
export function sourceNote(r: { source: string; sourceDate: string }): Block {
  return { kind: 'note', text: `Nguồn: ${r.source} (công bố ${formatIsoDate(r.sourceDate)}).` };
}

/** "từ 01/07/2025 đến 13/08/2025" for a report period in ISO dates. */
export function isoPeriodLabel(from: string, to: string): string {
  return `từ ${formatIsoDate(from)} đến ${formatIsoDate(to)}`;
}

import type { Field } from '../core/reply.js';
import type { IndicatorView } from '../data/reported.js';
import { formatNumber, formatPercentValue } from '../text/format.js';
import { isoPeriodLabel } from './figure-blocks.js';

/** One labelled line per indicator, naming its period when it differs from the one asked for. */
export function indicatorFields(rows: IndicatorView[], periodFrom: string, periodTo: string): Field[] {
  return rows.map((r) => {
    const when = r.periodFrom === periodFrom && r.periodTo === periodTo ? '' : ` (${isoPeriodLabel(r.periodFrom, r.periodTo)})`;
    switch (r.kind) {
      case 'online_rate_rank':
        return {
          label: 'Xếp hạng tỷ lệ nộp hồ sơ trực tuyến',
          value: `${r.rank ?? '—'}/${r.rankOf ?? '—'} tỉnh, thành phố${r.value !== null ? ` (gần ${formatPercentValue(r.value)})` : ''}${when}`,
        };
      case 'procedures_published':
        return { label: 'Thủ tục hành chính đã công bố', value: `${formatNumber(r.value ?? 0)}${when}` };
      case 'disbursement_rate':
        return { label: 'Giải ngân vốn đầu tư công', value: `${r.value === null ? '—' : formatPercentValue(r.value)}${when}` };
      default:
        return { label: r.kind, value: `${r.value ?? ''}${r.rank ? ` (hạng ${r.rank}/${r.rankOf ?? '—'})` : ''}${when}` };
    }
  });
}

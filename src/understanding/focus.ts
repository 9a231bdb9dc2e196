/**
 * The one figure a question asks for ("bao nhiêu hồ sơ trực tuyến", "tỷ lệ đúng hạn"), as
 * labels of the command's reply, so the answer's first sentence quotes the reply itself and
 * can never disagree with it.
 */
import type { Block, Reply } from '../core/reply.js';
import type { Cue, MetricCue } from './lexicon.js';

/** One figure to quote: the field's label, optionally the first such label after another. */
interface FieldRef {
  label: string | RegExp;
  after?: RegExp;
  /** How the figure is named in the sentence; empty: by the field's own label. */
  name: string;
}

export type Focus = MetricCue | 'on_time_rate' | 'online_rate' | 'rank' | 'recommendations';

/** In a ranking, the end asked for: "thấp nhất" (the last) or "cao nhất" (the first). */
export type RankingEnd = 'lowest' | 'highest';

const FIELDS: Readonly<Record<Focus, FieldRef[]>> = {
  received: [{ label: 'Tiếp nhận', name: 'tiếp nhận' }],
  online: [{ label: 'Trực tuyến', name: 'tiếp nhận trực tuyến' }],
  online_rate: [{ label: 'Trực tuyến', name: 'tiếp nhận trực tuyến' }],
  direct: [{ label: 'Trực tiếp', name: 'tiếp nhận trực tiếp' }],
  resolved: [{ label: 'Đã giải quyết', name: 'đã giải quyết' }],
  on_time: [{ label: 'Tỷ lệ đúng hạn', name: 'tỷ lệ giải quyết đúng hạn' }],
  on_time_rate: [{ label: 'Tỷ lệ đúng hạn', name: 'tỷ lệ giải quyết đúng hạn' }],
  late: [
    { label: 'Quá hạn', after: /^Đã giải quyết/, name: 'giải quyết quá hạn' },
    { label: 'Quá hạn', after: /^Đang giải quyết/, name: 'đang giải quyết quá hạn' },
  ],
  in_progress: [{ label: /^Đang giải quyết/, name: 'đang giải quyết' }],
  paused: [{ label: 'Tạm dừng', name: 'tạm dừng' }],
  due_soon: [{ label: /^Sắp đến hạn/, name: 'sắp đến hạn' }],
  returned: [{ label: 'Trả lại / công dân rút', name: 'trả lại / công dân rút' }],
  // "Xếp hạng trong tỉnh" of a commune, "Xếp hạng tỷ lệ nộp hồ sơ trực tuyến" of a province.
  rank: [{ label: /^Xếp hạng/, name: '' }],
  recommendations: [{ label: 'Kiến nghị chưa được trả lời', name: 'kiến nghị chưa được trả lời' }],
};

/**
 * Which figures the cues ask for, at most two: a rate or a rank first, then the most specific
 * count ("nhận bao nhiêu hồ sơ và tỷ lệ đúng hạn" → the on-time rate and the received count).
 */
export function focusOf(cues: ReadonlySet<Cue>): Focus[] {
  const out: Focus[] = [];
  if (cues.has('rate') && cues.has('on_time')) out.push('on_time_rate');
  else if (cues.has('rate') && cues.has('online')) out.push('online_rate');
  if (cues.has('rank') || cues.has('low_first') || cues.has('high_first') || cues.has('position')) out.push('rank');
  if (cues.has('recommendation')) out.push('recommendations');
  const order: MetricCue[] = ['due_soon', 'paused', 'returned', 'late', 'in_progress', 'on_time', 'online', 'direct', 'resolved', 'received'];
  const covered = (c: MetricCue) => (c === 'on_time' && out.includes('on_time_rate')) || (c === 'online' && out.includes('online_rate'));
  const count = order.find((c) => cues.has(c) && !covered(c));
  if (count) out.push(count);
  return out.slice(0, 2);
}

function fieldOf(blocks: readonly Block[], ref: FieldRef): { label: string; value: string } | undefined {
  const rows = blocks.flatMap((b) => (b.kind === 'fields' ? b.rows : []));
  const matches = (l: string) => (typeof ref.label === 'string' ? l === ref.label : ref.label.test(l));
  const from = ref.after ? rows.findIndex((r) => ref.after!.test(r.label)) : 0;
  if (from < 0) return undefined;
  return rows.slice(from).find((r) => matches(r.label));
}

/** Which end of a ranking the cues ask for, if one. */
export function rankingEndOf(cues: ReadonlySet<Cue>): RankingEnd | undefined {
  if (cues.has('low_first')) return 'lowest';
  return cues.has('high_first') ? 'highest' : undefined;
}

/**
 * "Thấp nhất: 9. Xã Yên Phú: 60,5 % (…)." from a ranking's own list, when the whole ranking
 * is in the reply (one page); null otherwise.
 */
export function rankingSentence(reply: Reply, end: RankingEnd): string | null {
  if (reply.status !== 'ok' || (reply.pagination && reply.pagination.pageCount > 1)) return null;
  const list = reply.blocks.find((b) => b.kind === 'list' && b.numbered);
  if (!list || list.kind !== 'list' || list.items.length < 2) return null;
  const item = end === 'lowest' ? list.items.at(-1)! : list.items[0]!;
  return `${end === 'lowest' ? 'Thấp nhất' : 'Cao nhất'}: ${item}.`;
}

/**
 * The sentence that answers the one figure asked, from the reply's own blocks: "Xã Thượng
 * Cốc (Phú Thọ), tháng 7/2025: tiếp nhận trực tuyến 229 (58,72 %)." Null when the reply
 * does not hold that figure (an error, a list, a command without it).
 */
export function focusSentence(reply: Reply, focus: readonly Focus[]): string | null {
  if (reply.status !== 'ok') return null;
  const parts = focus
    .flatMap((f) => FIELDS[f])
    .map((ref) => {
      const field = fieldOf(reply.blocks, ref);
      if (!field) return null;
      const name = ref.name || field.label.charAt(0).toLowerCase() + field.label.slice(1);
      return `${name} ${field.value}`;
    })
    .filter((x): x is string => x !== null);
  if (parts.length === 0) return null;
  const title = reply.blocks.find((b) => b.kind === 'title');
  const subject = title && title.kind === 'title' ? title.text.replace(/ · .*$/, '') : '';
  const period = reply.blocks.find((b) => b.kind === 'text' && b.text.startsWith('Kỳ: '));
  const when = period && period.kind === 'text' ? period.text.slice(4) : '';
  const head = [subject, when].filter(Boolean).join(', ');
  return `${head ? `${head}: ` : ''}${parts.join('; ')}.`;
}

import type { Block, Reply } from '../core/reply.js';
import { unitPhrase, type Directory } from '../data/directory.js';
import { formatDate } from '../text/format.js';
import { HOTLINE_TEXT as H } from '../text/hotline-messages.js';
import type { RecommendationItem } from './items.js';

/** "xã Thượng Cốc", or several: "xã Thượng Cốc, xã Yên Phú"; the province when none. */
export function communesLabel(item: Pick<RecommendationItem, 'communeIds' | 'provinceId'>, dir: Directory): string {
  const names = item.communeIds.map((id) => dir.communes.get(id)).filter((c) => c !== undefined).map((c) => unitPhrase(c));
  if (names.length === 0) return `tỉnh ${dir.provinces.get(item.provinceId)?.name ?? ''}`.trim();
  return names.length > 3 ? `${names.slice(0, 3).join(', ')} và ${names.length - 3} xã khác` : names.join(', ');
}

/** The department's name ("Sở Tài chính"), or "—" for none. */
export function departmentName(dir: Directory, id: number | null): string {
  return id === null ? H.noChat : (dir.departments.get(id)?.name ?? `sở #${id}`);
}

/** "09/12/2026": the due day. */
export function dueText(item: Pick<RecommendationItem, 'dueAt'>): string {
  return item.dueAt ? formatDate(item.dueAt) : H.noChat;
}

/** What a department's chat receives when an item reaches it (raised, chosen, handed over, reopened). */
export function departmentCard(item: RecommendationItem, dir: Directory, extra: string[] = []): Reply {
  const blocks: Block[] = [
    { kind: 'title', text: H.cardTitle(item.code, communesLabel(item, dir)) },
    { kind: 'text', text: item.content },
    ...extra.map((text): Block => ({ kind: 'text', text })),
    {
      kind: 'fields',
      rows: [
        ...(item.field ? [{ label: H.field, value: item.field }] : []),
        ...(item.senderName ? [{ label: H.sender, value: item.senderName }] : []),
        { label: H.deadline, value: dueText(item) },
      ],
    },
    { kind: 'note', text: H.cardHow(item.code) },
  ];
  return { status: 'ok', blocks };
}

/** What the commune's chat receives with the department's answer; a button (or "1") closes it. */
export function answerNotice(item: RecommendationItem, dir: Directory, answer: string): Reply {
  return {
    status: 'ok',
    blocks: [
      { kind: 'title', text: H.answerTitle(item.code, departmentName(dir, item.departmentId)) },
      { kind: 'text', text: answer },
      { kind: 'fields', rows: [{ label: 'Kiến nghị', value: item.content.length > 160 ? `${item.content.slice(0, 157)}…` : item.content }] },
      { kind: 'note', text: H.answerHow(item.code) },
    ],
    choices: { prompt: H.solvedPrompt, options: [{ label: H.solved, command: `/xong ${item.code}` }] },
  };
}

/** What the commune's chat receives when the department asks back. */
export function askedNotice(item: RecommendationItem, dir: Directory, question: string): Reply {
  return {
    status: 'ok',
    blocks: [
      { kind: 'title', text: H.askedTitle(item.code, departmentName(dir, item.departmentId)) },
      { kind: 'text', text: question },
      { kind: 'note', text: H.askedHow(item.code) },
    ],
  };
}

/** A one-paragraph message (handed over, closed). */
export function textNotice(text: string): Reply {
  return { status: 'ok', blocks: [{ kind: 'text', text }] };
}

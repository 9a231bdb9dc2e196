import type { Block, Reply } from '../../core/reply.js';

/** Options of the plain-text rendering. */
export interface PlainOptions {
  /** Numbered options instead of buttons (no buttons on this platform). */
  numberedChoices: boolean;
}

function blockText(b: Block): string {
  switch (b.kind) {
    case 'title':
      return b.text;
    case 'text':
      return b.text;
    case 'note':
      return b.text;
    case 'fields':
      return b.rows.map((r) => `${r.indent ? '  • ' : ''}${r.label}: ${r.value}`).join('\n');
    case 'list':
      return [...(b.heading ? [b.heading] : []), ...b.items.map((i) => (b.numbered ? i : `• ${i}`))].join('\n');
  }
}

/**
 * Renders a reply as plain text (the console, Zalo): blocks separated by blank lines,
 * choices as a numbered list, pagination as a line saying how to reach the other pages.
 */
export function renderPlain(reply: Reply, opts: PlainOptions = { numberedChoices: true }): string {
  const parts = reply.blocks.map(blockText).filter((t) => t !== '');
  if (reply.choices && opts.numberedChoices) {
    parts.push([...reply.choices.options.map((o, i) => `${i + 1}. ${o.label}`), reply.choices.prompt].join('\n'));
  }
  if (reply.pagination && reply.pagination.pageCount > 1) parts.push(pageHint(reply.pagination.page, reply.pagination.pageCount, reply.pagination.command));
  return parts.join('\n\n');
}

/** "Trang 1/3 · gửi /quahan 2 để xem trang 2". */
export function pageHint(page: number, pageCount: number, command: string): string {
  const next = page < pageCount ? page + 1 : page - 1;
  return `Trang ${page}/${pageCount} · gửi ${command} ${next} để xem trang ${next}`;
}

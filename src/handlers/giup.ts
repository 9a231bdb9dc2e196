import type { AppContext } from '../core/context.js';
import type { Block, Reply } from '../core/reply.js';
import { reply, userError } from '../core/reply.js';
import type { CommandRequest } from '../core/request.js';
import type { CommandSpec } from '../core/router.js';
import { foldKey } from '../names/keys.js';
import { TEXT } from '../text/messages.js';

/** The command a word names (its name or an alias, with or without diacritics and "/"). */
function commandNamed(all: readonly CommandSpec[], word: string): CommandSpec | undefined {
  const key = foldKey(word.replace(/^\//, ''));
  return all.find((c) => foldKey(c.name) === key || c.aliases.some((a) => foldKey(a) === key));
}

/** /giup <lệnh>: how to write one command, every example, its other names. */
function commandHelp(c: CommandSpec): Reply {
  const blocks: Block[] = [
    { kind: 'title', text: `/${c.name}: ${c.summary}` },
    { kind: 'fields', rows: [{ label: 'Cách viết', value: c.usage }] },
  ];
  if (c.examples.length > 0) blocks.push({ kind: 'list', heading: 'Ví dụ:', items: [...c.examples] });
  if (c.aliases.length > 0) blocks.push({ kind: 'text', text: `Viết cách khác: ${c.aliases.map((a) => `/${a}`).join(', ')}` });
  return reply(blocks);
}

/**
 * /giup (also /help, /start): what the bot does and its commands, one line each, within one
 * message on every platform (Zalo's 2,000 characters); how to write a period and a commune,
 * and the on-time rule. `/giup <lệnh>` shows one command with all its examples.
 */
export function helpHandler(commands: () => readonly CommandSpec[]) {
  return async (req: CommandRequest, _ctx: AppContext): Promise<Reply> => {
    const all = commands();
    const asked = req.args.trim();
    if (asked !== '') {
      const c = commandNamed(all, asked.split(/\s+/)[0]!);
      if (c && (c.access !== 'admin' || req.access.isAdmin)) return commandHelp(c);
      const unknown = userError(TEXT.unknownCommand(asked.replace(/^\//, '')));
      return { ...unknown, blocks: [...unknown.blocks, { kind: 'text', text: TEXT.helpForOne }] };
    }
    const listed = all.filter((c) => c.listed !== false);
    const blocks: Block[] = [
      { kind: 'title', text: 'Trợ lý số liệu chính quyền địa phương 2 cấp' },
      {
        kind: 'text',
        text: 'Số liệu hồ sơ thủ tục hành chính của xã, phường; hồ sơ quá hạn và cảnh báo; kiến nghị của cơ sở; tổng hợp, xếp hạng, biểu đồ toàn tỉnh.',
      },
      { kind: 'list', heading: 'Các lệnh:', items: listed.map((c) => `${c.usage}: ${c.summary}`) },
      { kind: 'text', text: TEXT.helpForOne },
      { kind: 'text', text: 'Kỳ: hôm nay, tuần này, tháng 7/2025, quý 3, năm 2025, 30 ngày, từ 1/7/2025 đến 28/7/2025; không ghi kỳ thì tính từ 01/07/2025. Tên xã có dấu hay không dấu, tên cũ hoặc mã 5 chữ số đều được.' },
      { kind: 'note', text: TEXT.onTimeRule },
    ];
    const others = all.filter((c) => c.listed === false && c.access !== 'admin');
    if (others.length > 0) blocks.splice(3, 0, { kind: 'text', text: `Lệnh khác: ${others.map((c) => `/${c.name}`).join(', ')}` });
    if (req.access.isAdmin) {
      const admin = all.filter((c) => c.access === 'admin');
      blocks.splice(3, 0, { kind: 'text', text: `Lệnh quản trị: ${admin.map((c) => `/${c.name}`).join(', ')}` });
    }
    if (req.access.role === null && !req.access.isAdmin) blocks.push({ kind: 'text', text: TEXT.registerHint });
    return reply(blocks);
  };
}

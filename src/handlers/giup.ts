import type { AppContext } from '../core/context.js';
import type { Block, Reply } from '../core/reply.js';
import { reply } from '../core/reply.js';
import type { CommandRequest } from '../core/request.js';
import type { CommandSpec } from '../core/router.js';
import { TEXT } from '../text/messages.js';

/**
 * /giup (also /help, /start): what the bot does, each command with an example, how to
 * write a period and a commune, and which on-time rule the figures use.
 */
export function helpHandler(commands: () => readonly CommandSpec[]) {
  return async (req: CommandRequest, _ctx: AppContext): Promise<Reply> => {
    const all = commands();
    const listed = all.filter((c) => c.listed !== false);
    const blocks: Block[] = [
      { kind: 'title', text: 'Trợ lý số liệu chính quyền địa phương 2 cấp' },
      {
        kind: 'text',
        text: 'Tra cứu số liệu hồ sơ thủ tục hành chính của xã, phường; hồ sơ quá hạn; tổng hợp và xếp hạng toàn tỉnh.',
      },
      {
        kind: 'list',
        heading: 'Các lệnh:',
        items: listed.map((c) => `${c.usage}: ${c.summary}${c.examples[0] ? `\n  Ví dụ: ${c.examples[0]}` : ''}`),
      },
      {
        kind: 'text',
        text: 'Kỳ báo cáo viết như: hôm nay, tuần này, tháng 7/2025, quý 3, năm 2025, 30 ngày, từ 1/7/2025 đến 28/7/2025. Không ghi kỳ thì tính từ 01/07/2025 đến nay.',
      },
      {
        kind: 'text',
        text: 'Tên xã, phường viết có dấu hay không dấu đều được; dùng được tên cũ trước sắp xếp hoặc mã 5 chữ số.',
      },
      { kind: 'note', text: TEXT.onTimeRule },
    ];
    if (req.access.isAdmin) {
      const admin = all.filter((c) => c.listed === false && c.access === 'admin');
      blocks.splice(3, 0, { kind: 'list', heading: 'Lệnh quản trị:', items: admin.map((c) => `${c.usage}: ${c.summary}`) });
    }
    if (req.access.role === null && !req.access.isAdmin) blocks.push({ kind: 'text', text: TEXT.registerHint });
    return reply(blocks);
  };
}

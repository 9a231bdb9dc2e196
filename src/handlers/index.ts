import type { CommandSpec } from '../core/router.js';
import { helpHandler } from './giup.js';
import { quahanHandler } from './quahan.js';
import { toHandler } from './to.js';
import { tongquanHandler } from './tongquan.js';
import { xephangHandler } from './xephang.js';
import { xaHandler } from './xa.js';

/** Every command of the bot, in the order /giup lists them. */
export const COMMANDS: CommandSpec[] = [
  {
    name: 'xa',
    aliases: ['xã', 'phuong', 'phường', 'donvi'],
    summary: 'số liệu hồ sơ của một xã, phường',
    usage: '/xa <tên hoặc mã xã> [kỳ]',
    examples: ['/xa Thượng Cốc tháng 7/2025', '/xa 05293', '/xa Văn Sơn'],
    handler: xaHandler,
  },
  {
    name: 'quahan',
    aliases: ['quá hạn', 'qh', 'quahan'],
    summary: 'hồ sơ đang giải quyết đã quá hạn, theo xã và lĩnh vực',
    usage: '/quahan [xã | lĩnh vực | sở]',
    examples: ['/quahan Yên Phú', '/quahan đất đai', '/quahan Sở Tư pháp'],
    handler: quahanHandler,
  },
  {
    name: 'tongquan',
    aliases: ['tổng quan', 'tq', 'tinh', 'tỉnh', 'tonghop'],
    summary: 'tổng hợp số liệu toàn tỉnh, xã tốt nhất và kém nhất',
    usage: '/tongquan [tỉnh] [kỳ]',
    examples: ['/tongquan tháng này', '/tongquan Hưng Yên từ 1/7/2025 đến 13/8/2025'],
    handler: tongquanHandler,
  },
  {
    name: 'xephang',
    aliases: ['xếp hạng', 'xh', 'bxh'],
    summary: 'xếp hạng xã, phường theo tỷ lệ trực tuyến, đúng hạn hoặc số hồ sơ quá hạn',
    usage: '/xephang [trực tuyến | đúng hạn | quá hạn] [kỳ]',
    examples: ['/xephang đúng hạn tháng 7/2025', '/xephang quá hạn'],
    handler: xephangHandler,
  },
  {
    name: 'to',
    aliases: ['tổ', 'totac', 'tocongtac'],
    summary: 'số liệu các xã của một tổ công tác',
    usage: '/to <số tổ> [kỳ]',
    examples: ['/to 7 từ 1/7/2025 đến 25/12/2025', '/to 10'],
    handler: toHandler,
  },
  {
    name: 'giup',
    aliases: ['help', 'start', 'giúp', 'trogiup', 'huongdan'],
    summary: 'hướng dẫn sử dụng',
    usage: '/giup',
    examples: [],
    handler: helpHandler(() => COMMANDS),
  },
];

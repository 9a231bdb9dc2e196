import type { CommandSpec } from '../core/router.js';
import { helpHandler } from './giup.js';
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
    name: 'giup',
    aliases: ['help', 'start', 'giúp', 'trogiup', 'huongdan'],
    summary: 'hướng dẫn sử dụng',
    usage: '/giup',
    examples: [],
    handler: helpHandler(() => COMMANDS),
  },
];

import type { BotCommand } from 'grammy/types';
import type { CommandSpec } from '../../core/router.js';
import type { Logger } from '../../log.js';

/** Telegram's rules for the command menu. */
const NAME = /^[a-z0-9_]{1,32}$/;
const MAX_DESCRIPTION = 256;

/**
 * The command menu Telegram shows when "/" is typed: every listed command of the router
 * with its Vietnamese summary ("Số liệu hồ sơ của một xã, phường"). A command whose name
 * or summary breaks Telegram's rules is left out with a warning rather than failing all.
 */
export function commandMenu(commands: readonly CommandSpec[], log: Logger): BotCommand[] {
  const menu: BotCommand[] = [];
  for (const c of commands) {
    if (c.listed === false) continue;
    const description = c.summary.charAt(0).toLocaleUpperCase('vi-VN') + c.summary.slice(1);
    if (!NAME.test(c.name) || description.length === 0 || description.length > MAX_DESCRIPTION) {
      log.warn('command left out of the Telegram menu', { command: c.name });
      continue;
    }
    menu.push({ command: c.name, description });
  }
  return menu;
}

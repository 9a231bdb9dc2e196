import type { ActAs } from '../../access/access.js';
import { parseRole } from '../../access/roles.js';
import type { AppContext } from '../../core/context.js';
import { isReply } from '../../core/reply.js';
import { foldKey } from '../../names/keys.js';
import { resolveRoleUnit } from '../../handlers/role-unit.js';
import { plainText } from '../../channel/render/lines.js';
import { UsageError, type ConsoleArgs } from './args.js';
import { DEFAULT_CONSOLE_IDENTITY, type ConsoleIdentity } from './platform.js';

const AS_EXAMPLES = 'Ví dụ: --as "xa Thượng Cốc", --as "so Tư pháp", --as "to 10", --as lanhdao, --as quantri, --as khach';

/**
 * The chat and user the console acts as. `--chat <id>` acts in that console chat (with
 * whatever role an administrator bound to it); `--as <role>` acts with a role directly:
 * "xa <tên>", "so <tên>", "to <số>", "lanhdao [tỉnh]", "quantri", or "khach" (unregistered).
 */
export async function consoleIdentity(ctx: AppContext, args: Pick<ConsoleArgs, 'chatId' | 'as'>): Promise<ConsoleIdentity> {
  const base: ConsoleIdentity = args.chatId
    ? { chat: { platform: 'console', id: args.chatId, kind: 'group', title: `Nhóm ${args.chatId}` }, user: DEFAULT_CONSOLE_IDENTITY.user }
    : DEFAULT_CONSOLE_IDENTITY;
  if (!args.as) return base;
  return { ...base, actAs: await parseActAs(ctx, args.as) };
}

async function parseActAs(ctx: AppContext, text: string): Promise<ActAs> {
  const t = text.replace(':', ' ').trim();
  const key = foldKey(t);
  if (['khach', 'chua dang ky', 'chuadangky', 'none'].includes(key)) return { role: null, unitId: null, isAdmin: false };
  const parsed = parseRole(t);
  if (!parsed) throw new UsageError(`Không hiểu vai trò "${text}" sau --as.\n${AS_EXAMPLES}`);
  if (parsed.role === 'admin') return { role: 'admin', unitId: null, isAdmin: true };
  const unit = await resolveRoleUnit(ctx, parsed.role, parsed.rest, (u) => `--as "${parsed.role} ${u}"`, AS_EXAMPLES);
  if (isReply(unit)) throw new UsageError(`${plainText(unit)}\n${AS_EXAMPLES}`);
  return { role: parsed.role, unitId: unit.unitId, isAdmin: false };
}

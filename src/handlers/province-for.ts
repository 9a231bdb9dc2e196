import type { Access } from '../access/access.js';
import { provinceOfAccess } from '../access/permissions.js';
import type { AppContext } from '../core/context.js';
import type { Reply } from '../core/reply.js';
import { userError } from '../core/reply.js';
import type { ProvinceInfo } from '../data/directory.js';
import { provincesWithDossiers } from '../data/figures.js';
import { TEXT } from '../text/messages.js';
import { preferredProvince } from './common.js';

/**
 * The province a command is about: the one named, else the chat's own (its role's unit),
 * else the deployment's province, else the only province with dossier data. Otherwise a
 * reply asking which.
 */
export async function provinceFor(
  ctx: AppContext,
  subject: string,
  example: string,
  commandFor: (p: ProvinceInfo) => string,
  access?: Access,
): Promise<ProvinceInfo | Reply> {
  const dir = await ctx.directory.get();
  if (subject) return dir.findProvince(subject) ?? userError(TEXT.provinceNotFound(subject), example);
  const own = access ? provinceOfAccess(access, dir) : null;
  if (own !== null && dir.provinces.has(own)) return dir.provinces.get(own)!;
  const preferred = await preferredProvince(ctx);
  if (preferred) return preferred;
  const withData = await provincesWithDossiers(ctx.store);
  if (withData.length === 1) return dir.provinces.get(withData[0]!)!;
  const options = (withData.length ? withData.map((id) => dir.provinces.get(id)!) : [...dir.provinces.values()]).slice(0, 10);
  if (options.length === 0) return userError(TEXT.storeEmpty);
  return {
    status: 'user_error',
    blocks: [{ kind: 'text', text: TEXT.provinceNeeded }],
    choices: { prompt: TEXT.pickNumber(options.length), options: options.map((p) => ({ label: p.name, command: commandFor(p) })) },
  };
}

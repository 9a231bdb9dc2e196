import type { AppContext } from '../core/context.js';
import type { Block, Reply } from '../core/reply.js';
import { reply } from '../core/reply.js';
import type { CommandRequest } from '../core/request.js';
import { latestImports, type ImportRunView } from '../data/imports.js';
import { maskPersonalData } from '../privacy/personal-data.js';
import { formatDateTime, formatNumber } from '../text/format.js';
import { IMPORT_HARDENING_TEXT as H } from '../text/import-messages.js';
import { IMPORT_TEXT as T } from '../text/messages.js';
import { freshnessBlocks } from './common.js';

/** How many loads /capnhat lists. */
const UPDATES_SHOWN = 8;

const STATUS_LABEL: Record<string, string> = { failed: T.updateFailed, running: T.updateRunning, interrupted: H.updateInterrupted };

/**
 * "28/07/2025 09:15 · hồ sơ: thêm 1.200, cập nhật 35, không đổi 0, từ chối 2", with the
 * source ("· ho-so-thang-7.csv") when `withSource`. An interrupted run is dated by its start
 * (its end is when it was found dead).
 */
function importLine(r: ImportRunView, withSource: boolean): string {
  const when = formatDateTime(r.status === 'interrupted' ? r.startedAt : (r.finishedAt ?? r.startedAt));
  const kind = T.importKind[r.kind] ?? r.kind;
  const counts = T.updateCounts(formatNumber(r.inserted), formatNumber(r.updated), formatNumber(r.unchanged), formatNumber(r.rejected));
  const label = STATUS_LABEL[r.status];
  const source = withSource ? ` · ${maskPersonalData(r.source).text}` : '';
  return `${when} · ${kind}${source}: ${counts}${label ? ` (${label})` : ''}`;
}

/**
 * /capnhat: the latest loads into the store (when, what, with what counts), ending with how
 * fresh the figures are, so officers can judge what they read. Where a load came from (a
 * file name may name a person) is shown only to an administrator in a private chat, masked.
 */
export async function capnhatHandler(req: CommandRequest, ctx: AppContext): Promise<Reply> {
  const runs = await latestImports(ctx.store, UPDATES_SHOWN);
  const withSource = req.access.isAdmin && req.chat.kind === 'private';
  const blocks: Block[] = [{ kind: 'title', text: T.updatesTitle }];
  if (runs.length === 0) blocks.push({ kind: 'text', text: T.updatesNone });
  else blocks.push({ kind: 'list', items: runs.map((r) => importLine(r, withSource)) });
  return reply([...blocks, ...(await freshnessBlocks(ctx))]);
}

import type { AppContext } from '../core/context.js';
import type { Block, Reply } from '../core/reply.js';
import { reply } from '../core/reply.js';
import type { CommandRequest } from '../core/request.js';
import { latestImports, type ImportRunView } from '../data/imports.js';
import { formatDateTime, formatNumber } from '../text/format.js';
import { IMPORT_TEXT as T } from '../text/messages.js';
import { freshnessBlocks } from './common.js';

/** How many loads /capnhat lists. */
const UPDATES_SHOWN = 8;

/** "28/07/2025 09:15 · hồ sơ · ho-so-thang-7.csv: thêm 1.200, cập nhật 35, không đổi 0, từ chối 2". */
function importLine(r: ImportRunView): string {
  const when = formatDateTime(r.finishedAt ?? r.startedAt);
  const kind = T.importKind[r.kind] ?? r.kind;
  const counts = T.updateCounts(formatNumber(r.inserted), formatNumber(r.updated), formatNumber(r.unchanged), formatNumber(r.rejected));
  const status = r.status === 'failed' ? ` (${T.updateFailed})` : r.status === 'running' ? ` (${T.updateRunning})` : '';
  return `${when} · ${kind} · ${r.source}: ${counts}${status}`;
}

/**
 * /capnhat: the latest loads into the store (when, what, from where, with what counts),
 * ending with how fresh the figures are, so officers can judge what they read.
 */
export async function capnhatHandler(_req: CommandRequest, ctx: AppContext): Promise<Reply> {
  const runs = await latestImports(ctx.store, UPDATES_SHOWN);
  const blocks: Block[] = [{ kind: 'title', text: T.updatesTitle }];
  if (runs.length === 0) blocks.push({ kind: 'text', text: T.updatesNone });
  else blocks.push({ kind: 'list', items: runs.map(importLine) });
  return reply([...blocks, ...(await freshnessBlocks(ctx))]);
}

import type { AppContext } from '../core/context.js';
import type { Block, Choice, Reply } from '../core/reply.js';
import { userError } from '../core/reply.js';
import type { CommuneInfo, ProvinceInfo } from '../data/directory.js';
import { unitPhrase, unitTitle } from '../data/directory.js';
import { dataUpdatedAt } from '../data/imports.js';
import type { UnitRecord } from '../names/unit-index.js';
import { formatDateTime } from '../text/format.js';
import { periodErrorText, PERIOD_EXAMPLES, TEXT } from '../text/messages.js';
import { dayOf } from '../time/day.js';
import { defaultPeriod, splitTrailingPeriod, type Period } from '../time/period.js';

/** Most options one reply offers. */
const MAX_CHOICES = 20;

/** Arguments split into the subject (a name…) and the period. */
export interface SubjectAndPeriod {
  subject: string;
  period: Period;
  periodText: string;
}

/**
 * Splits "Thượng Cốc tháng 7/2025" into subject and period (the default is 01/07/2025 to
 * today), or answers bad input.
 */
export function subjectAndPeriod(args: string, now: Date): SubjectAndPeriod | Reply {
  const today = dayOf(now);
  const split = splitTrailingPeriod(args, today);
  if (split.error) return userError(periodErrorText(split.error), PERIOD_EXAMPLES);
  const periodText = split.period ? args.slice(split.rest.length).trim() : '';
  return { subject: split.rest, period: split.period ?? defaultPeriod(today), periodText };
}

/** "Xã Yên Phú (Phú Thọ)". */
function unitWithProvince(u: UnitRecord): string {
  return `${unitTitle(u)} (${u.provinceName})`;
}

/** The province preferred by this deployment, if configured and known. */
export async function preferredProvince(ctx: AppContext): Promise<ProvinceInfo | null> {
  if (!ctx.settings.defaultProvince) return null;
  return (await ctx.directory.get()).findProvince(ctx.settings.defaultProvince);
}

/** A commune found from what the user typed, with how it was found. */
export interface FoundCommune {
  commune: CommuneInfo;
  notes: string[];
}

/**
 * Resolves a commune name or code. Returns the commune, or a reply that asks which one
 * (several matches), suggests near names, or explains what was wrong.
 * `commandFor(code)` builds the command each choice sends.
 */
export async function findCommune(ctx: AppContext, query: string, commandFor: (code: string) => string): Promise<FoundCommune | Reply> {
  const dir = await ctx.directory.get();
  const preferred = await preferredProvince(ctx);
  const r = dir.index.resolve(query, preferred ? { provinceId: preferred.id } : {});
  // Up to 20 options: typed without diacritics, 15 units share the loosest name ("tan thanh").
  const toChoices = (units: UnitRecord[]): Choice[] =>
    units.slice(0, MAX_CHOICES).map((u) => ({ label: unitWithProvince(u), command: commandFor(u.code) }));
  switch (r.kind) {
    case 'found': {
      const notes: string[] = [];
      if (r.via) notes.push(TEXT.formerName(r.via.formerName, unitPhrase(r.unit)));
      if (r.alsoElsewhere?.length) notes.push(TEXT.alsoElsewhere(r.alsoElsewhere.map(unitWithProvince).join('; ')));
      return { commune: dir.communes.get(r.unit.id)!, notes };
    }
    case 'ambiguous':
      return {
        status: 'user_error',
        blocks: [{ kind: 'text', text: r.via === 'former' ? TEXT.whichOneFormer(query) : TEXT.whichOne(query) }],
        choices: { prompt: TEXT.pickNumber(Math.min(MAX_CHOICES, r.options.length)), options: toChoices(r.options) },
      };
    case 'not_found': {
      const text = /^\d{5}$/.test(query.trim()) ? TEXT.communeCodeNotFound(query.trim()) : TEXT.communeNotFound(query);
      if (r.suggestions.length === 0) return userError(text, TEXT.communeExample);
      return {
        status: 'not_found',
        blocks: [{ kind: 'text', text: `${text} ${TEXT.didYouMean}` }],
        choices: { prompt: TEXT.pickNumber(r.suggestions.length), options: toChoices(r.suggestions) },
      };
    }
    case 'invalid':
      return userError(TEXT.communeInvalid[r.reason], TEXT.communeExample);
  }
}

/**
 * "Số liệu cập nhật: …" and, when too old, a warning: the last lines of every reply with
 * figures. `known` passes the update time a handler already read (its moment).
 */
export async function freshnessBlocks(ctx: AppContext, known?: { updatedAt: Date | null }): Promise<Block[]> {
  const updated = known ? known.updatedAt : await dataUpdatedAt(ctx.store);
  if (!updated) return [{ kind: 'note', text: TEXT.noData }];
  const blocks: Block[] = [{ kind: 'note', text: TEXT.updatedAt(formatDateTime(updated)) }];
  const hours = (ctx.clock.now().getTime() - updated.getTime()) / 3_600_000;
  if (hours > ctx.settings.staleAfterHours) blocks.push({ kind: 'note', text: TEXT.stale(ctx.settings.staleAfterHours) });
  return blocks;
}

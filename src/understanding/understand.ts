/**
 * Understanding a question in plain Vietnamese: "cho em hỏi thượng cốc tháng 7 năm ngoái
 * nhận bn hồ sơ ạ" → `/xa Thượng Cốc tháng 7/2025`, asking for "tiếp nhận". Deterministic
 * and offline: the bot's own name resolver and period grammar, the word tables in
 * lexicon.ts and the command rows in intents.ts. When a message could mean several things
 * the answer is a question with numbered choices, never a guess.
 */
import type { Role } from '../access/roles.js';
import { unitTitle, type Directory } from '../data/directory.js';
import { damerauLevenshtein } from '../names/edit-distance.js';
import { foldKey, hasDiacritics, toneKey } from '../names/keys.js';
import type { Resolution, UnitRecord } from '../names/types.js';
import { type Day, formatDay } from '../time/day.js';
import { parsePeriod, splitTrailingPeriod } from '../time/period.js';
import { focusOf, rankingEndOf, type Focus, type RankingEnd } from './focus.js';
import { INTENTS, type Intent, type Pick } from './intents.js';
import { readMessage, type PeriodMention, type Reading } from './reading.js';
import { findPersonalData } from '../privacy/personal-data.js';
import { ADDRESS_WORDS, FILLER_WORDS } from './lexicon.js';
import { foldWord, MAX_MESSAGE_LENGTH, tokenize } from './tokens.js';

export interface UnderstandContext {
  dir: Directory;
  /** Today in Vietnam, for periods. */
  today: Day;
  /** The province whose units win when a name exists in several (the chat's or the deployment's). */
  provinceId?: number;
  /** The chat's role ("/xa" alone is the commune's own in a commune group). */
  role: Role | null;
  /** The commands the bot runs; rows of intents.ts for others are skipped. */
  commands: ReadonlySet<string>;
  /**
   * The reading of the bot's answer this message replies to ("/xa Thượng Cốc tháng 7/2025"),
   * so that "còn tháng 8 thì sao?" keeps its commune.
   */
  previous?: string;
}

/** How a previous reading's subject is said again in words, by command. */
const SUBJECT_WORDS: Readonly<Record<string, (subject: string) => string>> = {
  xa: (s) => s,
  quahan: (s) => s,
  to: (s) => `tổ ${s}`,
  tongquan: (s) => `tỉnh ${s}`,
};

/** The subject of a previous reading ("Thượng Cốc" of "/xa Thượng Cốc tháng 7/2025"), in words. */
function previousSubject(previous: string, today: Day): string | null {
  const m = /^\/(\w+)\s+(.+)$/u.exec(previous.trim());
  const words = m ? SUBJECT_WORDS[m[1]!] : undefined;
  if (!m || !words) return null;
  const subject = splitTrailingPeriod(m[2]!, today).rest.trim();
  return subject ? words(subject) : null;
}

export interface Choice {
  label: string;
  command: string;
}

/** How a message was understood. */
export type Understanding =
  /** Run `/command args`; `focus` is the figure (or two) asked for. */
  | { kind: 'command'; command: string; args: string; focus?: Focus[]; end?: RankingEnd }
  /** Several readings: ask which, with choices. */
  | { kind: 'ask'; why: 'units' | 'periods' | 'typo' | 'ranking'; subject: string; options: Choice[] }
  /** Something the store holds no data for (population, budget, a person). */
  | { kind: 'no_data' }
  | { kind: 'small_talk'; what: 'greeting' | 'thanks' }
  /** Nothing recognisable. */
  | { kind: 'unclear' }
  /** Period words the grammar does not read ("hôm kia"): said so, with examples of periods. */
  | { kind: 'bad_period'; text: string }
  | { kind: 'too_long' };

/** Figures communes are not ranked on (rankings are by online rate, on-time rate and overdue count). */
const UNRANKED = ['received', 'resolved', 'in_progress', 'paused', 'due_soon', 'returned', 'direct'] as const;

/** Most choices one question back offers. */
const MAX_CHOICES = 6;
/** Most left-over word runs tried as mistyped names. */
const MAX_FUZZY_RUNS = 3;

function resolveOptions(ctx: UnderstandContext) {
  return ctx.provinceId === undefined ? {} : { provinceId: ctx.provinceId };
}

/** The unit as a command argument: the name typed (old or current) when it resolves back to the unit, else its code. */
function unitArg(ctx: UnderstandContext, unit: UnitRecord, via?: string): string {
  for (const name of [via, unit.name]) {
    if (!name) continue;
    const r = ctx.dir.index.resolve(name, resolveOptions(ctx));
    if (r.kind === 'found' && r.unit.id === unit.id && (name === via || !r.via)) return name;
  }
  return unit.code;
}

/**
 * The period as a command argument: its label without the explanation in brackets
 * ("tháng trước (tháng 10/2026)" → "tháng trước"), when that reads back to the same days;
 * else the days. A period with an error is passed as typed, so the command explains it.
 */
function periodArg(m: PeriodMention | undefined, today: Day): string {
  if (!m) return '';
  if (!m.result.ok) return m.text;
  const { from, to, label } = m.result.period;
  const short = label.replace(/\s*\(.*\)$/, '');
  const back = parsePeriod(short, today);
  if (back.ok && back.period.from === from && back.period.to === to) return short;
  return from === to ? formatDay(from) : `từ ${formatDay(from)} đến ${formatDay(to)}`;
}

function foundUnits(r: Resolution): UnitRecord[] {
  if (r.kind === 'found') return [r.unit];
  if (r.kind === 'ambiguous') return r.options;
  return [];
}

/** A run without its leading and trailing filler words ("nhé thuong cok ạ" → "thuong cok"). */
function content(run: string): string {
  const words = run.split(' ');
  const isFiller = (w: string) => FILLER_WORDS.has(foldWord(w)) || foldWord(w).length < 2;
  while (words.length && isFiller(words[0]!)) words.shift();
  while (words.length && isFiller(words.at(-1)!)) words.pop();
  return words.join(' ');
}

/** A left-over run read as a mistyped unit name: one clear nearest name, or the near names to offer. */
function fuzzyUnit(ctx: UnderstandContext, run: string): { unit: UnitRecord } | { options: UnitRecord[] } | null {
  const key = foldKey(run);
  if (key.replace(/ /g, '').length < 4 || key.split(' ').length > 4) return null;
  const r = ctx.dir.index.resolve(run, resolveOptions(ctx));
  if (r.kind === 'found') return { unit: r.unit };
  if (r.kind === 'ambiguous') return { options: r.options };
  if (r.kind !== 'not_found' || r.suggestions.length === 0) return null;
  // Typed with diacritics, a name is as near as its diacritics allow ("dữ liệu" is not "Từ Liêm").
  const typedTone = hasDiacritics(run) ? toneKey(run) : null;
  const distance = (u: UnitRecord) => (typedTone ? damerauLevenshtein(typedTone, toneKey(u.name), 3) : damerauLevenshtein(key, foldKey(u.name), 3));
  const scored = r.suggestions.map((u) => ({ u, d: distance(u) })).sort((a, b) => a.d - b.d);
  const best = scored[0]!;
  const limit = key.length <= 6 ? 1 : 2;
  if (best.d <= limit && (scored.length === 1 || scored[1]!.d > best.d)) return { unit: best.u };
  return { options: scored.filter((s) => s.d <= limit + 1).map((s) => s.u) };
}

/** The question is about rankings, the province, the updates or the help: a near name is not offered. */
function asksNoUnit(r: Reading): boolean {
  return ['rank', 'low_first', 'high_first', 'overview', 'update', 'help'].some((c) => r.cues.has(c as never));
}

function namesSomething(r: Reading): boolean {
  return r.units.length + r.unknownUnits.length + r.provinces.length + r.departments.length + r.sectors.length + r.groups.length + r.leaders.length > 0;
}

function isSmallTalk(r: Reading): 'greeting' | 'thanks' | null {
  const talk = r.cues.has('greeting') ? 'greeting' : r.cues.has('thanks') ? 'thanks' : null;
  if (!talk) return null;
  const other = [...r.cues].some((c) => c !== 'greeting' && c !== 'thanks' && c !== 'filler');
  return other || namesSomething(r) || r.periods.length > 0 || r.leftovers.length > 0 ? null : talk;
}

function choose(ctx: UnderstandContext, pick: Pick): Intent | undefined {
  return INTENTS.find((i) => ctx.commands.has(i.command) && i.applies(pick));
}

/** Understands one message. Pure: the same text, directory and day give the same answer. */
export function understand(text: string, ctx: UnderstandContext): Understanding {
  if (typeof text !== 'string' || text.length > MAX_MESSAGE_LENGTH) return { kind: 'too_long' };
  const tokens = tokenize(text);
  const reading = readMessage(tokens, { dir: ctx.dir, today: ctx.today, ...resolveOptions(ctx) });
  if (ctx.previous && !namesSomething(reading) && !isSmallTalk(reading)) {
    // A reply to the bot's answer that names nothing asks about the same subject.
    const subject = previousSubject(ctx.previous, ctx.today);
    if (subject) return understand(`${subject} ${text}`, { ...ctx, previous: undefined });
  }
  if (reading.empty) return { kind: 'unclear' };
  const talk = isSmallTalk(reading);
  if (talk) return { kind: 'small_talk', what: talk };
  const noGroup = reading.groups.length === 0 && reading.leaders.length === 0;
  // A citizen's phone, ID or name ("hồ sơ của bà Lan"): the bot holds nothing about people.
  const citizen = noGroup && findPersonalData(text).length > 0;
  const person = ((reading.cues.has('person') || reading.cues.has('disbursement')) && noGroup) || citizen;
  if (reading.cues.has('no_data') || person) return { kind: 'no_data' };
  // Only the call ("bot ơi"): what the bot does.
  if (tokens.every((t) => ADDRESS_WORDS.has(t.fold)) && ctx.commands.has('giup')) return { kind: 'command', command: 'giup', args: '' };
  // "xã mình" outside a commune's group: which commune is meant is unknown.
  if (reading.cues.has('own') && ctx.role !== 'commune' && reading.units.length === 0 && reading.unknownUnits.length === 0) return { kind: 'unclear' };

  // A mistyped name: only when nothing else named a unit.
  let typoOptions: UnitRecord[] = [];
  let typoText = '';
  if (reading.units.length === 0 && reading.unknownUnits.length > 0) {
    // "xã thuong cok": a type word, then a mistyped name.
    const hit = fuzzyUnit(ctx, reading.unknownUnits[0]!);
    if (hit && 'unit' in hit) {
      const typed = reading.unknownUnits.shift()!;
      reading.units.push({ typed, resolution: { kind: 'found', unit: hit.unit } });
    }
  }
  if (reading.units.length === 0 && reading.unknownUnits.length === 0) {
    const rest: string[] = [];
    for (const [i, whole] of reading.leftovers.entries()) {
      const run = content(whole);
      const tries = i < MAX_FUZZY_RUNS ? [...new Set([whole, run])] : [];
      let hit: ReturnType<typeof fuzzyUnit> = null;
      for (const t of tries) {
        hit = fuzzyUnit(ctx, t);
        if (hit && 'unit' in hit) break;
      }
      if (hit && 'unit' in hit) {
        reading.units.push({ typed: run, resolution: { kind: 'found', unit: hit.unit } });
      } else if (hit && hit.options.length > 0 && typoOptions.length === 0 && !asksNoUnit(reading)) {
        typoOptions = hit.options;
        typoText = run;
      } else if (run) rest.push(run);
    }
    reading.leftovers = rest;
  }
  // "bao nhiêu" with nothing the bot counts ("bao nhiêu thôn"): not a question for its figures.
  const metric = ['online', 'direct', 'on_time', 'late', 'received', 'resolved', 'in_progress', 'paused', 'due_soon', 'returned', 'dossier', 'rank', 'low_first', 'high_first', 'position', 'disbursement'].some((c) =>
    reading.cues.has(c as never),
  );
  if ((reading.cues.has('count') || reading.cues.has('rate')) && !metric && reading.leftovers.length > 0 && typoOptions.length === 0) return { kind: 'no_data' };

  const unitSets = reading.units.map((m) => ({ m, units: foundUnits(m.resolution) }));
  const distinct = new Map<number, { unit: UnitRecord; via?: string }>();
  for (const { m, units } of unitSets) {
    if (units.length === 1) {
      const u = units[0]!;
      const via = m.resolution.kind === 'found' ? m.resolution.via?.formerName : undefined;
      if (!distinct.has(u.id)) distinct.set(u.id, { unit: u, ...(via ? { via } : {}) });
    }
  }
  const ambiguous = unitSets.find((s) => s.units.length > 1);
  const notFoundCode = reading.units.find((m) => m.resolution.kind === 'not_found');
  if (notFoundCode) reading.unknownUnits.push(notFoundCode.typed);

  // Recommendations are a command of their own; without it only a commune's count of open ones is known.
  if (reading.cues.has('recommendation') && !ctx.commands.has('kiennghi') && reading.units.length === 0 && reading.unknownUnits.length === 0) return { kind: 'no_data' };
  const unknownPeriod = reading.periods.find((p) => !p.result.ok && p.result.error.code === 'unrecognised');
  if (unknownPeriod) return { kind: 'bad_period', text: unknownPeriod.text };
  const periods = reading.periods;
  const base = (unit?: { unit: UnitRecord; via?: string }, period?: PeriodMention): Pick => ({
    reading,
    ...(unit ? { unit: unit.unit, unitArg: unitArg(ctx, unit.unit, unit.via) } : {}),
    periodArg: periodArg(period, ctx.today),
    role: ctx.role,
  });
  const asCommand = (p: Pick): Choice | null => {
    const intent = choose(ctx, p);
    if (!intent) return null;
    const args = intent.args(p);
    return { label: '', command: `/${intent.command}${args ? ` ${args}` : ''}` };
  };
  const ask = (why: 'units' | 'periods' | 'typo', subject: string, picks: { label: string; pick: Pick }[]): Understanding => {
    const options = picks
      .map(({ label, pick }) => {
        const c = asCommand(pick);
        return c ? { label, command: c.command } : null;
      })
      .filter((c): c is Choice => c !== null)
      .slice(0, MAX_CHOICES);
    return options.length > 0 ? { kind: 'ask', why, subject, options } : { kind: 'unclear' };
  };
  const label = (u: UnitRecord) => `${unitTitle(u)} (${u.provinceName})`;

  if (typoOptions.length > 0 && distinct.size === 0) {
    return ask('typo', typoText, typoOptions.map((u) => ({ label: label(u), pick: base({ unit: u }, periods[0]) })));
  }
  if (ambiguous && distinct.size === 0) {
    return ask('units', ambiguous.m.typed, ambiguous.units.map((u) => ({ label: label(u), pick: base({ unit: u }, periods[0]) })));
  }
  if (distinct.size > 1 || (ambiguous && distinct.size > 0)) {
    const all = [...distinct.values()];
    if (ambiguous) for (const u of ambiguous.units) if (!distinct.has(u.id)) all.push({ unit: u });
    return ask('units', all.map((x) => x.unit.name).join(', '), all.map((x) => ({ label: label(x.unit), pick: base(x, periods[0]) })));
  }
  const unit = distinct.size === 1 ? [...distinct.values()][0] : undefined;
  if (periods.length > 1) {
    return ask('periods', periods.map((p) => p.text).join(', '), periods.map((p) => ({ label: p.text, pick: base(unit, p) })));
  }
  const pick = base(unit, periods[0]);
  const intent = choose(ctx, pick);
  if (intent?.command === 'xephang' && !['online', 'on_time', 'late'].some((c) => reading.cues.has(c as never)) && UNRANKED.some((c) => reading.cues.has(c))) {
    // "xã nào nhận nhiều hồ sơ nhất": communes are ranked on three measures; ask which.
    const period = pick.periodArg ? ` ${pick.periodArg}` : '';
    const province = reading.provinces[0] ? ` ${reading.provinces[0].name}` : '';
    return {
      kind: 'ask',
      why: 'ranking',
      subject: '',
      options: ['trực tuyến', 'đúng hạn', 'quá hạn'].map((m) => ({ label: `Xếp hạng theo ${m}`, command: `/xephang ${m}${province}${period}` })),
    };
  }
  if (!intent) return { kind: 'unclear' };
  // Figures of the whole province (or the chat's own commune) while some word named
  // something unknown ("tc bn hs"): those would be figures nobody asked for.
  const byDefault = !pick.unit && reading.provinces.length === 0 && !reading.cues.has('overview') && (intent.command === 'tongquan' || intent.command === 'xa');
  if (byDefault && reading.leftovers.length > 0) return { kind: 'unclear' };
  const args = intent.args(pick);
  const focus = intent.command === 'xa' || intent.command === 'tongquan' ? focusOf(reading.cues) : [];
  const end = intent.command === 'xephang' ? rankingEndOf(reading.cues) : undefined;
  return { kind: 'command', command: intent.command, args, ...(focus.length ? { focus } : {}), ...(end ? { end } : {}) };
}

/**
 * Routing quality, measured on the labelled set (./routing-set.ts) with the default rules:
 * the share routed to the right department without a question, the share where the bot
 * asks, and the share routed wrong. Goal: ≥ 90 % right, ≤ 5 % wrong.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEPARTMENTS } from '../../src/hotline/default-departments.js';
import { routeText, rulesFromKeywords } from '../../src/hotline/routing.js';
import { textKey } from '../../src/hotline/text-key.js';
import { ROUTING_SET } from './routing-set.js';

const departments = DEFAULT_DEPARTMENTS.map((d, i) => ({ ...d, id: i + 1 }));
const rules = rulesFromKeywords(departments);
const codeOf = (id: number) => departments[id - 1]!.code;

describe('routing of difficulties to departments', () => {
  it('reads text without diacritics and with abbreviations', () => {
    expect(textKey('Lỗi CNTT, VNeID')).toBe('loi cong nghe thong tin vneid');
    expect(textKey('cấp GCN QSDĐ')).toBe('cap giay chung nhan quyen su dung dat');
  });

  it('asks when nothing matches, or when two departments tie', () => {
    expect(routeText('xin chào các anh chị', rules)).toEqual({ kind: 'ask', reason: 'no_match', candidates: [] });
    // One-syllable keywords match only as typed: "đề nghị" is not "đê", "yêu cầu" not "cầu", "cho" not "chợ".
    expect(routeText('Đề nghị tỉnh quan tâm, yêu cầu hỗ trợ cho xã', rules).kind).toBe('ask');
    expect(routeText('Cầu qua suối bị sập', rules)).toMatchObject({ kind: 'suggested', departmentId: departments.find((d) => d.code === 'XD')!.id });
    const tie = routeText('giáo viên và bác sĩ', rules);
    expect(tie.kind === 'ask' && tie.reason === 'tie' && tie.candidates.map(codeOf).sort()).toEqual(['GDDT', 'YT']);
  });

  it('routes the labelled set: at least 90 % right with no question, at most 5 % wrong', () => {
    expect(ROUTING_SET.length).toBeGreaterThanOrEqual(80);
    let right = 0;
    let asked = 0;
    const wrong: string[] = [];
    const askedTexts: string[] = [];
    for (const d of ROUTING_SET) {
      const r = routeText(d.text, rules);
      if (r.kind === 'ask') {
        asked++;
        askedTexts.push(`${d.expected} (${r.reason}): ${d.text}`);
        continue;
      }
      const got = codeOf(r.departmentId);
      if (got === d.expected || d.also?.includes(got)) right++;
      else wrong.push(`${d.expected} ← ${got}: ${d.text}`);
    }
    const n = ROUTING_SET.length;
    const pct = (x: number) => `${((100 * x) / n).toFixed(1)} %`;
    console.log(`routing: ${n} difficulties (${ROUTING_SET.filter((d) => d.seed).length} from the seeds): right ${right} (${pct(right)}), asked ${asked} (${pct(asked)}), wrong ${wrong.length} (${pct(wrong.length)})`);
    console.log([...wrong.map((w) => `wrong: ${w}`), ...askedTexts.map((a) => `asked: ${a}`)].join('\n'));
    expect(right / n).toBeGreaterThanOrEqual(0.9);
    expect(wrong.length / n).toBeLessThanOrEqual(0.05);
  });
});

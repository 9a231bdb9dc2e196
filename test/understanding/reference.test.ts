/**
 * Questions read on the whole country's directory (../shared/data: 3,321 units, 10,604 old
 * names), where names collide with ordinary words and with each other. Skipped with the
 * reason when the reference data is absent.
 */
import { describe, expect, it } from 'vitest';
import { Directory, type ProvinceInfo } from '../../src/data/directory.js';
import { dayOf } from '../../src/time/day.js';
import { understand, type Understanding } from '../../src/understanding/understand.js';
import { loadReferenceData } from '../names/reference-data.js';

const data = loadReferenceData();
if (!data.ok) process.stdout.write(`skipped the reference questions: ${data.reason}\n`);

function directory(): Directory {
  if (!data.ok) throw new Error(data.reason);
  const provinces = new Map<number, ProvinceInfo>();
  for (const u of data.units) provinces.set(u.provinceId, { id: u.provinceId, code: String(u.provinceId).padStart(2, '0'), name: u.provinceName, type: 'tỉnh' });
  return new Directory([...provinces.values()], data.units.map((u) => ({ ...u, workingGroupId: null })), [], [], []);
}

const label = (u: Understanding) => (u.kind === 'command' ? `/${u.command}${u.args ? ` ${u.args}` : ''}` : u.kind);

/** [question, reading, preferred province code]. */
const ROWS: [string, string, number?][] = [
  // Words of a question that spell a commune's name are not read as that commune.
  ['cho em hỏi thượng cốc tháng 7 năm ngoái nhận bn hồ sơ ạ', '/xa Thượng Cốc tháng 7/2025'],
  ['tổng quan toàn tỉnh tháng này', '/tongquan tháng này', 25],
  ['top xa dung han cao nhat thang nay', '/xephang đúng hạn tháng này', 25],
  ['xep hang truc tuyen phu tho quy 3/2025', '/xephang trực tuyến Phú Thọ quý 3/2025'],
  ['dữ liệu mới nhất là khi nào', '/capnhat'],
  ['du lieu moi nhat', '/capnhat'],
  // An old name inside a period ("Ba Nam" in "quý ba năm 2025") is part of the period.
  ['thuong coc quy ba nam 2025', '/xa Thượng Cốc quý 3/2025', 25],
  ['quyet thang tu dau thang 7/2025 den 28/7/2025', '/xa Quyết Thắng từ 01/07/2025 đến 28/07/2025', 25],
  // A province's name is the province unless a type word says commune.
  ['tq hung yen', '/tongquan Hưng Yên'],
  ['phú thọ quý 3/2025', '/tongquan Phú Thọ quý 3/2025'],
  ['thái nguyên', '/tongquan Thái Nguyên'],
  // Names shared by several units: asked back; diacritics decide where they can.
  ['tân thành tháng 7/2025', 'ask'],
  ['tan an', 'ask'],
  ['cẩm giang tháng này', '/xa Cẩm Giang tháng này'],
  ['cam giang', 'ask'],
  ['xa dung', '/xa Xa Dung'],
  // The deployment's province decides between same-name units.
  ['cẩm giàng quá hạn', '/quahan Cẩm Giàng', 19],
  // Mistyped names: read when one name is clearly nearest, else asked back.
  ['thượg cốc quý 3/2025', '/xa Thượng Cốc quý 3/2025'],
  ['yen phuu', 'ask'],
  // No data and small talk do not depend on the directory.
  ['dân số tân thành', 'no_data'],
  ['cảm ơn ad', 'small_talk'],
];

describe.skipIf(!data.ok)('questions on the 3,321-unit directory with old names', () => {
  const dir = data.ok ? directory() : (null as never);
  const today = dayOf(new Date('2026-11-22T03:00:00.000Z'));
  const commands = new Set(['xa', 'quahan', 'tongquan', 'xephang', 'to', 'capnhat', 'giup']);

  it('when each question is read, then it becomes its labelled reading', () => {
    const wrong = ROWS.map(([q, want, province]) => ({ q, want, got: label(understand(q, { dir, today, role: null, commands, ...(province ? { provinceId: province } : {}) })) })).filter((x) => x.got !== x.want);
    expect(wrong.map((w) => `${w.q} → ${w.got} (want ${w.want})`)).toEqual([]);
  });
});

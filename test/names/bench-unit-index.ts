/**
 * Timing script for UnitIndex (not a test: timings on shared machines are too noisy to assert).
 * Run: npx tsx test/names/bench-unit-index.ts
 * Prints the build time and the mean lookup time over several kinds of query.
 */
import { foldKey } from '../../src/names/normalize.js';
import { UnitIndex } from '../../src/names/unit-index.js';
import { loadReferenceData } from './reference-data.js';

const data = loadReferenceData();
if (!data.ok) {
  console.log(`skipped: ${data.reason}`);
  process.exit(0);
}
const { units } = data;
const formerCount = units.reduce((n, u) => n + u.formerNames.length, 0);

// The first build is what a process pays at start (cold JIT); later ones show the steady cost.
const coldStart = performance.now();
let index = new UnitIndex(units);
const cold = performance.now() - coldStart;
const builds: number[] = [];
for (let i = 0; i < 12; i++) {
  const t0 = performance.now();
  index = new UnitIndex(units);
  builds.push(performance.now() - t0);
}
builds.sort((a, b) => a - b);

/** Mean time per call over all queries, after one untimed pass. */
function timeQueries(label: string, queries: string[], provinceId?: number): void {
  for (const q of queries) index.resolve(q, { provinceId });
  const t0 = performance.now();
  for (const q of queries) index.resolve(q, { provinceId });
  const ms = (performance.now() - t0) / queries.length;
  console.log(`${label.padEnd(38)} ${queries.length.toString().padStart(6)} queries  ${(ms * 1000).toFixed(1)} µs/lookup`);
}

console.log(`units ${units.length}, former names ${formerCount}`);
console.log(`build: first (cold) ${cold.toFixed(1)} ms; next 12: median ${builds[6]!.toFixed(1)} ms, min ${builds[0]!.toFixed(1)} ms, max ${builds.at(-1)!.toFixed(1)} ms`);
timeQueries('exact names with diacritics', units.map((u) => u.name));
timeQueries('names without diacritics', units.map((u) => foldKey(u.name)));
timeQueries('"xã "/"phường " + name, province 25', units.map((u) => `${u.type === 'phuong' ? 'phường' : 'xã'} ${u.name}`), 25);
timeQueries('former names', units.flatMap((u) => u.formerNames.map((f) => f.name)));
timeQueries('codes', units.map((u) => u.code));
timeQueries('typos (not found → suggestions)', units.map((u) => foldKey(u.name) + 'qz'));

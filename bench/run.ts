/**
 * `npm run bench`: runs every benchmark section, prints its figures and writes them all to
 * bench/results.json. Sections are independent; `npm run bench -- <name> …` runs only those.
 * Speed and memory targets live here, never in timed unit tests.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SECTIONS } from './sections/index.js';
import { benchStoreLocation } from './sections/province-store.js';

async function main(): Promise<void> {
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const results: Record<string, unknown> = {
    machine: { node: process.version, platform: `${process.platform}-${process.arch}`, cpus: (await import('node:os')).cpus().length },
    startedAt: new Date().toISOString(),
  };
  for (const section of SECTIONS) {
    if (only.length && !only.includes(section.name)) continue;
    process.stdout.write(`\n== ${section.name}: ${section.title}\n`);
    const started = performance.now();
    // A section run on PostgreSQL keeps its figures beside the embedded store's.
    const onPg = section.followsBenchStore === true && benchStoreLocation().dialect === 'postgres';
    results[onPg ? `${section.name}@postgres` : section.name] = await section.run((line) => process.stdout.write(`${line}\n`));
    process.stdout.write(`(${section.name} took ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  }
  const file = join(import.meta.dirname, 'results.json');
  let previous: Record<string, unknown> = {};
  try {
    previous = JSON.parse((await import('node:fs')).readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    previous = {};
  }
  // Sections not run this time keep their last figures.
  writeFileSync(file, `${JSON.stringify({ ...previous, ...results }, null, 2)}\n`);
  process.stdout.write(`\nresults written to ${file}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});

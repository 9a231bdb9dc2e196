#!/usr/bin/env node
// Bundles the bot (`npm start`), the import command line and its reading thread into plain
// JavaScript (build/bin/), run with plain node. Further entry points given as arguments
// are bundled beside them the same way (the alerts benchmark's pass, so that it measures
// the bot as `npm start` runs it).
//
// Why: under tsx, every process carries the TypeScript loader (about 35 MB; in each of the
// import's two threads). Bundled, importing 1,000,000 dossiers peaks at about 230 MB
// instead of 290 MB (bench/sections/import.ts), and the alerts pass for 1,000 chats at
// 239-266 MB instead of 274-306 MB (bench/sections/alerts.ts), inside its 300 MB goal.
// Runs before every `npm start` and `npm run import` (the "prestart" and "preimport"
// scripts), so it never runs stale code; it takes about a second.
import { buildSync } from 'esbuild';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// build/bin sits two levels below the root, as src/<folder> does, so the bundles find
// prisma/<dialect>/migrations at the same relative place as the sources do.
const out = join(root, 'build', 'bin');
const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' };
// One build with shared chunks: the XLSX reader (and exceljs with it) stays a chunk loaded
// only for .xlsx files, as the lazy import in the sources intends; inlined, it would load
// in both threads for every CSV. The CLI starts its reading thread from './worker.js'
// beside itself.
buildSync({
  ...common,
  entryPoints: [join(root, 'src/main.ts'), join(root, 'src/import/cli.ts'), join(root, 'src/import/dossiers/worker.ts'), ...process.argv.slice(2).map((p) => resolve(root, p))],
  outdir: out,
  entryNames: '[name]',
  splitting: true,
});

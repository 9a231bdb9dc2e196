#!/usr/bin/env node
// Bundles the import command line and its reading thread into plain JavaScript
// (build/bin/), run by `npm run import` with plain node.
//
// Why: under tsx, the import process carried the TypeScript loader in both of its threads
// (about 35 MB each); bundled, importing 1,000,000 dossiers peaks at about 230 MB instead
// of 290 MB (bench/sections/import.ts). Runs before every `npm run import` (the
// "preimport" script), so it never runs stale code; it takes a fraction of a second.
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
  entryPoints: [join(root, 'src/import/cli.ts'), join(root, 'src/import/dossiers/worker.ts')],
  outdir: out,
  entryNames: '[name]',
  splitting: true,
});

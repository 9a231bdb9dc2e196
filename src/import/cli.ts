/**
 * `npm run import -- <units|old-units|dossiers|figures|holidays> <file> [options]`:
 * loads a file into the store named by DATABASE_URL, printing progress and a summary in
 * Vietnamese. Exit codes: 0 every row stored, 3 done but some rows rejected, 1 failed,
 * 64 wrong command line.
 */
import { z } from 'zod';
import { coreEnv, ConfigError } from '../config/env.js';
import { markInterruptedImports } from '../data/imports.js';
import { openStore, parseDatabaseUrl, type Store } from '../data/store.js';
import { IMPORT_TEXT as T } from '../text/messages.js';
import { parseCliArgs, type CliArgs } from './cli-args.js';
import { importDossiers } from './dossiers/import-dossiers.js';
import { ProgressBar } from './progress.js';
import { openedLines, resultJson, summaryLines } from './report.js';
import type { ImportResult } from './result.js';
import { DEFAULT_LIMITS } from './source/open-table.js';
import { runSmallImport } from './small-imports.js';

const cliEnv = z.object({ DATABASE_URL: coreEnv.DATABASE_URL, DEFAULT_PROVINCE: coreEnv.DEFAULT_PROVINCE });

/**
 * Bulk-load setting for this process's own SQLite connection: checkpoint the write-ahead
 * log every ~40 MB instead of every 4 MB, so a long import does not wait on a disk flush
 * after nearly every batch. Other connections keep their own setting.
 */
async function tuneForBulk(store: Store): Promise<void> {
  if (store.dialect === 'sqlite') await store.sql.exec('PRAGMA wal_autocheckpoint = 10000');
}

async function run(args: CliArgs, store: Store, defaultProvince: string | null): Promise<ImportResult> {
  const say = (line: string) => {
    if (!args.json) process.stdout.write(`${line}\n`);
  };
  const bar = args.progress && !args.json && process.stderr.isTTY ? new ProgressBar(process.stderr) : null;
  const limits = args.maxBytes ? { maxTextBytes: args.maxBytes, maxXlsxBytes: args.maxBytes } : DEFAULT_LIMITS;
  const common = {
    onOpened: (info: Parameters<typeof openedLines>[0]) => openedLines(info).forEach(say),
    onProgress: (p: Parameters<ProgressBar['update']>[0]) => bar?.update(p),
    limits,
    ...(args.rejectedCsv ? { rejectedCsv: args.rejectedCsv } : {}),
  };
  try {
    if (args.kind === 'dossiers') {
      await tuneForBulk(store);
      return await importDossiers(store, args.file, {
        ...common,
        worker: true,
        defaultProvince: args.province ?? defaultProvince,
        ...(args.batchSize ? { batchSize: args.batchSize } : {}),
      });
    }
    return await runSmallImport(args.kind, store, args.file, common);
  } finally {
    bar?.done();
  }
}

async function main(): Promise<number> {
  const args = parseCliArgs(process.argv.slice(2));
  if ('error' in args) {
    process.stderr.write(`${args.error}\n\n${T.usage}\n`);
    return 64;
  }
  const env = cliEnv.safeParse(process.env);
  if (!env.success) throw new ConfigError(env.error.issues.map((i) => i.message));
  const store = await openStore(parseDatabaseUrl(env.data.DATABASE_URL));
  try {
    if (!args.json) process.stdout.write(`${T.storeAt(store.location)}\n`);
    // A run left "running" by an import that was killed is recorded as interrupted.
    await markInterruptedImports(store);
    const result = await run(args, store, env.data.DEFAULT_PROVINCE);
    if (args.json) process.stdout.write(`${JSON.stringify(resultJson(result))}\n`);
    else process.stdout.write(`${summaryLines(result).join('\n')}\n`);
    if (result.status === 'failed') return 1;
    return result.rejected + result.duplicates > 0 ? 3 : 0;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof ConfigError) process.stderr.write(`${err.message}\n`);
    else process.stderr.write(`${T.failed} ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);

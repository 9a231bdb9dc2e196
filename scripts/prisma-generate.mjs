#!/usr/bin/env node
// Generates the two Prisma clients (SQLite and PostgreSQL) offline, from one set of models.
//
// Why a script: a Prisma schema names one provider, so the models in prisma/models/ are joined with
// prisma/sqlite.prisma and prisma/postgres.prisma into two schema files. And every Prisma
// CLI command first tries to download a native schema engine from outside the npm registry,
// which fails on offline machines; `generate` does not run that engine, so pointing
// PRISMA_SCHEMA_ENGINE_BINARY at any existing file skips the download
// (see ../shared/notes/prisma-offline.md).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const prismaDir = join(root, 'prisma');
const work = join(root, 'node_modules', '.cache', 'haicap-prisma');
// Models are split by feature (prisma/models/*.prisma) and joined in name order.
const modelsDir = join(prismaDir, 'models');
const models = readdirSync(modelsDir)
  .filter((f) => f.endsWith('.prisma'))
  .sort()
  .map((f) => `// ---- ${f}\n${readFileSync(join(modelsDir, f), 'utf8')}`)
  .join('\n');
const prismaCli = join(root, 'node_modules', 'prisma', 'build', 'index.js');

if (!existsSync(prismaCli)) {
  // Installed without dev dependencies (npm ci --omit=dev): clients must already exist.
  console.warn('prisma CLI not installed; skipping client generation');
  process.exit(0);
}

mkdirSync(work, { recursive: true });
const fakeEngine = join(work, 'no-schema-engine');
writeFileSync(fakeEngine, '');

for (const dialect of ['sqlite', 'postgres']) {
  const head = readFileSync(join(prismaDir, `${dialect}.prisma`), 'utf8').replace(
    /output\s*=\s*"([^"]+)"/,
    (_, rel) => `output = ${JSON.stringify(resolve(prismaDir, rel))}`,
  );
  const dir = join(work, dialect);
  mkdirSync(dir, { recursive: true });
  const schema = join(dir, 'schema.prisma');
  writeFileSync(schema, `${head}\n${models}`);
  execFileSync(process.execPath, [prismaCli, 'generate', '--schema', schema], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: fakeEngine, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  });
  console.log(`prisma client generated for ${dialect}`);
}

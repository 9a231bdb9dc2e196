import { closedAtOf, contributionOf, sameDossier, type DossierRecord } from '../domain/dossier.js';
import { BUMP_FIGURES_VERSION_SQL, COUNT_COLUMNS, FigureDeltas, newFiguresVersion, upsertDeltaSql, type CountDelta } from './figure-counts.js';
import { DOSSIER_COLUMNS, dossierFromRow, dossierValues, type DossierRow } from './dossier-row.js';
import type { SqlExecutor } from './sql/driver.js';
import type { PgDriver } from './sql/pg-driver.js';
import type { SqliteDriver } from './sql/sqlite-driver.js';
import type { Store } from './store.js';

/** What one batch write did. */
export interface WriteResult {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** The decisions for one batch, made before any write so both dialects share them. */
interface BatchPlan {
  inserts: DossierRecord[];
  updates: DossierRecord[];
  unchanged: number;
  deltas: FigureDeltas;
}

/**
 * Decides what a batch changes: new codes are inserted, changed records updated, identical
 * ones left alone; the figure counters move by the old contribution out and the new one in.
 */
function planBatch(existing: Map<string, DossierRecord>, rows: readonly DossierRecord[]): BatchPlan {
  const plan: BatchPlan = { inserts: [], updates: [], unchanged: 0, deltas: new FigureDeltas() };
  for (const row of rows) {
    const old = existing.get(row.code);
    if (old && sameDossier(old, row)) {
      plan.unchanged++;
      continue;
    }
    if (old) {
      plan.deltas.add(contributionOf(old), -1);
      plan.updates.push(row);
    } else {
      plan.inserts.push(row);
    }
    plan.deltas.add(contributionOf(row), 1);
  }
  return plan;
}

const SELECT_COLUMNS = DOSSIER_COLUMNS.join(', ');
const WRITE_COLUMNS = [...DOSSIER_COLUMNS, 'closed_at', 'import_id', 'updated_at'];
const LOOKUP_CHUNK = 500;

/**
 * Inserts or updates a batch of dossiers by code, atomically with the figure counters:
 * after it returns, the batch is fully in the store or, on error, not at all.
 * Codes must be unique within one call (importers keep the last occurrence).
 */
export async function writeDossiers(
  store: Store,
  rows: readonly DossierRecord[],
  importId: number | null,
  now: Date = new Date(),
): Promise<WriteResult> {
  if (rows.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
  const result =
    store.sql.dialect === 'sqlite'
      ? await writeSqlite(store.sql as SqliteDriver, rows, importId, now)
      : await writePostgres(store.sql as PgDriver, rows, importId, now);
  return result;
}

function writeRowValues(d: DossierRecord, importId: number | null, now: Date): unknown[] {
  return [...dossierValues(d), closedAtOf(d), importId, now];
}

/** A stored dossier as the SQLite lookup returns it: DOSSIER_COLUMNS in order, instants in epoch ms. */
type StoredRow = unknown[];

const msOrNull = (d: Date | null): number | null => (d ? d.getTime() : null);

/** sameDossier against a raw stored row, without building Dates (re-imports compare every row). */
function sameAsStored(raw: StoredRow, d: DossierRecord): boolean {
  return (
    raw[1] === d.communeId &&
    raw[2] === d.sectorId &&
    raw[3] === d.channel &&
    raw[4] === d.receivedAt.getTime() &&
    raw[5] === msOrNull(d.dueAt) &&
    raw[6] === msOrNull(d.processedAt) &&
    raw[7] === msOrNull(d.returnedAt) &&
    raw[8] === d.status &&
    raw[9] === d.supplementCount &&
    raw[10] === d.supplementDays
  );
}

function storedToRecord(raw: StoredRow): DossierRecord {
  const row: Record<string, unknown> = {};
  DOSSIER_COLUMNS.forEach((c, i) => (row[c] = raw[i]));
  return dossierFromRow(row as unknown as DossierRow);
}

/** Fills `args` with the WRITE_COLUMNS values of `d` for SQLite (reused: one array per batch, not per row). */
function fillSqliteArgs(args: unknown[], d: DossierRecord, importId: number | null, nowMs: number): void {
  args[0] = d.code;
  args[1] = d.communeId;
  args[2] = d.sectorId;
  args[3] = d.channel;
  args[4] = d.receivedAt.getTime();
  args[5] = msOrNull(d.dueAt);
  args[6] = msOrNull(d.processedAt);
  args[7] = msOrNull(d.returnedAt);
  args[8] = d.status;
  args[9] = d.supplementCount;
  args[10] = d.supplementDays;
  args[11] = msOrNull(closedAtOf(d));
  args[12] = importId;
  args[13] = nowMs;
}

/** Delta rows in key order, so the upserts walk the counter tables' B-trees forwards. */
function inKeyOrder(rows: CountDelta[]): CountDelta[] {
  return rows.sort((a, b) => a.communeId - b.communeId || a.day - b.day);
}

function writeSqlite(sql: SqliteDriver, rows: readonly DossierRecord[], importId: number | null, now: Date): Promise<WriteResult> {
  const nowMs = now.getTime();
  return sql.transactionSync((_db, prepare) => {
    // Raw arrays, compared in place: building objects and Dates for every stored row made
    // re-importing an unchanged file slower than the first import.
    const stored = new Map<string, StoredRow>();
    for (let i = 0; i < rows.length; i += LOOKUP_CHUNK) {
      const codes = rows.slice(i, i + LOOKUP_CHUNK).map((r) => r.code);
      const lookup = prepare(`SELECT ${SELECT_COLUMNS} FROM dossier WHERE code IN (${codes.map(() => '?').join(',')})`);
      for (const r of lookup.raw(true).all(codes) as StoredRow[]) stored.set(r[0] as string, r);
    }
    const existing = new Map<string, DossierRecord>();
    let unchanged = 0;
    const changed: DossierRecord[] = [];
    for (const row of rows) {
      const raw = stored.get(row.code);
      if (raw && sameAsStored(raw, row)) {
        unchanged++;
        continue;
      }
      if (raw) existing.set(row.code, storedToRecord(raw));
      changed.push(row);
    }
    const plan = planBatch(existing, changed);
    const args: unknown[] = new Array(WRITE_COLUMNS.length);
    const insert = prepare(
      `INSERT INTO dossier (${WRITE_COLUMNS.join(', ')}) VALUES (${WRITE_COLUMNS.map(() => '?').join(', ')})`,
    );
    for (const d of plan.inserts) {
      fillSqliteArgs(args, d, importId, nowMs);
      insert.run(args);
    }
    const update = prepare(
      `UPDATE dossier SET ${WRITE_COLUMNS.slice(1).map((c) => `${c} = ?`).join(', ')} WHERE code = ?`,
    );
    for (const d of plan.updates) {
      fillSqliteArgs(args, d, importId, nowMs);
      // The code moves from the first place to the WHERE clause.
      args.push(args.shift());
      update.run(args);
      args.unshift(args.pop());
    }
    const placeholders = `VALUES (?, ?, ${COUNT_COLUMNS.map(() => '?').join(', ')})`;
    const deltaArgs: unknown[] = new Array(2 + COUNT_COLUMNS.length);
    const upsert = (statement: ReturnType<typeof prepare>, delta: CountDelta[]) => {
      for (const r of inKeyOrder(delta)) {
        deltaArgs[0] = r.communeId;
        deltaArgs[1] = r.day;
        for (let i = 0; i < r.values.length; i++) deltaArgs[2 + i] = r.values[i];
        statement.run(deltaArgs);
      }
    };
    upsert(prepare(upsertDeltaSql('figure_day', placeholders)), plan.deltas.dayRows());
    upsert(prepare(upsertDeltaSql('figure_month', placeholders)), plan.deltas.monthRows());
    if (!plan.deltas.isEmpty) prepare(BUMP_FIGURES_VERSION_SQL).run(newFiguresVersion());
    return { inserted: plan.inserts.length, updated: plan.updates.length, unchanged: unchanged + plan.unchanged };
  });
}

/** PostgreSQL type of each written column, for unnest() array parameters. */
const PG_TYPES: Record<string, string> = {
  code: 'text',
  commune_id: 'int',
  sector_id: 'int',
  channel: 'int',
  received_at: 'timestamp(3)',
  due_at: 'timestamp(3)',
  processed_at: 'timestamp(3)',
  returned_at: 'timestamp(3)',
  status: 'int',
  supplement_count: 'int',
  supplement_days: 'int',
  closed_at: 'timestamp(3)',
  import_id: 'int',
  updated_at: 'timestamp(3)',
};

/** Column-wise arrays for unnest(); Dates become UTC ISO strings (timestamp(3) holds UTC). */
function columnArrays(rows: unknown[][], width: number): unknown[][] {
  const cols: unknown[][] = Array.from({ length: width }, () => []);
  for (const row of rows) for (let i = 0; i < width; i++) {
    const v = row[i];
    cols[i]!.push(v instanceof Date ? v.toISOString() : v);
  }
  return cols;
}

function unnestSql(columns: readonly string[]): string {
  return `unnest(${columns.map((c) => `?::${PG_TYPES[c] ?? 'int'}[]`).join(', ')})`;
}

async function upsertDeltasPg(tx: SqlExecutor, table: 'figure_day' | 'figure_month', deltas: CountDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  const width = 2 + COUNT_COLUMNS.length;
  const arrays = columnArrays(
    deltas.map((d) => [d.communeId, d.day, ...d.values]),
    width,
  );
  const select = `SELECT * FROM unnest(${Array.from({ length: width }, () => '?::int[]').join(', ')})`;
  await tx.run(upsertDeltaSql(table, select), arrays);
}

async function writePostgres(sql: PgDriver, rows: readonly DossierRecord[], importId: number | null, now: Date): Promise<WriteResult> {
  return sql.transaction(async (tx) => {
    // One writer at a time across instances: the counters are read-modify-write.
    await tx.get('SELECT pg_advisory_xact_lock(4243)');
    const existing = new Map<string, DossierRecord>();
    const found = await tx.all<DossierRow>(`SELECT ${SELECT_COLUMNS} FROM dossier WHERE code = ANY(?::text[])`, [
      rows.map((r) => r.code),
    ]);
    for (const r of found) existing.set(r.code, dossierFromRow(r));
    const plan = planBatch(existing, rows);
    const width = WRITE_COLUMNS.length;
    if (plan.inserts.length > 0) {
      await tx.run(
        `INSERT INTO dossier (${WRITE_COLUMNS.join(', ')}) SELECT * FROM ${unnestSql(WRITE_COLUMNS)}`,
        columnArrays(plan.inserts.map((d) => writeRowValues(d, importId, now)), width),
      );
    }
    if (plan.updates.length > 0) {
      const set = WRITE_COLUMNS.slice(1).map((c) => `${c} = u.${c}`).join(', ');
      await tx.run(
        `UPDATE dossier SET ${set} FROM ${unnestSql(WRITE_COLUMNS)} AS u(${WRITE_COLUMNS.join(', ')}) WHERE dossier.code = u.code`,
        columnArrays(plan.updates.map((d) => writeRowValues(d, importId, now)), width),
      );
    }
    await upsertDeltasPg(tx, 'figure_day', plan.deltas.dayRows());
    await upsertDeltasPg(tx, 'figure_month', plan.deltas.monthRows());
    if (!plan.deltas.isEmpty) await tx.run(BUMP_FIGURES_VERSION_SQL, [newFiguresVersion()]);
    return { inserted: plan.inserts.length, updated: plan.updates.length, unchanged: plan.unchanged };
  });
}

/**
 * Rebuilds both figure tables from the dossiers (a repair tool, and the reference that
 * tests compare the incrementally kept counters with).
 */
export async function rebuildFigures(store: Store): Promise<void> {
  const deltas = new FigureDeltas();
  const page = 20_000;
  for (let after = 0; ; ) {
    const batch = await store.sql.all<DossierRow & { id: unknown }>(
      `SELECT id, ${SELECT_COLUMNS} FROM dossier WHERE id > ? ORDER BY id LIMIT ${page}`,
      [after],
    );
    for (const r of batch) deltas.add(contributionOf(dossierFromRow(r)), 1);
    if (batch.length < page) break;
    after = Number(batch[batch.length - 1]!.id);
  }
  await store.sql.transaction(async (tx) => {
    await tx.run('DELETE FROM figure_day');
    await tx.run('DELETE FROM figure_month');
    const insert = async (table: 'figure_day' | 'figure_month', rows: CountDelta[]) => {
      for (const r of rows)
        await tx.run(upsertDeltaSql(table, `VALUES (?, ?, ${COUNT_COLUMNS.map(() => '?').join(', ')})`), [r.communeId, r.day, ...r.values]);
    };
    await insert('figure_day', deltas.dayRows());
    await insert('figure_month', deltas.monthRows());
    await tx.run(BUMP_FIGURES_VERSION_SQL, [newFiguresVersion()]);
  });
}

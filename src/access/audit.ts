import type { SqlExecutor } from '../data/sql/driver.js';
import type { Store } from '../data/store.js';

/** What the audit log records. */
export type AuditAction =
  | 'registration_requested'
  | 'registration_approved'
  | 'registration_rejected'
  | 'bound'
  | 'revoked'
  | 'retired'
  | 'migrated'
  | 'denied'
  | 'import'
  /** An administrator added or removed a recommendation routing rule (/quytac). */
  | 'routing_rule'
  /** A chat tried to see or act on a recommendation outside its scope. */
  | 'cross_scope'
  | 'schedule_changed'
  | 'policy_changed'
  | 'acknowledged'
  | 'silenced'
  | 'unsilenced';

export interface AuditView {
  at: Date;
  actor: string;
  chat: string | null;
  action: string;
  detail: string | null;
}

/**
 * Appends one entry. `actor` and `chat` are platform-qualified ids ("telegram:123");
 * `detail` is short and code-like (a command name, a role and unit id, counts), never the
 * text of a message.
 */
export async function audit(store: Store, entry: AuditInput): Promise<void> {
  await auditWithin(store.sql, entry);
}

/** What one audit entry says. */
export interface AuditInput {
  at: Date;
  actor: string;
  chat?: string | null;
  action: AuditAction;
  detail?: string | null;
}

/** audit inside a transaction the caller holds. */
export async function auditWithin(tx: SqlExecutor, entry: AuditInput): Promise<void> {
  // Raw SQL: imports audit themselves and avoid loading Prisma's query compiler (meta.ts).
  await tx.run('INSERT INTO audit_entry (at, actor, chat, action, detail) VALUES (?, ?, ?, ?, ?)', [
    entry.at,
    entry.actor,
    entry.chat ?? null,
    entry.action,
    entry.detail ?? null,
  ]);
}

/** The latest entries, newest first. */
export async function latestAudit(store: Store, limit = 20): Promise<AuditView[]> {
  return store.prisma.auditEntry.findMany({ orderBy: [{ at: 'desc' }, { id: 'desc' }], take: limit });
}

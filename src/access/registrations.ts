import type { SqlExecutor } from '../data/sql/driver.js';
import type { Store } from '../data/store.js';
import type { ChatKey } from './bindings.js';
import type { Role } from './roles.js';

export interface Registration {
  id: number;
  code: string;
  platform: string;
  chatId: string;
  chatTitle: string | null;
  isGroup: boolean;
  requesterId: string;
  requesterName: string | null;
  role: Role;
  unitId: number | null;
  status: 'pending' | 'approved' | 'rejected';
  reason: string | null;
  createdAt: Date;
}

type Row = Omit<Registration, 'role' | 'status'> & { role: string; status: string };
const toRegistration = (r: Row): Registration => ({ ...r, role: r.role as Role, status: r.status as Registration['status'] });

/** The chat's pending request, if any. */
async function pendingRequest(store: Store, k: ChatKey): Promise<Registration | null> {
  const r = await store.prisma.registrationRequest.findFirst({ where: { platform: k.platform, chatId: k.chatId, status: 'pending' } });
  return r ? toRegistration(r) : null;
}

/** Pending requests, oldest first. */
export async function pendingRequests(store: Store): Promise<Registration[]> {
  return (await store.prisma.registrationRequest.findMany({ where: { status: 'pending' }, orderBy: { createdAt: 'asc' } })).map(toRegistration);
}

/** A request by its code ("DK12"), whatever its status. */
export async function requestByCode(store: Store, code: string): Promise<Registration | null> {
  const r = await store.prisma.registrationRequest.findUnique({ where: { code: code.trim().toUpperCase() } });
  return r ? toRegistration(r) : null;
}

/**
 * Files a request; the code is "DK" + its number, short enough to type in /duyet.
 * A chat with a pending request gets that request back instead of a second one.
 */
export async function fileRequest(
  store: Store,
  k: ChatKey & { chatTitle: string | null; isGroup: boolean },
  requester: { id: string; name: string | null },
  role: Role,
  unitId: number | null,
  now: Date,
): Promise<{ request: Registration; created: boolean }> {
  const existing = await pendingRequest(store, k);
  if (existing) return { request: existing, created: false };
  try {
    const created = await store.prisma.registrationRequest.create({
      data: {
        code: `TMP-${Date.now()}-${Math.random().toString(36).slice(2)}`,
        platform: k.platform,
        chatId: k.chatId,
        chatTitle: k.chatTitle,
        isGroup: k.isGroup,
        requesterId: requester.id,
        requesterName: requester.name,
        role,
        unitId,
        createdAt: now,
      },
    });
    const withCode = await store.prisma.registrationRequest.update({ where: { id: created.id }, data: { code: `DK${created.id}` } });
    return { request: toRegistration(withCode), created: true };
  } catch (err) {
    // Two requests from one chat at once: the partial unique index keeps one.
    const again = await pendingRequest(store, k);
    if (again) return { request: again, created: false };
    throw err;
  }
}

/** Records a decision on a pending request, inside the caller's transaction; false when it was no longer pending. */
export async function decideRequestWithin(tx: SqlExecutor, id: number, status: 'approved' | 'rejected', by: string, reason: string | null, now: Date): Promise<boolean> {
  const changed = await tx.run(`UPDATE registration_request SET status = ?, decided_by = ?, decided_at = ?, reason = ? WHERE id = ? AND status = 'pending'`, [
    status,
    by,
    now,
    reason,
    id,
  ]);
  return changed === 1;
}

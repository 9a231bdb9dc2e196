import type { Reply } from '../core/reply.js';
import { userError } from '../core/reply.js';
import type { Directory } from '../data/directory.js';
import { HOTLINE_TEXT as H } from '../text/hotline-messages.js';
import type { Access } from '../access/access.js';
import { dossierScope } from '../access/permissions.js';
import { REOPEN_WITHIN_DAYS, type ActionResult, type Refusal } from './actions.js';
import { departmentName } from './cards.js';

/** The Vietnamese answer to a refused action (nothing was changed). */
export function refusalReply(code: string, refusal: Refusal, dir: Directory, access: Access, currentDepartment: number | null = null): Reply {
  switch (refusal.reason) {
    case 'not_found':
      return { status: 'not_found', blocks: [{ kind: 'text', text: H.notFound(code) }] };
    case 'other_scope':
      return { status: 'denied', blocks: [{ kind: 'text', text: H.otherScope(code, dossierScope(access, dir).label ?? 'chưa đăng ký') }] };
    case 'not_owner':
      return { status: 'denied', blocks: [{ kind: 'text', text: H.notOwner(code, departmentName(dir, refusal.owner)) }] };
    case 'not_commune':
      return { status: 'denied', blocks: [{ kind: 'text', text: H.notCommune(code) }] };
    case 'commune_cannot_answer':
      return userError(H.communeCannotAnswer(code));
    case 'closed':
      return userError(H.alreadyClosed(code));
    case 'not_answered':
      return userError(H.notAnswered(code));
    case 'wrong_status':
      return userError(H.notOpen(code, H.statusLabel[refusal.status] ?? refusal.status));
    case 'too_late':
      return userError(H.tooLate(code, REOPEN_WITHIN_DAYS));
    case 'same_department':
      return userError(H.sameDepartment(code, departmentName(dir, currentDepartment)));
    case 'reason_missing':
      return userError(H.reasonMissing(code));
    case 'move_not_allowed':
      return userError(H.moveNotAllowed(code));
  }
}

/** The refusal's reply, or null when the action was done. */
export function refusedReply(r: ActionResult, dir: Directory, access: Access): Reply | null {
  return r.kind === 'refused' ? refusalReply(r.code, r.refusal, dir, access, r.item?.departmentId ?? null) : null;
}

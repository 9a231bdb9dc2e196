import type { Router } from '../../../core/router.js';
import type { CallbackIds } from '../../../delivery/callback-ids.js';
import type { Logger } from '../../../log.js';
import type { TelegramResponder } from '../responder.js';

/** What the Telegram features use: the core router, the responder, the button ids. */
export interface FeatureDeps {
  router: Router;
  responder: TelegramResponder;
  ids: CallbackIds;
  log: Logger;
  /** Show "typing…" when a command has not answered after this long. */
  typingAfterMs: number;
  /** The dedupe key of the reply to an update (its messages add ":<index>"). */
  replyKey: (updateId: number) => string;
}

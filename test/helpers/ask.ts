import type { App } from '../../src/app.js';
import { plainText } from '../../src/channel/render/lines.js';
import type { Reply } from '../../src/core/reply.js';
import type { ChatRef } from '../../src/core/request.js';

const CONSOLE_CHAT: ChatRef = { platform: 'console', id: 'test', kind: 'private' };

/** Sends one message as the console user and returns the reply (failing when there is none). */
export async function ask(app: App, text: string, chat: ChatRef = CONSOLE_CHAT): Promise<Reply> {
  const r = await app.router.handle({ text, chat, user: { id: 'tester', name: 'Người thử' }, addressed: true });
  if (!r) throw new Error(`no reply to ${text}`);
  return r;
}

/** The reply as plain text, as the console and Zalo show it. */
export function plain(r: Reply): string {
  return plainText(r);
}

/** Every labelled value of a reply, in order, as [label, value] pairs. */
export function fields(r: Reply): [string, string][] {
  return r.blocks.flatMap((b) => (b.kind === 'fields' ? b.rows.map((f): [string, string] => [f.label, f.value]) : []));
}

/** The value of the first field whose label matches, or undefined. */
export function field(r: Reply, label: string | RegExp): string | undefined {
  return fields(r).find(([l]) => (typeof label === 'string' ? l === label : label.test(l)))?.[1];
}

/** The value of the first field with this label after the field `after` (e.g. "Quá hạn" under "Đang giải quyết"). */
export function fieldAfter(r: Reply, after: string | RegExp, label: string): string | undefined {
  const all = fields(r);
  const i = all.findIndex(([l]) => (typeof after === 'string' ? l === after : after.test(l)));
  return i < 0 ? undefined : all.slice(i + 1).find(([l]) => l === label)?.[1];
}

import type { Store } from '../data/store.js';
import { storedSchedules } from './alert-store.js';
import { alertChats, type AlertChat } from './chats.js';
import { defaultSchedule, type Schedule } from './schedule.js';

/** Every chat with its schedule (its role's default when it has none); chats without digests left out. */
export async function chatsWithSchedules(store: Store, extra: readonly AlertChat[] = []): Promise<{ chat: AlertChat; schedule: Schedule }[]> {
  const [chats, stored] = await Promise.all([alertChats(store, extra), storedSchedules(store)]);
  const out: { chat: AlertChat; schedule: Schedule }[] = [];
  for (const chat of chats) {
    const schedule = stored.get(chat.key) ?? defaultSchedule(chat.role);
    if (schedule) out.push({ chat, schedule });
  }
  return out;
}

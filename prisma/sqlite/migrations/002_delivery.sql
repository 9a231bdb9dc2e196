-- 002: delivery — incoming-update de-duplication, the persisted outbox and server-side
-- button actions (short callback ids). Kept in step with prisma/models/delivery.prisma.
-- DateTime columns hold Unix epoch milliseconds (Prisma adapter option 'unixepoch-ms').

CREATE TABLE inbound_update (
  platform TEXT NOT NULL,
  update_key TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'processing',
  owner TEXT NOT NULL,
  claimed_at INTEGER NOT NULL,
  done_at INTEGER,
  PRIMARY KEY (platform, update_key)
);
CREATE INDEX inbound_update_claimed_at_idx ON inbound_update(claimed_at);

CREATE TABLE outbox_message (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  platform TEXT NOT NULL,
  chat_id TEXT NOT NULL,
  is_group BOOLEAN NOT NULL DEFAULT 0,
  dedupe_key TEXT NOT NULL UNIQUE,
  payload TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending',
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  lease_until INTEGER,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  sent_at INTEGER
);
CREATE INDEX outbox_message_status_next_attempt_at_idx ON outbox_message(status, next_attempt_at);
CREATE INDEX outbox_message_platform_chat_id_status_idx ON outbox_message(platform, chat_id, status);

CREATE TABLE callback_action (
  id TEXT PRIMARY KEY,
  platform TEXT NOT NULL,
  chat_id TEXT NOT NULL,
  action TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX callback_action_created_at_idx ON callback_action(created_at);

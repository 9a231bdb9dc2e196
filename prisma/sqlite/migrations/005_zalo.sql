-- 005: Zalo — the monthly message count, updates kept until answered, pictures served
-- to Zalo by URL. Kept in step with prisma/models/zalo.prisma.
-- DateTime columns hold Unix epoch milliseconds (Prisma adapter option 'unixepoch-ms').

CREATE TABLE zalo_quota (
  bot TEXT NOT NULL,
  month TEXT NOT NULL,
  sent INTEGER NOT NULL DEFAULT 0,
  warned_at INTEGER,
  PRIMARY KEY (bot, month)
);

CREATE TABLE zalo_inbox (
  bot TEXT NOT NULL,
  message_id TEXT NOT NULL,
  payload TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  PRIMARY KEY (bot, message_id)
);
CREATE INDEX zalo_inbox_received_at_idx ON zalo_inbox(received_at);

CREATE TABLE zalo_image (
  id TEXT PRIMARY KEY,
  bot TEXT NOT NULL,
  png BLOB NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX zalo_image_expires_at_idx ON zalo_image(expires_at);

-- 012: the chat channel. Updates are kept with their content in inbound_update from the
-- moment they arrive until answered (for every platform, not only Zalo), so zalo_inbox
-- goes; outbox messages get a priority (0 a reply to a person, 1 a message nobody asked
-- for), so replies overtake bulk sends; a Zalo bot's episodes of "Quota exceeded" are recorded
-- so administrators hear of each lasting one once. Kept in step with prisma/models/delivery.prisma and
-- prisma/models/zalo.prisma.
-- DateTime columns hold Unix epoch milliseconds (Prisma adapter option 'unixepoch-ms').

ALTER TABLE inbound_update ADD COLUMN payload TEXT;
INSERT INTO inbound_update (platform, update_key, status, owner, claimed_at, payload)
  SELECT bot, message_id, 'received', 'migrated', received_at, payload FROM zalo_inbox WHERE true
  ON CONFLICT (platform, update_key) DO UPDATE SET payload = excluded.payload WHERE inbound_update.status <> 'done';
DROP TABLE zalo_inbox;
CREATE INDEX inbound_update_waiting_idx ON inbound_update(platform, claimed_at) WHERE status <> 'done';

ALTER TABLE outbox_message ADD COLUMN priority INTEGER NOT NULL DEFAULT 0;
DROP INDEX outbox_message_status_next_attempt_at_idx;
DROP INDEX outbox_message_platform_chat_id_status_idx;
CREATE INDEX outbox_message_due_idx ON outbox_message(platform, status, priority, next_attempt_at);
CREATE INDEX outbox_message_chat_idx ON outbox_message(platform, chat_id, priority, status, id);
CREATE INDEX outbox_message_created_at_idx ON outbox_message(created_at);

ALTER TABLE zalo_quota ADD COLUMN limited_since INTEGER;
ALTER TABLE zalo_quota ADD COLUMN limited_told_at INTEGER;

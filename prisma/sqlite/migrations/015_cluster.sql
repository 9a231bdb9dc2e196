-- 015: several instances on one store. Each instance records that it is alive
-- (cluster_instance, a heartbeat every few seconds); a role only one instance may play at a
-- time (polling a platform, the scheduler) is a lease held by a live instance. Updates keep
-- their chat and the order they arrived in, so one chat's updates are answered in order
-- whichever instance received them; an outbox message being sent records its sender, so a
-- dead sender's message is taken over at once. Kept in step with prisma/models/cluster.prisma
-- and prisma/models/delivery.prisma.
-- DateTime columns hold Unix epoch milliseconds (Prisma adapter option 'unixepoch-ms').

CREATE TABLE cluster_instance (
  id TEXT PRIMARY KEY,
  host TEXT NOT NULL,
  pid INTEGER NOT NULL,
  started_at INTEGER NOT NULL,
  heartbeat_at INTEGER NOT NULL
);
CREATE INDEX cluster_instance_heartbeat_at_idx ON cluster_instance(heartbeat_at);

CREATE TABLE cluster_lease (
  name TEXT PRIMARY KEY,
  holder TEXT,
  acquired_at INTEGER
);

ALTER TABLE inbound_update ADD COLUMN chat_id TEXT;
ALTER TABLE inbound_update ADD COLUMN seq INTEGER;
UPDATE inbound_update SET seq = rowid;
CREATE INDEX inbound_update_chat_idx ON inbound_update(platform, chat_id, seq) WHERE status <> 'done';

ALTER TABLE outbox_message ADD COLUMN lease_owner TEXT;

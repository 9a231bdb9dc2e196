-- 013: decisions offered in notices (approve or reject a registration…), kept per chat, so
-- a bare number answers a decision only when it is unambiguous; and no chat keeps the
-- administrator role (administrators are people, listed in ADMIN_IDS).
-- Kept in step with prisma/models/offers.prisma.
-- DateTime columns hold Unix epoch milliseconds (Prisma adapter option 'unixepoch-ms').

CREATE TABLE decision_offer (
  chat_key TEXT NOT NULL,
  ref TEXT NOT NULL,
  label TEXT NOT NULL,
  payload TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  PRIMARY KEY (chat_key, ref)
);
CREATE INDEX decision_offer_ref_idx ON decision_offer(ref);

UPDATE chat_binding SET retired_at = CAST(strftime('%s', 'now') AS INTEGER) * 1000 WHERE role = 'admin' AND retired_at IS NULL;

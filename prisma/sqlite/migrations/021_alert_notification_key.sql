-- 021: the notification log is keyed by what it records, without a row id: one B-tree
-- instead of a table and its index. A first pass over 1,000 chats writes about 140,000
-- rows; the pass took 3.0-3.4 s before, 2.7-2.9 s after (bench/sections/alerts.ts).
CREATE TABLE alert_notification_keyed (
  alert_id INTEGER NOT NULL,
  chat TEXT NOT NULL,
  state TEXT NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (alert_id, chat, state, at)
) WITHOUT ROWID;
INSERT OR IGNORE INTO alert_notification_keyed (alert_id, chat, state, at)
  SELECT alert_id, chat, state, at FROM alert_notification;
DROP TABLE alert_notification;
ALTER TABLE alert_notification_keyed RENAME TO alert_notification;

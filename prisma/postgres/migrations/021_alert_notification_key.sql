-- 021: the notification log is keyed by what it records (as on SQLite, where this saves a
-- second B-tree); a row recorded twice in the same millisecond is kept once.
DELETE FROM alert_notification a USING alert_notification b
  WHERE a.id > b.id AND a.alert_id = b.alert_id AND a.chat = b.chat AND a.state = b.state AND a.at = b.at;
DROP INDEX alert_notification_idx;
ALTER TABLE alert_notification DROP COLUMN id;
ALTER TABLE alert_notification ADD PRIMARY KEY (alert_id, chat, state, at);

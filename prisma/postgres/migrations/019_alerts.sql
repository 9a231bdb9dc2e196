-- 019: overdue alerts. Per-chat digest schedules (absent: the role's default), the
-- escalation policy per province (absent: the defaults), one alert per overdue dossier with
-- its level and the policy it fired under, acknowledgements, silences (author, reason, end),
-- the notification log (what was announced to which chat, in which state) and the digest
-- slots already handled. Kept in step with prisma/models/alerts.prisma.

CREATE TABLE alert_schedule (
  chat TEXT PRIMARY KEY,
  times TEXT NOT NULL,
  weekday INTEGER,
  enabled BOOLEAN NOT NULL,
  all_clear BOOLEAN NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at TIMESTAMP(3) NOT NULL
);

CREATE TABLE alert_policy (
  province_id INTEGER PRIMARY KEY,
  thresholds TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at TIMESTAMP(3) NOT NULL
);

CREATE TABLE overdue_alert (
  id SERIAL PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  province_id INTEGER NOT NULL,
  commune_id INTEGER NOT NULL,
  sector_id INTEGER,
  due_at TIMESTAMP(3) NOT NULL,
  policy TEXT NOT NULL,
  level INTEGER NOT NULL,
  state TEXT NOT NULL,
  fired_at TIMESTAMP(3) NOT NULL,
  level_at TIMESTAMP(3) NOT NULL,
  resolved_at TIMESTAMP(3)
);
CREATE INDEX overdue_alert_state_idx ON overdue_alert(province_id, state);

CREATE TABLE alert_ack (
  id SERIAL PRIMARY KEY,
  code TEXT NOT NULL,
  actor TEXT NOT NULL,
  actor_name TEXT,
  chat TEXT NOT NULL,
  until_day TEXT NOT NULL,
  created_at TIMESTAMP(3) NOT NULL,
  expiry_noted_at TIMESTAMP(3)
);
CREATE INDEX alert_ack_code_idx ON alert_ack(code);

CREATE TABLE alert_silence (
  id SERIAL PRIMARY KEY,
  province_id INTEGER,
  kind TEXT NOT NULL,
  target_id INTEGER,
  target_code TEXT,
  label TEXT NOT NULL,
  reason TEXT NOT NULL,
  ends_at TIMESTAMP(3) NOT NULL,
  created_by TEXT NOT NULL,
  chat TEXT NOT NULL,
  created_at TIMESTAMP(3) NOT NULL,
  ended_at TIMESTAMP(3),
  ended_by TEXT
);
CREATE INDEX alert_silence_ends_idx ON alert_silence(ends_at);

CREATE TABLE alert_notification (
  id SERIAL PRIMARY KEY,
  alert_id INTEGER NOT NULL,
  chat TEXT NOT NULL,
  state TEXT NOT NULL,
  at TIMESTAMP(3) NOT NULL
);
CREATE INDEX alert_notification_idx ON alert_notification(alert_id, chat, state, at);

CREATE TABLE digest_run (
  chat TEXT NOT NULL,
  slot TEXT NOT NULL,
  status TEXT NOT NULL,
  at TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (chat, slot)
);
CREATE INDEX digest_run_at_idx ON digest_run(chat, at);

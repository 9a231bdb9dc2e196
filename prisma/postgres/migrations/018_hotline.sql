-- 018: the hotline for recommendations (đường dây nóng kiến nghị): each department's
-- deadline to answer and the fields it owns, keyword → department routing rules, and
-- what a recommendation raised in a chat needs (where it came from, who raised it, the
-- suggested field, the paused deadline, its history).
-- Kept in step with prisma/models/hotline.prisma and prisma/models/store.prisma.

ALTER TABLE department ADD COLUMN answer_days INTEGER NOT NULL DEFAULT 5;

CREATE TABLE department_field (
  id SERIAL PRIMARY KEY,
  department_id INTEGER NOT NULL REFERENCES department(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  UNIQUE (department_id, name)
);

CREATE TABLE routing_rule (
  id SERIAL PRIMARY KEY,
  province_id INTEGER NOT NULL REFERENCES province(id),
  keyword TEXT NOT NULL,
  match_key TEXT NOT NULL,
  department_id INTEGER NOT NULL REFERENCES department(id) ON DELETE CASCADE,
  field TEXT,
  origin TEXT NOT NULL,
  created_by TEXT,
  created_at TIMESTAMP(3) NOT NULL,
  UNIQUE (province_id, match_key, department_id)
);
CREATE INDEX routing_rule_department_id_idx ON routing_rule(department_id);

ALTER TABLE recommendation ADD COLUMN field TEXT;
ALTER TABLE recommendation ADD COLUMN chat_platform TEXT;
ALTER TABLE recommendation ADD COLUMN chat_id TEXT;
ALTER TABLE recommendation ADD COLUMN chat_is_group BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE recommendation ADD COLUMN sender_id TEXT;
ALTER TABLE recommendation ADD COLUMN sender_name TEXT;
ALTER TABLE recommendation ADD COLUMN source_message TEXT;
ALTER TABLE recommendation ADD COLUMN paused_at TIMESTAMP(3);
ALTER TABLE recommendation ADD COLUMN closed_at TIMESTAMP(3);
CREATE UNIQUE INDEX recommendation_source_message_key ON recommendation(source_message);
CREATE INDEX recommendation_status_idx ON recommendation(status);

CREATE TABLE recommendation_event (
  id SERIAL PRIMARY KEY,
  recommendation_id INTEGER NOT NULL REFERENCES recommendation(id) ON DELETE CASCADE,
  at TIMESTAMP(3) NOT NULL,
  kind TEXT NOT NULL,
  actor TEXT,
  actor_name TEXT,
  department_id INTEGER,
  text TEXT
);
CREATE INDEX recommendation_event_recommendation_id_idx ON recommendation_event(recommendation_id);

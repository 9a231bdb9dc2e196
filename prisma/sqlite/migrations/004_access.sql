-- 004: chat bindings (roles), registration requests and the audit log.

CREATE TABLE chat_binding (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  platform TEXT NOT NULL,
  chat_id TEXT NOT NULL,
  chat_title TEXT,
  is_group BOOLEAN NOT NULL,
  role TEXT NOT NULL,
  unit_id INTEGER,
  bound_by TEXT NOT NULL,
  bound_at DATETIME NOT NULL,
  retired_at DATETIME
);
CREATE INDEX chat_binding_platform_chat_id_idx ON chat_binding(platform, chat_id);
-- At most one active binding per chat.
CREATE UNIQUE INDEX chat_binding_active_idx ON chat_binding(platform, chat_id) WHERE retired_at IS NULL;

CREATE TABLE registration_request (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  code TEXT NOT NULL UNIQUE,
  platform TEXT NOT NULL,
  chat_id TEXT NOT NULL,
  chat_title TEXT,
  is_group BOOLEAN NOT NULL,
  requester_id TEXT NOT NULL,
  requester_name TEXT,
  role TEXT NOT NULL,
  unit_id INTEGER,
  status TEXT NOT NULL DEFAULT 'pending',
  reason TEXT,
  created_at DATETIME NOT NULL,
  decided_at DATETIME,
  decided_by TEXT
);
CREATE INDEX registration_request_platform_chat_id_status_idx ON registration_request(platform, chat_id, status);
-- A chat has at most one pending request.
CREATE UNIQUE INDEX registration_request_pending_idx ON registration_request(platform, chat_id) WHERE status = 'pending';

CREATE TABLE audit_entry (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at DATETIME NOT NULL,
  actor TEXT NOT NULL,
  chat TEXT,
  action TEXT NOT NULL,
  detail TEXT
);
CREATE INDEX audit_entry_at_idx ON audit_entry(at);

CREATE TABLE notice (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  key TEXT NOT NULL UNIQUE,
  platform TEXT NOT NULL,
  chat_id TEXT NOT NULL,
  is_group BOOLEAN NOT NULL,
  payload TEXT NOT NULL,
  created_at DATETIME NOT NULL,
  delivered_at DATETIME
);
CREATE INDEX notice_platform_delivered_at_idx ON notice(platform, delivered_at);

-- 001: units, departments, sectors, working groups, dossiers with their pre-aggregated
-- figures, reported figures, indicators, recommendations, the calendar and import runs.
-- Kept in step with prisma/models/*.prisma; test/data/schema.test.ts checks every model.
-- DateTime columns are timestamp(3) without time zone holding UTC, as Prisma expects.

CREATE TABLE province (
  id SERIAL PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  type TEXT NOT NULL
);

CREATE TABLE working_group (
  id SERIAL PRIMARY KEY,
  province_id INTEGER NOT NULL REFERENCES province(id),
  number INTEGER NOT NULL,
  leader_name TEXT NOT NULL,
  leader_title TEXT NOT NULL,
  UNIQUE (province_id, number)
);

CREATE TABLE commune (
  id SERIAL PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  province_id INTEGER NOT NULL REFERENCES province(id),
  working_group_id INTEGER REFERENCES working_group(id) ON DELETE SET NULL
);
CREATE INDEX commune_province_id_idx ON commune(province_id);

CREATE TABLE former_unit (
  id SERIAL PRIMARY KEY,
  commune_id INTEGER NOT NULL REFERENCES commune(id) ON DELETE CASCADE,
  code TEXT,
  name TEXT NOT NULL,
  type TEXT,
  district TEXT,
  share TEXT,
  UNIQUE (commune_id, name)
);

CREATE TABLE department (
  id SERIAL PRIMARY KEY,
  province_id INTEGER NOT NULL REFERENCES province(id),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  UNIQUE (province_id, code)
);

CREATE TABLE sector (
  id SERIAL PRIMARY KEY,
  province_id INTEGER NOT NULL REFERENCES province(id),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  department_id INTEGER REFERENCES department(id) ON DELETE SET NULL,
  UNIQUE (province_id, code)
);

CREATE TABLE dossier (
  id SERIAL PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  commune_id INTEGER NOT NULL REFERENCES commune(id),
  sector_id INTEGER REFERENCES sector(id),
  channel INTEGER NOT NULL,
  received_at TIMESTAMP(3) NOT NULL,
  due_at TIMESTAMP(3),
  processed_at TIMESTAMP(3),
  returned_at TIMESTAMP(3),
  closed_at TIMESTAMP(3),
  status INTEGER NOT NULL,
  supplement_count INTEGER NOT NULL DEFAULT 0,
  supplement_days INTEGER NOT NULL DEFAULT 0,
  import_id INTEGER,
  updated_at TIMESTAMP(3) NOT NULL
);
CREATE INDEX dossier_commune_id_received_at_idx ON dossier(commune_id, received_at);
-- Dossiers that are still open or were closed after their due date: the only ones that can
-- be "overdue in progress" at any moment, a few percent of all rows.
CREATE INDEX dossier_open_or_late_idx ON dossier(commune_id, due_at, closed_at)
  WHERE closed_at IS NULL OR closed_at > due_at;
-- Open dossiers by commune and status: paused counts, overdue and due-soon lists.
CREATE INDEX dossier_open_idx ON dossier(commune_id, status, due_at) WHERE closed_at IS NULL;

CREATE TABLE figure_day (
  commune_id INTEGER NOT NULL,
  day INTEGER NOT NULL,
  received_online INTEGER NOT NULL DEFAULT 0,
  received_direct INTEGER NOT NULL DEFAULT 0,
  received_postal INTEGER NOT NULL DEFAULT 0,
  closed_online INTEGER NOT NULL DEFAULT 0,
  closed_direct INTEGER NOT NULL DEFAULT 0,
  closed_postal INTEGER NOT NULL DEFAULT 0,
  resolved_early INTEGER NOT NULL DEFAULT 0,
  resolved_on_time INTEGER NOT NULL DEFAULT 0,
  resolved_late INTEGER NOT NULL DEFAULT 0,
  resolved_in_time_766 INTEGER NOT NULL DEFAULT 0,
  refused INTEGER NOT NULL DEFAULT 0,
  withdrawn INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (commune_id, day)
);

CREATE TABLE figure_month (
  commune_id INTEGER NOT NULL,
  day INTEGER NOT NULL,
  received_online INTEGER NOT NULL DEFAULT 0,
  received_direct INTEGER NOT NULL DEFAULT 0,
  received_postal INTEGER NOT NULL DEFAULT 0,
  closed_online INTEGER NOT NULL DEFAULT 0,
  closed_direct INTEGER NOT NULL DEFAULT 0,
  closed_postal INTEGER NOT NULL DEFAULT 0,
  resolved_early INTEGER NOT NULL DEFAULT 0,
  resolved_on_time INTEGER NOT NULL DEFAULT 0,
  resolved_late INTEGER NOT NULL DEFAULT 0,
  resolved_in_time_766 INTEGER NOT NULL DEFAULT 0,
  refused INTEGER NOT NULL DEFAULT 0,
  withdrawn INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (commune_id, day)
);

CREATE TABLE reported_figure (
  id SERIAL PRIMARY KEY,
  unit_kind TEXT NOT NULL,
  unit_id INTEGER NOT NULL,
  period_from TEXT NOT NULL,
  period_to TEXT NOT NULL,
  metric TEXT NOT NULL,
  value DOUBLE PRECISION NOT NULL,
  qualifier TEXT NOT NULL DEFAULT 'exact',
  source TEXT NOT NULL,
  source_date TEXT NOT NULL,
  UNIQUE (unit_kind, unit_id, period_from, period_to, metric)
);

CREATE TABLE indicator (
  id SERIAL PRIMARY KEY,
  unit_kind TEXT NOT NULL,
  unit_id INTEGER NOT NULL,
  period_from TEXT NOT NULL,
  period_to TEXT NOT NULL,
  kind TEXT NOT NULL,
  value DOUBLE PRECISION,
  rank INTEGER,
  rank_of INTEGER,
  source TEXT NOT NULL,
  source_date TEXT NOT NULL,
  UNIQUE (unit_kind, unit_id, period_from, period_to, kind)
);

CREATE TABLE recommendation (
  id SERIAL PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  province_id INTEGER NOT NULL REFERENCES province(id),
  content TEXT NOT NULL,
  raised_at TIMESTAMP(3) NOT NULL,
  due_at TIMESTAMP(3),
  status TEXT NOT NULL DEFAULT 'open',
  answer TEXT,
  answered_at TIMESTAMP(3),
  source TEXT NOT NULL
);

CREATE TABLE recommendation_commune (
  recommendation_id INTEGER NOT NULL REFERENCES recommendation(id) ON DELETE CASCADE,
  commune_id INTEGER NOT NULL,
  PRIMARY KEY (recommendation_id, commune_id)
);
CREATE INDEX recommendation_commune_commune_id_idx ON recommendation_commune(commune_id);

CREATE TABLE recommendation_department (
  recommendation_id INTEGER NOT NULL REFERENCES recommendation(id) ON DELETE CASCADE,
  department_id INTEGER NOT NULL,
  lead BOOLEAN NOT NULL DEFAULT TRUE,
  PRIMARY KEY (recommendation_id, department_id)
);
CREATE INDEX recommendation_department_department_id_idx ON recommendation_department(department_id);

CREATE TABLE calendar_day (
  date TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  note TEXT
);

CREATE TABLE import_run (
  id SERIAL PRIMARY KEY,
  kind TEXT NOT NULL,
  source TEXT NOT NULL,
  started_at TIMESTAMP(3) NOT NULL,
  finished_at TIMESTAMP(3),
  inserted INTEGER NOT NULL DEFAULT 0,
  updated INTEGER NOT NULL DEFAULT 0,
  unchanged INTEGER NOT NULL DEFAULT 0,
  rejected INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'running'
);
CREATE INDEX import_run_finished_at_idx ON import_run(finished_at);

CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

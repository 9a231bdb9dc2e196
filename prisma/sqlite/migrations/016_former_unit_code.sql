-- 016: former units are keyed by their old code inside their new unit, so two old units of
-- one name merged into one commune (Thị trấn Yên Viên 00526 and Xã Yên Viên 00532, both now
-- Xã Phù Đổng) are two rows; a unit listed without a code is keyed by its name.
-- SQLite cannot drop a table constraint, so the table is rebuilt with its rows and ids.
-- Kept in step with prisma/models/store.prisma.

CREATE TABLE former_unit_keyed (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  commune_id INTEGER NOT NULL REFERENCES commune(id) ON DELETE CASCADE,
  code TEXT,
  name TEXT NOT NULL,
  type TEXT,
  district TEXT,
  share TEXT
);
INSERT INTO former_unit_keyed (id, commune_id, code, name, type, district, share) SELECT id, commune_id, code, name, type, district, share FROM former_unit;
DROP TABLE former_unit;
ALTER TABLE former_unit_keyed RENAME TO former_unit;
CREATE UNIQUE INDEX former_unit_code_idx ON former_unit(commune_id, code) WHERE code IS NOT NULL;
CREATE UNIQUE INDEX former_unit_name_idx ON former_unit(commune_id, name) WHERE code IS NULL;

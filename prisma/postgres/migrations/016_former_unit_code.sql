-- 016: former units are keyed by their old code inside their new unit, so two old units of
-- one name merged into one commune (Thị trấn Yên Viên 00526 and Xã Yên Viên 00532, both now
-- Xã Phù Đổng) are two rows; a unit listed without a code is keyed by its name.
-- Kept in step with prisma/models/store.prisma.

ALTER TABLE former_unit DROP CONSTRAINT former_unit_commune_id_name_key;
CREATE UNIQUE INDEX former_unit_code_idx ON former_unit(commune_id, code) WHERE code IS NOT NULL;
CREATE UNIQUE INDEX former_unit_name_idx ON former_unit(commune_id, name) WHERE code IS NULL;

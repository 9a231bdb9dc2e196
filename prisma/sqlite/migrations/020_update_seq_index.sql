-- 020: the next update's sequence number is MAX(seq) + 1 on SQLite (a sequence on
-- PostgreSQL); without an index on seq that was a scan of every kept update, per update.
CREATE INDEX inbound_update_seq_idx ON inbound_update(seq);

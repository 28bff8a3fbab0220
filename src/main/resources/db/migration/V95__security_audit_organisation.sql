-- The audit log (module security) names the organisation of who acted (P:<provider>, C:<cluster id>, M:<municipality>),
-- so an administrator can filter it by organisation; the reading page is sorted by time.
ALTER TABLE audit_log ADD COLUMN organisation TEXT;
CREATE INDEX audit_log_time_idx ON audit_log (occurred_at DESC, id DESC);

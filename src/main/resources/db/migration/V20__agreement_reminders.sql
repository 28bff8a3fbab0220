-- When an agreement's owners were reminded (module meeting): once before the due date, once when it has passed.
ALTER TABLE meeting_agreement ADD COLUMN reminded_before_at TIMESTAMPTZ;
ALTER TABLE meeting_agreement ADD COLUMN reminded_overdue_at TIMESTAMPTZ;

-- Minutebook schema, version 7: when the meeting ended.
--
-- UK minutes close with "The meeting ended at 12.40pm". The time is the clerk's content, so
-- the meeting's version trigger counts it too.
ALTER TABLE meetings ADD COLUMN ended TEXT NOT NULL DEFAULT '';
DROP TRIGGER meetings_version;
CREATE TRIGGER meetings_version AFTER UPDATE OF date, start_time, venue, title, status, chair_id, approved_at_id, approved_on, amendments, ended ON meetings
WHEN OLD.date IS NOT NEW.date
    OR OLD.start_time IS NOT NEW.start_time
    OR OLD.venue IS NOT NEW.venue
    OR OLD.title IS NOT NEW.title
    OR OLD.status IS NOT NEW.status
    OR OLD.chair_id IS NOT NEW.chair_id
    OR OLD.approved_at_id IS NOT NEW.approved_at_id
    OR OLD.approved_on IS NOT NEW.approved_on
    OR OLD.amendments IS NOT NEW.amendments
    OR OLD.ended IS NOT NEW.ended
BEGIN
    UPDATE meetings SET version = OLD.version + 1 WHERE id = NEW.id;
END;

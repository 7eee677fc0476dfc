-- Minutebook schema, version 6: every record the clerk edits carries a version.
--
-- A save names the version it was based on and is refused when the file holds a newer one
-- (another window or program saved the record since): no stale copy is ever written over
-- newer text. The triggers count the version up whenever the clerk's content of a row changes,
-- by whatever path (a save, an [Action] tag keeping its action in step, a status change);
-- the columns the store keeps itself (positions, minute numbers, action references) are not
-- content, so renumbering never makes a copy stale.

ALTER TABLE bodies ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER bodies_version AFTER UPDATE OF name, short_code, numbering, chair_title, default_venue, default_time ON bodies
WHEN OLD.name IS NOT NEW.name
    OR OLD.short_code IS NOT NEW.short_code
    OR OLD.numbering IS NOT NEW.numbering
    OR OLD.chair_title IS NOT NEW.chair_title
    OR OLD.default_venue IS NOT NEW.default_venue
    OR OLD.default_time IS NOT NEW.default_time
BEGIN
    UPDATE bodies SET version = OLD.version + 1 WHERE id = NEW.id;
END;

ALTER TABLE people ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER people_version AFTER UPDATE OF body_id, title, name, authority, role, retired ON people
WHEN OLD.body_id IS NOT NEW.body_id
    OR OLD.title IS NOT NEW.title
    OR OLD.name IS NOT NEW.name
    OR OLD.authority IS NOT NEW.authority
    OR OLD.role IS NOT NEW.role
    OR OLD.retired IS NOT NEW.retired
BEGIN
    UPDATE people SET version = OLD.version + 1 WHERE id = NEW.id;
END;

ALTER TABLE meetings ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER meetings_version AFTER UPDATE OF date, start_time, venue, title, status, chair_id, approved_at_id, approved_on, amendments ON meetings
WHEN OLD.date IS NOT NEW.date
    OR OLD.start_time IS NOT NEW.start_time
    OR OLD.venue IS NOT NEW.venue
    OR OLD.title IS NOT NEW.title
    OR OLD.status IS NOT NEW.status
    OR OLD.chair_id IS NOT NEW.chair_id
    OR OLD.approved_at_id IS NOT NEW.approved_at_id
    OR OLD.approved_on IS NOT NEW.approved_on
    OR OLD.amendments IS NOT NEW.amendments
BEGIN
    UPDATE meetings SET version = OLD.version + 1 WHERE id = NEW.id;
END;

ALTER TABLE attendance ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER attendance_version AFTER UPDATE OF person_id, name, kind, role, substitute_for_id, arrived, left_at ON attendance
WHEN OLD.person_id IS NOT NEW.person_id
    OR OLD.name IS NOT NEW.name
    OR OLD.kind IS NOT NEW.kind
    OR OLD.role IS NOT NEW.role
    OR OLD.substitute_for_id IS NOT NEW.substitute_for_id
    OR OLD.arrived IS NOT NEW.arrived
    OR OLD.left_at IS NOT NEW.left_at
BEGIN
    UPDATE attendance SET version = OLD.version + 1 WHERE id = NEW.id;
END;

ALTER TABLE items ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER items_version AFTER UPDATE OF title, time, report_summary, minutes, minutes_after, exempt, exempt_paragraph, public_summary ON items
WHEN OLD.title IS NOT NEW.title
    OR OLD.time IS NOT NEW.time
    OR OLD.report_summary IS NOT NEW.report_summary
    OR OLD.minutes IS NOT NEW.minutes
    OR OLD.minutes_after IS NOT NEW.minutes_after
    OR OLD.exempt IS NOT NEW.exempt
    OR OLD.exempt_paragraph IS NOT NEW.exempt_paragraph
    OR OLD.public_summary IS NOT NEW.public_summary
BEGIN
    UPDATE items SET version = OLD.version + 1 WHERE id = NEW.id;
END;

ALTER TABLE declarations ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER declarations_version AFTER UPDATE OF person_id, item_id, kind, text, left_room ON declarations
WHEN OLD.person_id IS NOT NEW.person_id
    OR OLD.item_id IS NOT NEW.item_id
    OR OLD.kind IS NOT NEW.kind
    OR OLD.text IS NOT NEW.text
    OR OLD.left_room IS NOT NEW.left_room
BEGIN
    UPDATE declarations SET version = OLD.version + 1 WHERE id = NEW.id;
END;

ALTER TABLE documents ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER documents_version AFTER UPDATE OF title, file ON documents
WHEN OLD.title IS NOT NEW.title
    OR OLD.file IS NOT NEW.file
BEGIN
    UPDATE documents SET version = OLD.version + 1 WHERE id = NEW.id;
END;

ALTER TABLE questions ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER questions_version AFTER UPDATE OF asked_by, question, answered_by, answer, written_reply ON questions
WHEN OLD.asked_by IS NOT NEW.asked_by
    OR OLD.question IS NOT NEW.question
    OR OLD.answered_by IS NOT NEW.answered_by
    OR OLD.answer IS NOT NEW.answer
    OR OLD.written_reply IS NOT NEW.written_reply
BEGIN
    UPDATE questions SET version = OLD.version + 1 WHERE id = NEW.id;
END;

ALTER TABLE resolutions ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER resolutions_version AFTER UPDATE OF text ON resolutions
WHEN OLD.text IS NOT NEW.text
BEGIN
    UPDATE resolutions SET version = OLD.version + 1 WHERE id = NEW.id;
END;

ALTER TABLE actions ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER actions_version AFTER UPDATE OF owner, text, due, status, completed, flag, source ON actions
WHEN OLD.owner IS NOT NEW.owner
    OR OLD.text IS NOT NEW.text
    OR OLD.due IS NOT NEW.due
    OR OLD.status IS NOT NEW.status
    OR OLD.completed IS NOT NEW.completed
    OR OLD.flag IS NOT NEW.flag
    OR OLD.source IS NOT NEW.source
BEGIN
    UPDATE actions SET version = OLD.version + 1 WHERE id = NEW.id;
END;

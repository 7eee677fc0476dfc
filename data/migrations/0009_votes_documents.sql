-- Minutebook schema, version 9: votes on resolutions, supporting documents with their PDF,
-- and what the agenda prints of an item (its lead officer and report reference).
--
-- A supporting document's PDF is kept in the database (document_files), not referenced by
-- path: the minute book stays one file that a backup copies whole, that moves to another
-- laptop intact, and whose pack can be made again years later exactly as it was sent. The
-- bytes sit in a table of their own so that loading a meeting never reads them.

ALTER TABLE items ADD COLUMN lead_officer TEXT NOT NULL DEFAULT '';
ALTER TABLE items ADD COLUMN report_ref TEXT NOT NULL DEFAULT '';
DROP TRIGGER items_version;
CREATE TRIGGER items_version AFTER UPDATE OF title, time, report_summary, minutes, minutes_after, exempt, exempt_paragraph, public_summary, lead_officer, report_ref ON items
WHEN OLD.title IS NOT NEW.title
    OR OLD.time IS NOT NEW.time
    OR OLD.report_summary IS NOT NEW.report_summary
    OR OLD.minutes IS NOT NEW.minutes
    OR OLD.minutes_after IS NOT NEW.minutes_after
    OR OLD.exempt IS NOT NEW.exempt
    OR OLD.exempt_paragraph IS NOT NEW.exempt_paragraph
    OR OLD.public_summary IS NOT NEW.public_summary
    OR OLD.lead_officer IS NOT NEW.lead_officer
    OR OLD.report_ref IS NOT NEW.report_ref
BEGIN
    UPDATE items SET version = OLD.version + 1 WHERE id = NEW.id;
END;

-- A document is exempt on its own (an exempt appendix to a public report) or because its
-- item is; pages and sha256 describe the PDF in document_files, and change with it.
ALTER TABLE documents ADD COLUMN exempt INTEGER NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN exempt_paragraph INTEGER NOT NULL DEFAULT 0 CHECK (exempt_paragraph BETWEEN 0 AND 7);
ALTER TABLE documents ADD COLUMN pages INTEGER NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN size INTEGER NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN sha256 TEXT NOT NULL DEFAULT '';
DROP TRIGGER documents_version;
CREATE TRIGGER documents_version AFTER UPDATE OF title, file, exempt, exempt_paragraph, sha256 ON documents
WHEN OLD.title IS NOT NEW.title
    OR OLD.file IS NOT NEW.file
    OR OLD.exempt IS NOT NEW.exempt
    OR OLD.exempt_paragraph IS NOT NEW.exempt_paragraph
    OR OLD.sha256 IS NOT NEW.sha256
BEGIN
    UPDATE documents SET version = OLD.version + 1 WHERE id = NEW.id;
END;

CREATE TABLE document_files (
    document_id         INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    pdf                 BLOB NOT NULL
);

-- A vote on a resolution: counts, or a recorded vote with the names (one name a line), and
-- for a Police and Crime Panel's veto the Panel's membership at the time when the clerk
-- gives it (0: worked out from the meeting's attendance).
CREATE TABLE votes (
    id                  INTEGER PRIMARY KEY,
    resolution_id       INTEGER NOT NULL UNIQUE REFERENCES resolutions(id) ON DELETE CASCADE,
    kind                TEXT NOT NULL DEFAULT '' CHECK (kind IN ('', 'precept_veto', 'appointment_veto')),
    for_count           INTEGER NOT NULL DEFAULT 0 CHECK (for_count >= 0),
    against_count       INTEGER NOT NULL DEFAULT 0 CHECK (against_count >= 0),
    abstain_count       INTEGER NOT NULL DEFAULT 0 CHECK (abstain_count >= 0),
    recorded            INTEGER NOT NULL DEFAULT 0,
    for_names           TEXT NOT NULL DEFAULT '',
    against_names       TEXT NOT NULL DEFAULT '',
    abstain_names       TEXT NOT NULL DEFAULT '',
    membership          INTEGER NOT NULL DEFAULT 0 CHECK (membership >= 0),
    version             INTEGER NOT NULL DEFAULT 1
);
CREATE TRIGGER votes_version AFTER UPDATE OF kind, for_count, against_count, abstain_count, recorded, for_names, against_names, abstain_names, membership ON votes
WHEN OLD.kind IS NOT NEW.kind
    OR OLD.for_count IS NOT NEW.for_count
    OR OLD.against_count IS NOT NEW.against_count
    OR OLD.abstain_count IS NOT NEW.abstain_count
    OR OLD.recorded IS NOT NEW.recorded
    OR OLD.for_names IS NOT NEW.for_names
    OR OLD.against_names IS NOT NEW.against_names
    OR OLD.abstain_names IS NOT NEW.abstain_names
    OR OLD.membership IS NOT NEW.membership
BEGIN
    UPDATE votes SET version = OLD.version + 1 WHERE id = NEW.id;
END;

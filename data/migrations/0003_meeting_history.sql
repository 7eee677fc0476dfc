-- Minutebook schema, version 3: approving and reopening minutes are recorded.
--
-- Each approval (the date, the meeting at which the minutes were approved, any amendments)
-- and each reopening for corrections is a dated event, so the file shows who changed
-- approved minutes and when, even after they are approved again.
CREATE TABLE meeting_events (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    date        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('approved', 'reopened')),
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX meeting_events_meeting ON meeting_events(meeting_id, id);

-- Minutebook schema, version 1.
--
-- Deleting a meeting removes its attendance, declarations, items and, through the items,
-- their documents, questions and resolutions. Actions are different: they outlive the
-- meeting that raised them (the log carries them until they are done), so deleting a
-- meeting or item only clears the action's link to it (ON DELETE SET NULL). The action keeps
-- its reference, meeting date and minute number as copied when it was last numbered.

CREATE TABLE bodies (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL UNIQUE,
    short_code      TEXT NOT NULL DEFAULT '',
    numbering       TEXT NOT NULL DEFAULT 'meeting' CHECK (numbering IN ('meeting', 'year')),
    chair_title     TEXT NOT NULL DEFAULT 'Chair',
    default_venue   TEXT NOT NULL DEFAULT '',
    default_time    TEXT NOT NULL DEFAULT ''
);

CREATE TABLE people (
    id              INTEGER PRIMARY KEY,
    body_id         INTEGER REFERENCES bodies(id) ON DELETE SET NULL,
    title           TEXT NOT NULL DEFAULT '',
    name            TEXT NOT NULL,
    authority       TEXT NOT NULL DEFAULT '',
    role            TEXT NOT NULL DEFAULT 'member',
    retired         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX people_body ON people(body_id);

CREATE TABLE meetings (
    id                  INTEGER PRIMARY KEY,
    body_id             INTEGER NOT NULL REFERENCES bodies(id) ON DELETE CASCADE,
    date                TEXT NOT NULL,
    start_time          TEXT NOT NULL DEFAULT '',
    venue               TEXT NOT NULL DEFAULT '',
    title               TEXT NOT NULL DEFAULT '',
    status              TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved')),
    chair_id            INTEGER REFERENCES people(id) ON DELETE SET NULL,
    approved_at_id      INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
    approved_on         TEXT NOT NULL DEFAULT '',
    amendments          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX meetings_body_date ON meetings(body_id, date);

CREATE TABLE attendance (
    id                  INTEGER PRIMARY KEY,
    meeting_id          INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    person_id           INTEGER REFERENCES people(id) ON DELETE RESTRICT,
    name                TEXT NOT NULL DEFAULT '',
    kind                TEXT NOT NULL CHECK (kind IN ('present', 'apologies', 'substitute', 'absent', 'in_attendance')),
    role                TEXT NOT NULL DEFAULT '',
    substitute_for_id   INTEGER REFERENCES people(id) ON DELETE SET NULL,
    arrived             TEXT NOT NULL DEFAULT '',
    left_at             TEXT NOT NULL DEFAULT '',
    position            INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX attendance_meeting ON attendance(meeting_id, position);
CREATE INDEX attendance_person ON attendance(person_id);

CREATE TABLE items (
    id                  INTEGER PRIMARY KEY,
    meeting_id          INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    position            INTEGER NOT NULL DEFAULT 0,
    number              TEXT NOT NULL DEFAULT '',
    title               TEXT NOT NULL DEFAULT '',
    time                TEXT NOT NULL DEFAULT '',
    report_summary      TEXT NOT NULL DEFAULT '',
    minutes             TEXT NOT NULL DEFAULT '',
    exempt              INTEGER NOT NULL DEFAULT 0,
    exempt_paragraph    INTEGER NOT NULL DEFAULT 0 CHECK (exempt_paragraph BETWEEN 0 AND 7),
    public_summary      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX items_meeting ON items(meeting_id, position);

CREATE TABLE declarations (
    id                  INTEGER PRIMARY KEY,
    meeting_id          INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    person_id           INTEGER REFERENCES people(id) ON DELETE RESTRICT,
    item_id             INTEGER REFERENCES items(id) ON DELETE SET NULL,
    kind                TEXT NOT NULL CHECK (kind IN ('pecuniary', 'registrable', 'non_registrable')),
    text                TEXT NOT NULL DEFAULT '',
    left_room           INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX declarations_meeting ON declarations(meeting_id);

CREATE TABLE documents (
    id                  INTEGER PRIMARY KEY,
    item_id             INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    position            INTEGER NOT NULL DEFAULT 0,
    title               TEXT NOT NULL,
    file                TEXT NOT NULL DEFAULT ''
);
CREATE INDEX documents_item ON documents(item_id, position);

CREATE TABLE questions (
    id                  INTEGER PRIMARY KEY,
    item_id             INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    position            INTEGER NOT NULL DEFAULT 0,
    asked_by            TEXT NOT NULL DEFAULT '',
    question            TEXT NOT NULL DEFAULT '',
    answered_by         TEXT NOT NULL DEFAULT '',
    answer              TEXT NOT NULL DEFAULT '',
    written_reply       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX questions_item ON questions(item_id, position);

CREATE TABLE resolutions (
    id                  INTEGER PRIMARY KEY,
    item_id             INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    position            INTEGER NOT NULL DEFAULT 0,
    text                TEXT NOT NULL
);
CREATE INDEX resolutions_item ON resolutions(item_id, position);

CREATE TABLE actions (
    id                  INTEGER PRIMARY KEY,
    body_id             INTEGER NOT NULL REFERENCES bodies(id) ON DELETE CASCADE,
    meeting_id          INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
    item_id             INTEGER REFERENCES items(id) ON DELETE SET NULL,
    question_id         INTEGER REFERENCES questions(id) ON DELETE SET NULL,
    ref                 TEXT NOT NULL DEFAULT '',
    meeting_date        TEXT NOT NULL DEFAULT '',
    minute              TEXT NOT NULL DEFAULT '',
    owner               TEXT NOT NULL,
    text                TEXT NOT NULL,
    due                 TEXT NOT NULL DEFAULT '',
    status              TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done', 'dropped')),
    completed           TEXT NOT NULL DEFAULT '',
    -- How the action came about: typed by the clerk (''), from an [Action: X] tag in a text
    -- ('tag', with the field it sits in and the sentence it closed when last synced), or from
    -- a question's "written reply to follow" ('written_reply').
    source              TEXT NOT NULL DEFAULT '' CHECK (source IN ('', 'tag', 'written_reply')),
    tag_field           TEXT NOT NULL DEFAULT '' CHECK (tag_field IN ('', 'minutes', 'question', 'answer')),
    tag_index           INTEGER NOT NULL DEFAULT 0,
    tag_text            TEXT NOT NULL DEFAULT '',
    -- Set when the tag behind the action left the text but the action had history to keep.
    flag                TEXT NOT NULL DEFAULT '',
    created             TEXT NOT NULL DEFAULT ''
);
CREATE INDEX actions_body ON actions(body_id, status);
CREATE INDEX actions_meeting ON actions(meeting_id);
CREATE INDEX actions_item ON actions(item_id);
CREATE INDEX actions_question ON actions(question_id);

CREATE TABLE action_updates (
    id                  INTEGER PRIMARY KEY,
    action_id           INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    date                TEXT NOT NULL,
    text                TEXT NOT NULL
);
CREATE INDEX action_updates_action ON action_updates(action_id, date);

-- The search index: orig is the text as typed, for snippets; text is the same folded for
-- matching (case and diacritics removed one rune for one rune, so "lodz" finds "Łódź" and
-- positions line up with orig). The store keeps it current in the same transactions. The
-- prefix indexes keep search-as-you-type fast on the first letters of a word.
CREATE VIRTUAL TABLE search USING fts5(
    kind UNINDEXED,
    record_id UNINDEXED,
    meeting_id UNINDEXED,
    item_id UNINDEXED,
    orig UNINDEXED,
    text,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);

-- Minutebook schema, version 2: status changes are dated.
--
-- An update that changed an action's status records the status it set ('open',
-- 'in_progress', 'done', 'dropped'); a plain progress note has ''. With the update's date this
-- is the action's history, from which the action log works out each action's status as at a
-- date. Actions written before version 2 have no such records; the log falls back on their
-- present status and completion date.
ALTER TABLE action_updates ADD COLUMN status TEXT NOT NULL DEFAULT ''
    CHECK (status IN ('', 'open', 'in_progress', 'done', 'dropped'));

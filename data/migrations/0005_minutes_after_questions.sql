-- Minutebook schema, version 5: the narrative after the members' questions.
--
-- Published minutes often go on after the questions (the Chair's closing question in the
-- example minute) before the resolution. That text is kept apart from the narrative before
-- the questions so that the minutes print it in its place.
ALTER TABLE items ADD COLUMN minutes_after TEXT NOT NULL DEFAULT '';

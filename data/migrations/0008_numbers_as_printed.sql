-- Minutebook schema: a meeting imported from published minutes keeps the minute numbers the
-- source printed ("12/24", "6.1", "CPL82"), as approved minutes keep theirs, instead of
-- being renumbered 1…n. Items added to it later are numbered on from the kept numbers.
-- The column is kept by the store, not typed by the clerk, so it does not count the meeting's
-- version up.

ALTER TABLE meetings ADD COLUMN numbers_as_printed INTEGER NOT NULL DEFAULT 0 CHECK (numbers_as_printed IN (0, 1));

-- Minutebook schema, version 10: an [Action: X] tag in
-- a resolution makes an action, as one in the minutes does.
--
-- "RESOLVED – That the PCC be asked for a breakdown of the arrests [Action: PCC]" is how many
-- clerks mark what a resolution asks for. Such an action is tied to its resolution here; its
-- tag_field stays '' because the column's CHECK predates resolutions (the resolution_id says
-- where the tag sits).
ALTER TABLE actions ADD COLUMN resolution_id INTEGER REFERENCES resolutions(id) ON DELETE SET NULL;
CREATE INDEX actions_resolution ON actions(resolution_id);

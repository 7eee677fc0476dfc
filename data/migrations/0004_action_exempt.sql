-- Minutebook schema, version 4: an action remembers that its item was exempt.
--
-- Actions outlive their items. While the item exists its exempt flag decides whether the
-- action may appear in a public document; when the item is deleted the flag is copied here
-- first, so a confidential action never reaches a public action log through a deletion.
ALTER TABLE actions ADD COLUMN exempt INTEGER NOT NULL DEFAULT 0;

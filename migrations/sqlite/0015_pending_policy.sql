-- Under dual control, a policy change that lowers protection (fewer types tokenized, more
-- values allowed through, recognizers removed, model output passed unchecked) waits for
-- a second admin like the other dangerous actions; the pending row carries the document.
ALTER TABLE pending_actions ADD COLUMN document TEXT;

-- The incident list's page in its own order: listed, status and (one) severity are fixed by the filter, then
-- newest first. kb.incidents.IncidentQuery puts those fixed columns in front of its ORDER BY (the rows are the
-- same), so H2 and PostgreSQL walk this index and stop after the page instead of reading and sorting every
-- matching incident: on H2 at 100,000 incidents, /incidents?severity=P1&page=3 read every published row (20-40 s
-- of CPU) whenever its query result cache missed (after any write, or on a new pooled connection). The count
-- reads only this index.
CREATE INDEX incidents_list_order ON incidents (listed, status, severity, started_at DESC, id);
-- the same without a severity (the unfiltered list, or several severities)
CREATE INDEX incidents_list_newest ON incidents (listed, status, started_at DESC, id);

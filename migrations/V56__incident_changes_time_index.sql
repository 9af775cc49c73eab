-- The change log is read by time as well as by sequence number: every follower (each instance's search index, every
-- second; the insights figures, after each write) asks for the changes after the number it has seen plus every
-- change of the last seconds again (a write's number is taken before it commits, so one can commit late). Without
-- an index on the time, that second half read the whole log: about 100,000 rows per poll at 100,000 incidents
-- (42% of the CPU of the first /insights page after a write, on H2). With it, each half is a short index range.
CREATE INDEX incident_changes_changed_at ON incident_changes (changed_at);

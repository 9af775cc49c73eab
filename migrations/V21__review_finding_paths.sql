-- The path a lifecycle finding names (acquisition, branches taken, exit), one step per line as
-- "LINE<TAB>message"; NULL for findings without a path.
ALTER TABLE review_findings ADD COLUMN flow VARCHAR(8000);

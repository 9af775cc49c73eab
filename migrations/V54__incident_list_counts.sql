-- The counts beside the incident list's filters (severity, year, service, tag, category, checklist item) over
-- published, listed incidents, kept up to date write by write instead of recounted from scratch after each write
-- (joining every label row with its incident took 5-15 s of CPU on H2 at 100,000 incidents). Derived from
-- incidents and their label tables by kb.incidents.ListCounts, which follows the incident change log
-- (incident_changes) like the action summary of V52 does.

-- The labels each counted incident contributed, as they were when counted: what a later write takes back.
CREATE TABLE list_count_rows (
    incident_id VARCHAR(80)  NOT NULL,
    kind        VARCHAR(16)  NOT NULL,   -- severity, year, service, tag, category or checklist
    name        VARCHAR(100) NOT NULL,
    PRIMARY KEY (incident_id, kind, name)
);

-- How many published, listed incidents carry each label.
CREATE TABLE list_counts (
    kind VARCHAR(16)  NOT NULL,
    name VARCHAR(100) NOT NULL,
    n    BIGINT       NOT NULL,
    PRIMARY KEY (kind, name)
);

-- How far in the change log the tables above are; -1: never built (they are rebuilt from scratch).
CREATE TABLE list_count_state (
    id  INT    PRIMARY KEY,
    seq BIGINT NOT NULL
);
INSERT INTO list_count_state (id, seq) VALUES (1, -1);

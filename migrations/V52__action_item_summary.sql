-- What /actions reads instead of ordering and counting every action item on each request (at 100,000
-- incidents, ~350,000 items, the GROUP BYs and the due-date sort took seconds on PostgreSQL and minutes on H2).
-- All four tables are derived from action_items, incidents and incident_services by kb.actions.ActionSummary,
-- which follows the incident change log (incident_changes) and rebuilds them from scratch when they are
-- missing or stale. Every instance on one database shares them: a summary update holds the action_state row lock.

-- One row per action item of a listed incident, with what the list filters and sorts on.
CREATE TABLE action_list (
    incident_id VARCHAR(80) NOT NULL,
    position    INT         NOT NULL,
    published   BOOLEAN     NOT NULL,
    done        BOOLEAN     NOT NULL,
    owner       VARCHAR(100),
    type_key    VARCHAR(16) NOT NULL,               -- '' when the item has no type
    due_key     DATE        NOT NULL,               -- 9999-12-31 when it has no due date: undated items sort last
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,  -- its incident's start: newest first among the same due date
    PRIMARY KEY (incident_id, position)
);
-- the list's order, so a page is a short walk of an index; the owner filter has its own (owners are selective)
CREATE INDEX action_list_order ON action_list (due_key, started_at DESC, incident_id, position);
CREATE INDEX action_list_owner ON action_list (owner, due_key, started_at DESC, incident_id, position);

-- The services of the incidents in action_list, as they were when their items were counted.
CREATE TABLE action_list_services (
    incident_id VARCHAR(80)  NOT NULL,
    name        VARCHAR(100) NOT NULL,
    PRIMARY KEY (incident_id, name)
);
CREATE INDEX action_list_services_name ON action_list_services (name, incident_id);

-- Items per owner and per service of their incident (the filter form's counts).
CREATE TABLE action_totals (
    published BOOLEAN      NOT NULL,
    kind      VARCHAR(8)   NOT NULL,                -- 'owner' or 'service'
    name      VARCHAR(100) NOT NULL,
    n         BIGINT       NOT NULL,
    PRIMARY KEY (published, kind, name)
);

-- Items per type, status and (open items) due date: type, status and overdue counts for any day are sums over
-- a few thousand rows at most.
CREATE TABLE action_cube (
    published BOOLEAN     NOT NULL,
    type_key  VARCHAR(16) NOT NULL,
    done      BOOLEAN     NOT NULL,
    due_key   DATE        NOT NULL,                 -- 9999-12-31 for done items (never overdue)
    n         BIGINT      NOT NULL,
    PRIMARY KEY (published, type_key, done, due_key)
);

-- How far in the change log the tables above are; -1: never built (they are rebuilt from scratch).
CREATE TABLE action_state (
    id  INT    PRIMARY KEY,
    seq BIGINT NOT NULL
);
INSERT INTO action_state (id, seq) VALUES (1, -1);

-- Passing runs by code block: "has a verified reproduction" (the list's filter and its count, search's verified facet)
-- asks, for each runnable block of an incident, whether a passing run of it is on record. Without this index each of
-- those questions read every stored run (the table grows with every runtime and runner version a block ran on).
CREATE INDEX run_results_block ON run_results (code_block_id, passed);

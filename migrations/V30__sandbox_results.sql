-- Results of bundled reproductions, cached by sha256(source, expected output, runner version, JDK).
-- Only results that depend on the source alone are stored (never time-outs, OOMs or internal errors).
CREATE TABLE run_results (
    cache_key       VARCHAR(64) PRIMARY KEY,
    code_block_id   BIGINT,
    incident_id     VARCHAR(80),
    status          VARCHAR(20) NOT NULL,
    passed          BOOLEAN     NOT NULL,
    body            VARCHAR     NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX run_results_incident ON run_results (incident_id);

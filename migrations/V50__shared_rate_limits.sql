-- Rate limits every instance must share (sandbox runs per user or address, ...): hits per subject in
-- fixed windows; a limit is checked against the current window plus the part of the previous one
-- that still overlaps the last full window length (a sliding-window estimate).
CREATE TABLE rate_windows (
    subject      VARCHAR(200) NOT NULL,
    -- epoch millisecond at which the window starts
    window_start BIGINT       NOT NULL,
    hits         INT          NOT NULL,
    PRIMARY KEY (subject, window_start)
);
CREATE INDEX rate_windows_start ON rate_windows (window_start);

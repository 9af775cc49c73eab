-- A rule's page (/rules/{id}) counts its findings over every saved review by rule_id; without an index each view
-- scanned all findings, which grows with every review a team saves over the years.
CREATE INDEX review_findings_rule ON review_findings (rule_id, suppressed);

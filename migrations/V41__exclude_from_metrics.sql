-- exclude-from-metrics: true in a postmortem's front matter keeps it out of time-to-X figures.
ALTER TABLE incidents ADD COLUMN exclude_from_metrics BOOLEAN DEFAULT FALSE NOT NULL;

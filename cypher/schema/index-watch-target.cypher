// Ingest's outbox finds the watches on what a batch names by their target ("phone:+614…", a brand's slug),
// one index lookup per indicator, whatever the number of watches (monitoring/report-watches).
CREATE RANGE INDEX watch_target IF NOT EXISTS FOR (w:Watch) ON (w.target)

// Ingest finds the prefix watches of a number by its leading digits, through this index, whatever their number.
CREATE RANGE INDEX watch_prefix IF NOT EXISTS FOR (w:Watch) ON (w.prefix)

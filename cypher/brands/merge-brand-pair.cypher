// mergeBrands reads both brands first: unknown slugs are refused before anything is written, and a
// `from` already merged into `into` (listed in its mergedFrom) makes a repeated merge a no-op.
OPTIONAL MATCH (from:Brand {slug: $from})
OPTIONAL MATCH (into:Brand {slug: $into})
RETURN from {.*} AS from, into {.*} AS into, $from IN coalesce(into.mergedFrom, []) AS alreadyMerged

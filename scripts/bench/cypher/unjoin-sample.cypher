// The incremental-assignment benchmark's sample: reports that detection placed, taken out of their
// campaigns again, so that the ingest hook (campaigns/join-campaigns) can be timed putting them back.
MATCH (r:Report)-[membership:IN_CAMPAIGN]->(:Campaign)
WITH r, membership ORDER BY r.id LIMIT $sample
DELETE membership
RETURN r.id AS id

// The official channels of the brand a reviewed message claims, to set beside what the message asks
// the reader to use. By slug, once the claim is resolved through alias keys (ingest/resolve-brands).
MATCH (b:Brand {slug: $slug})
RETURN b.slug AS slug, b.name AS name, coalesce(b.officialNumbers, []) AS officialNumbers,
  coalesce(b.officialDomains, []) AS officialDomains

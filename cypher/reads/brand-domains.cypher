// Brand.domains: domains named in reports claiming the brand, most reports first.
UNWIND $keys AS key
MATCH (:Brand {slug: key})<-[x:DOMAIN_FOR]-(d:Domain)
WITH key, x, d ORDER BY x.reports DESC, d.name
RETURN key, collect(d {.*})[..$limit] AS nodes

// Domain.brands: brands claimed in reports naming the domain, most reports first.
UNWIND $keys AS key
MATCH (:Domain {name: key})-[x:DOMAIN_FOR]->(b:Brand)
WITH key, x, b ORDER BY x.reports DESC, b.slug
RETURN key, collect(b {.*})[..$limit] AS nodes

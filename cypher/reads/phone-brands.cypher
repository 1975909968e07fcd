// PhoneNumber.brands: brands impersonated in reports giving the number as CALLBACK, most reports first.
UNWIND $keys AS key
MATCH (:PhoneNumber {e164: key})-[x:CALLBACK_FOR]->(b:Brand)
WITH key, x, b ORDER BY x.reports DESC, b.slug
RETURN key, collect(b {.*})[..$limit] AS nodes

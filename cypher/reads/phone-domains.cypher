// PhoneNumber.domains: domains in reports giving the number as CALLBACK, most shared reports first.
UNWIND $keys AS key
MATCH (:PhoneNumber {e164: key})-[x:CALLBACK_WITH]->(d:Domain)
WITH key, x, d ORDER BY x.reports DESC, d.name
RETURN key, collect(d {.*})[..$limit] AS nodes

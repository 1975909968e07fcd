UNWIND $keys AS key
MATCH (d:Domain {name: key})
RETURN key, d {.*} AS node

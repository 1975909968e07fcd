UNWIND $keys AS key
MATCH (b:Brand {slug: key})
RETURN key, b {.*} AS node

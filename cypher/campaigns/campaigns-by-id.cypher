// Campaign by id, active or retired (a retired one says what became of it).
UNWIND $keys AS key
MATCH (c:Campaign {id: key})
RETURN key, c {.*} AS node

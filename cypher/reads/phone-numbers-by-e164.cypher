UNWIND $keys AS key
MATCH (p:PhoneNumber {e164: key})
RETURN key, p {.*} AS node

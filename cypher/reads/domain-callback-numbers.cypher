// Domain.callbackNumbers: numbers given as CALLBACK in reports naming the domain, most shared reports first.
UNWIND $keys AS key
MATCH (:Domain {name: key})<-[x:CALLBACK_WITH]-(p:PhoneNumber)
WITH key, x, p ORDER BY x.reports DESC, p.e164
RETURN key, collect(p {.*})[..$limit] AS nodes

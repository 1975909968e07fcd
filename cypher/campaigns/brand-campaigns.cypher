// Brand.campaigns: active campaigns whose reports claim the brand, largest first (as campaigns(brand:)).
UNWIND $keys AS key
MATCH (:Brand {slug: key})<-[:CAMPAIGN_FOR]-(c:Campaign {status: 'ACTIVE'})
WITH key, c ORDER BY c.size DESC, c.reportCount DESC, c.id
RETURN key, collect(c {.*})[..$limit] AS nodes

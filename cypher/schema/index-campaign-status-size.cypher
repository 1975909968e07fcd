// campaigns(minSize): active campaigns, largest first, found and ordered through the index.
CREATE RANGE INDEX campaign_status_size IF NOT EXISTS FOR (c:Campaign) ON (c.status, c.size)

// Detection, before weigh-links: the link graph is rebuilt from the reports each run (evidence grows,
// indicators turn into hubs or official channels), so last run's links go first, in batches.
MATCH ()-[link:CAMPAIGN_LINK]->()
CALL (link) {
  DELETE link
} IN TRANSACTIONS OF 10000 ROWS

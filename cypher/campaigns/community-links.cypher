// Detection, after either engine labelled: the community graph, small beside the link graph.
//   evidence: per community, the sum of its members' strengths;
//   weights:  per pair of communities, the weight of the links between them;
//   stories:  per community, day (epoch day number) and whether the reports name no other community, how many of the reports naming its members tell each story,
//             a scam type and the brands it impersonates ("TECH_SUPPORT|microsoft"); a report naming
//             neither tells none. The period says when: eras of one operation follow one another, two
//             operations telling one story run side by side;
//   reports:  per pair of communities, the ids of up to $reportSample distinct reports naming members of both.
// src/campaigns/community-merge.ts decides which join. Reports are read once for both of the last two:
// each report gives a row per community it names (with its story) and a row per pair of them.
CALL () {
  MATCH (i:PhoneNumber|Url|Domain|EmailAddress|CryptoWallet|BankAccount)
  WHERE i.campaignRun = $runId
  WITH i.campaignLabel AS label, sum(i.campaignStrength) AS evidence
  RETURN collect({label: label, evidence: evidence}) AS evidence
}
CALL () {
  MATCH (a:PhoneNumber|Url|Domain|EmailAddress|CryptoWallet|BankAccount)-[link:CAMPAIGN_LINK]->(b)
  WHERE a.campaignRun = $runId AND b.campaignRun = $runId AND a.campaignLabel <> b.campaignLabel
  WITH CASE WHEN a.campaignLabel < b.campaignLabel THEN [a.campaignLabel, b.campaignLabel] ELSE [b.campaignLabel, a.campaignLabel] END AS pair,
       link.weight AS weight
  WITH pair, sum(weight) AS weight
  RETURN collect({a: pair[0], b: pair[1], weight: weight}) AS weights
}
CALL () {
  MATCH (r:Report)-[:CALLBACK_NUMBER|LINKS_TO|NAMES_DOMAIN|CONTACT_EMAIL|PAY_TO]->(i:PhoneNumber|Url|Domain|EmailAddress|CryptoWallet|BankAccount)
  WHERE i.campaignRun = $runId
  WITH r, collect(DISTINCT i.campaignLabel) AS labels
  WITH labels, r.id AS reportId, r.scamType AS scamType, r.receivedAt.epochSeconds / $periodSeconds AS period,
       COLLECT { MATCH (r)-[:IMPERSONATES]->(brand:Brand) RETURN brand.slug ORDER BY brand.slug } AS brands
  WITH labels, reportId, period,
       CASE WHEN scamType IS NULL AND size(brands) = 0 THEN null
            ELSE coalesce(scamType, '') + '|' + reduce(key = '', slug IN brands | key + CASE key WHEN '' THEN '' ELSE ',' END + slug)
       END AS story
  UNWIND labels AS a
  UNWIND [null] + labels AS b
  WITH a, b, story, period, reportId, labels
  WHERE (b IS NULL AND story IS NOT NULL) OR a < b
  // A pair's first few report ids, not only its count: merging sums ties over rounds, and a report naming
  // three communities must still count once when two of them have joined.
  // `own`: the report names no other community. Those date a community best: one naming two (a hand-over,
  // a bridge, an old number reused) makes each look active whenever the other was.
  WITH a, b, CASE WHEN b IS NULL THEN story END AS story, CASE WHEN b IS NULL THEN period END AS period,
       CASE WHEN b IS NULL THEN size(labels) = 1 END AS own, count(*) AS reports,
       collect(CASE WHEN b IS NOT NULL THEN reportId END)[0..$reportSample] AS reportIds
  RETURN collect(CASE WHEN b IS NULL THEN {label: a, story: story, period: period, own: own, reports: reports} END) AS stories,
         collect(CASE WHEN b IS NOT NULL THEN {a: a, b: b, reportIds: reportIds} END) AS reports
}
RETURN evidence, weights, stories, reports

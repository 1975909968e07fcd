// Detection, the third read of the community graph, from the reports (read once for the three kinds of row):
//   a story row (other null): how many reports naming a community's members tell the story on each day
//     (`days`: [epoch day number ($periodSeconds), own, reports]), `own` when they name no other community. A story is a
//     scam type and the brands it impersonates ("TECH_SUPPORT|microsoft"); a report naming neither tells
//     none. The day says when: eras of one operation follow one another, two operations telling one
//     story run side by side;
//   a template row (story and other null): how many reports naming a community's members have each message
//     template (src/ingest/normalise/message-template.ts): two crews telling one story send different scripts;
//   a pair row (label < other): the ids of up to $reportSample distinct reports naming members of both.
// src/campaigns/community-merge.ts decides which join. Rows, not one row: gathered into one, a million
// reports' groups took minutes to pack and unpack (docs/performance.md).
MATCH (r:Report)-[:CALLBACK_NUMBER|LINKS_TO|NAMES_DOMAIN|CONTACT_EMAIL|PAY_TO]->(i:PhoneNumber|Url|Domain|EmailAddress|CryptoWallet|BankAccount)
WHERE i.campaignRun = $runId
WITH r, collect(DISTINCT i.campaignLabel) AS labels
WITH labels, r.id AS reportId, r.scamType AS scamType, r.receivedAt.epochSeconds / $periodSeconds AS period, r.template AS template,
     COLLECT { MATCH (r)-[:IMPERSONATES]->(brand:Brand) RETURN brand.slug ORDER BY brand.slug } AS brands
WITH labels, reportId, period, template,
     CASE WHEN scamType IS NULL AND size(brands) = 0 THEN null
          ELSE coalesce(scamType, '') + '|' + reduce(key = '', slug IN brands | key + CASE key WHEN '' THEN '' ELSE ',' END + slug)
     END AS story
UNWIND labels AS a
// Per community, a story row (b null, template null), a template row (b null, story null), and a pair
// row per other community it shares the report with (a < b).
UNWIND [[null, 'story'], [null, 'template']] + [label IN labels WHERE a < label | [label, null]] AS pick
WITH a, pick[0] AS b, pick[1] = 'story' AS ofStory, pick[1] = 'template' AS ofTemplate, story, template, period, reportId, labels
WHERE (ofStory AND story IS NOT NULL) OR (ofTemplate AND template IS NOT NULL) OR b IS NOT NULL
// A pair's first few report ids, not only its count: merging sums ties over rounds, and a report naming
// three communities must still count once when two of them have joined.
// `own`: the report names no other community. Those date a community best: one naming two (a hand-over,
// a bridge, an old number reused) makes each look active whenever the other was.
WITH a, b, CASE WHEN ofStory THEN story END AS story, CASE WHEN ofTemplate THEN template END AS template,
     CASE WHEN ofStory THEN period END AS period, CASE WHEN ofStory THEN size(labels) = 1 END AS own, count(*) AS reports,
     collect(CASE WHEN b IS NOT NULL THEN reportId END)[0..$reportSample] AS reportIds
// A row per community and story, its days in a list: a row per day repeated the label and story
// some 980,000 times at a million reports, and sending them took longer than finding them.
RETURN a AS label, b AS other, story, template, sum(reports) AS reports,
       collect(CASE WHEN story IS NOT NULL THEN [period, own, reports] END) AS days, reportIds

// Quality diagnosis: every weighted link detection left, with what the core-link filter judges its ends by.
MATCH (a)-[link:CAMPAIGN_LINK]->(b)
RETURN elementId(a) AS a, elementId(b) AS b, link.weight AS weight, link.reports AS reports,
       a.campaignStrength AS aStrength, b.campaignStrength AS bStrength,
       a.campaignReports AS aReports, b.campaignReports AS bReports

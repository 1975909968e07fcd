// awaitingEscalation: the disruptions still waiting, found through the index rather than a label scan.
CREATE RANGE INDEX disruption_status IF NOT EXISTS FOR (d:Disruption) ON (d.status)

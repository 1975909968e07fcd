// Campaigns in the graph: the alerts phase watches some, and runs detection first when there are none.
MATCH (c:Campaign) RETURN count(c) AS campaigns

// GDS engine, always last (also after a failure): the in-memory projection is released.
CALL gds.graph.drop($graphName, false) YIELD graphName
RETURN graphName

// Reports in the graph: the import command's progress when it has no terminal to draw on.
MATCH (r:Report) RETURN count(r) AS reports

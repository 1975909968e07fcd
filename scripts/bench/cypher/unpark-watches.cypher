// The watches park-watches set aside, back for the alerts phase's next run with them.
MATCH (w:ParkedWatch) SET w:Watch REMOVE w:ParkedWatch RETURN count(w) AS watches

// Which server answers: logged at start-up, recorded with benchmark figures.
CALL dbms.components() YIELD name, versions, edition
RETURN name, versions[0] AS version, edition

// Between detection engines: every campaign and its membership goes, so each engine starts from none.
MATCH (c:Campaign)
CALL (c) { DETACH DELETE c } IN TRANSACTIONS OF 100 ROWS

// Before the alerts phase: any watches, alerts and delivery logs an earlier run left (one cut short, say).
CALL () { MATCH (n:Watch) DETACH DELETE n }
CALL () { MATCH (n:ParkedWatch) DETACH DELETE n }
CALL () { MATCH (n:DeliveryAttempt) DETACH DELETE n }
CALL () { MATCH (n:Alert) DETACH DELETE n }
CALL () { MATCH (n:AlertStream) DETACH DELETE n }

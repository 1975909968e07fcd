// The Neo4j JVM's heap in use, in bytes: the per-engine memory figure of campaign detection.
CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes
RETURN attributes.HeapMemoryUsage.value.properties.used AS bytes

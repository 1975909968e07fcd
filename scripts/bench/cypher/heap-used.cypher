// The Neo4j JVM's heap, in bytes: all of it in use (garbage not yet collected included), and its old
// generation, where what a run keeps (a GDS projection, large transaction state) ends up.
CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes AS memory
CALL dbms.queryJmx('java.lang:type=MemoryPool,name=G1 Old Gen') YIELD attributes AS oldGen
RETURN memory.HeapMemoryUsage.value.properties.used AS inUse,
       oldGen.Usage.value.properties.used AS oldGeneration

// All shortest paths between two entities, up to MAX_HOPS hops, never through a Source (sharing a newsletter item is
// not a connection). MAX_HOPS is written in by the service from the validated maxHops (1..6): Cypher takes no
// parameter in a variable-length bound, and a bound in the pattern lets the search stop there instead of running on
// to 6 hops when there is no path. The exclusion is stated on every node so that the breadth-first search prunes
// Sources as it goes (a slice like nodes(p)[1..-1] can only be checked on whole paths).
// With $avoidHubs, jurisdictions and topics are not passed through either ("both are in China" is no connection).
// Parameters: $from, $to, $relTypes (empty for all), $limit, $avoidHubs. Returns: path.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[*..MAX_HOPS]-(b))
WHERE all(r IN relationships(p) WHERE size($relTypes) = 0 OR type(r) IN $relTypes)
  AND all(n IN nodes(p) WHERE n = a OR n = b OR NOT (n:Source OR ($avoidHubs AND (n:Jurisdiction OR n:Topic))))
RETURN p AS path
LIMIT $limit

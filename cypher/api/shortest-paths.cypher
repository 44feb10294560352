// All shortest paths between two entities, up to 6 hops, never through a Source (sharing a newsletter item is not a
// connection). Parameters: $from, $to, $maxHops (1..6), $relTypes (empty for all), $limit. Returns: path.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[*..6]-(b))
WHERE length(p) <= $maxHops
  AND all(r IN relationships(p) WHERE size($relTypes) = 0 OR type(r) IN $relTypes)
  AND none(n IN nodes(p)[1..-1] WHERE n:Source)
RETURN p AS path
LIMIT $limit

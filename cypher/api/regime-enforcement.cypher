// Enforcement that ties two laws: a case citing or involving both (the law itself or one of its provisions), or an
// authority enforcing both. Parameters: $a, $b (law ids), $limit. Returns: path.
MATCH (a:Law {id: $a}), (b:Law {id: $b})
CALL (a, b) {
  MATCH p = (a)-[:HAS_PROVISION*0..1]->(:Entity)<-[:CITES|INVOLVES]-(:Case)-[:CITES|INVOLVES]->(:Entity)<-[:HAS_PROVISION*0..1]-(b)
  RETURN p
  UNION
  MATCH p = (a)<-[:ENFORCES]-(:Entity)-[:ENFORCES]->(b)
  RETURN p
}
RETURN p AS path
ORDER BY length(p), [n IN nodes(p) | n.id]
LIMIT $limit

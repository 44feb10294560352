// The shortest connections between two laws through what links regimes in substance: topics, cases, regulators,
// companies and other laws. Jurisdictions and newsletter sources are not passed through: sharing a country or a
// newsletter item is not an interconnection. Nor is the legal layer: its links are read article by article by
// regime-provision-links and regime-shared-counterparts. MAX_HOPS is written in by the service from the validated maxHops (1..6)
// and the exclusion is stated on every node, so that the breadth-first search stops at the bound and prunes as it
// goes (as in shortest-paths.cypher). Parameters: $from, $to, $limit. Returns: path.
MATCH (a:Law {id: $from}), (b:Law {id: $to})
MATCH p = allShortestPaths((a)-[*..MAX_HOPS]-(b))
WHERE all(n IN nodes(p) WHERE n = a OR n = b OR NOT (n:Source OR n:Jurisdiction OR n:Provision OR n:Obligation OR n:Role OR n:Penalty))
RETURN p AS path
LIMIT $limit

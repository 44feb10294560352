// The shortest connections between two laws through what links regimes in substance: topics, cases, regulators,
// companies and other laws. Jurisdictions and newsletter sources are not passed through: sharing a country or a
// newsletter item is not an interconnection. Parameters: $from, $to, $maxHops (1..6), $limit. Returns: path.
MATCH (a:Law {id: $from}), (b:Law {id: $to})
MATCH p = allShortestPaths((a)-[*..6]-(b))
WHERE length(p) <= $maxHops
  AND none(n IN nodes(p)[1..-1] WHERE n:Source OR n:Jurisdiction)
RETURN p AS path
LIMIT $limit

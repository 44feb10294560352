// Full-text search over names and aliases (cjk analyzer), optionally restricted to labels.
// Parameters: $query (Lucene query, escaped by the caller), $types (list of labels, empty for all), $limit.
// Returns: labels, props, score, degree.
CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node, score
WHERE size($types) = 0 OR any(l IN labels(node) WHERE l IN $types)
RETURN labels(node) AS labels, properties(node) AS props, score, COUNT { (node)--() } AS degree
ORDER BY score DESC, degree DESC, node.id
LIMIT $limit

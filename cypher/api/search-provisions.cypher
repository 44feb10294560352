// Provisions by their article number, as a lawyer types it: `Art. 50`, `Article 50(2)`, `50(2)`, `第十条`. The
// number is compared without "Art."/"Article" and spaces, so `Art. 50` finds Art. 50 and its paragraphs (50(1),
// 50(2)...) but not Art. 5 or Art. 500. Parameters: $key (normalised number, lower case, or a Chinese 第…条),
// $limit. Returns: labels, props, score, degree.
MATCH (node:Provision)
WITH node, replace(replace(replace(replace(toLower(node.number), 'article', ''), 'art.', ''), 'art', ''), ' ', '') AS key
WHERE key = $key OR key STARTS WITH $key + '(' OR node.number = $key OR node.number STARTS WITH $key + '第' OR node.number STARTS WITH $key + '（'
WITH node, key, COUNT { (node)--() } AS degree
RETURN labels(node) AS labels, properties(node) AS props, CASE WHEN key = $key OR node.number = $key THEN 2.0 ELSE 1.0 END AS score, degree
ORDER BY score DESC, node.id
LIMIT $limit

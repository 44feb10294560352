// Fallback search by substring when the full-text index finds nothing (one CJK character, odd punctuation).
// Parameters: $text (lower case), $types, $limit. Returns: labels, props, score, degree.
MATCH (node:Entity)
WHERE (size($types) = 0 OR any(l IN labels(node) WHERE l IN $types))
  AND (toLower(coalesce(node.nameEn, '')) CONTAINS $text
    OR toLower(coalesce(node.nameZh, '')) CONTAINS $text
    OR toLower(coalesce(node.aliasesText, '')) CONTAINS $text
    OR toLower(coalesce(node.title, '')) CONTAINS $text)
WITH node, COUNT { (node)--() } AS degree
RETURN labels(node) AS labels, properties(node) AS props, 0.5 AS score, degree
ORDER BY degree DESC, node.id
LIMIT $limit

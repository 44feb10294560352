// The most connected entities, for the explorer's first view. Sources are left out unless asked for; the legal
// layer (provisions, obligations, roles, penalties) is opened from its law, not drawn in the first view, and not
// counted in a law's degree either: forty articles do not make the AI Act the centre of the news.
// Parameters: $limit, $includeSources. Returns: labels, props, degree.
MATCH (n:Entity)
WHERE ($includeSources OR NOT n:Source) AND NOT (n:Provision OR n:Obligation OR n:Role OR n:Penalty)
WITH n, COUNT { (n)--(m) WHERE ($includeSources OR NOT m:Source) AND NOT (m:Provision OR m:Obligation OR m:Role OR m:Penalty) } AS degree
ORDER BY degree DESC, n.id
LIMIT $limit
RETURN labels(n) AS labels, properties(n) AS props, degree

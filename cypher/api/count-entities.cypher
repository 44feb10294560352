// How many entities the overview could show (the legal layer is opened from its laws, as in overview-nodes). Parameters: $includeSources. Returns: total.
MATCH (n:Entity)
WHERE ($includeSources OR NOT n:Source) AND NOT (n:Provision OR n:Obligation OR n:Role OR n:Penalty)
RETURN count(n) AS total

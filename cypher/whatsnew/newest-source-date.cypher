// Newest source date
// How current the graph is: the date of its newest dated source (ISO strings compare as text).
// Parameters: none.
// Returns: date (null when no source is dated).
MATCH (s:Source)
WHERE s.date IS NOT NULL
RETURN max(s.date) AS date

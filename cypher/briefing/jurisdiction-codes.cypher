// title: Briefing: every jurisdiction code in the graph
// description: For the message that names an unknown market: the codes a briefing accepts.
// returns: code
MATCH (j:Jurisdiction)
RETURN j.code AS code
ORDER BY code

// title: Briefing: how far the graph's data reaches
// description: The newest and oldest dates of the Sources on or before the as-of date, how many there are, and the
//   laws that have article-level provisions (the legal layer), for the "data current to" line of a briefing.
// param asOf: string -- YYYY-MM-DD
// returns: newest, oldest, sources, legalLaws
MATCH (s:Source)
WHERE s.date IS NOT NULL AND s.date <= $asOf
WITH max(s.date) AS newest, min(s.date) AS oldest, count(s) AS sources
RETURN newest,
       oldest,
       sources,
       COLLECT {
         MATCH (l:Law)-[:HAS_PROVISION]->(:Provision)
         RETURN DISTINCT l {.id, .nameEn, .nameZh} AS law
         ORDER BY law.id
       } AS legalLaws

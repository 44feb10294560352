// title: Briefing: the subject's models
// description: The models the subject develops, with the DEVELOPS relationships that say so and the earliest date
//   of their sources (for the as-of cut).
// param subjectId: string -- the subject's entity id
// returns: props, rels, reportedDate
MATCH (:Entity {id: $subjectId})-[d:DEVELOPS]->(m:Model)
// Ordered before collecting, so the citations' numbering does not follow the store's layout.
WITH m, d ORDER BY d.id
WITH m, collect(d {.*, type: type(d)}) AS rels, collect(d) AS edges
RETURN properties(m) AS props,
       rels,
       COLLECT {
         UNWIND edges AS e
         MATCH (src:Source)
         WHERE src.id IN e.sources AND src.date IS NOT NULL
         RETURN src.date AS date
         ORDER BY date
         LIMIT 1
       }[0] AS reportedDate
ORDER BY props.id

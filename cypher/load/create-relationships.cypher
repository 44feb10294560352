// Create a batch of relationships of one type that do not exist yet (the loader checked their ids under the load
// lock, and the uniqueness constraint refuses a duplicate). CREATE needs no per-row lock on the pattern, which makes
// a first load several times faster than MERGE. REL_TYPE as in merge-relationships.
// Parameters: $rows: list of lists [from, to, then the properties in the order of REL_PROP_COLUMNS in
// src/seed/load.ts] (the loader checks this file against that list). Rows as lists, not maps: the client packs no
// key per row, which was half of its CPU time. A null column sets nothing on a new relationship.
UNWIND $rows AS row
MATCH (a:Entity {id: row[0]})
MATCH (b:Entity {id: row[1]})
CREATE (a)-[r:REL_TYPE]->(b)
SET r.id = row[2],
    r.basis = row[3],
    r.sources = row[4],
    r.quote = row[5],
    r.date = row[6],
    r.case = row[7],
    r.role = row[8],
    r.article = row[9],
    r.note = row[10],
    r.verified = row[11],
    r.theme = row[12],
    r.themeZh = row[13],
    r.differenceEn = row[14],
    r.differenceZh = row[15],
    r.referenceTitle = row[16],
    r.referenceUrl = row[17],
    r.referenceProvision = row[18]

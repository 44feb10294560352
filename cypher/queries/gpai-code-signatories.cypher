// title: Who signed the GPAI Code of Practice, and who signed only part of it
// description: Signatories of the EU General-Purpose AI Code of Practice with the note on partial signature where the source gives one.
// param code: id = law:eu-gpai-code-of-practice -- the code of practice
MATCH (s:Entity)-[r:SIGNS]->(:Law {id: $code})
RETURN s.id AS signatory, coalesce(s.nameEn, s.nameZh) AS name,
       CASE WHEN r.note IS NOT NULL AND (toLower(r.note) CONTAINS 'only' OR r.note CONTAINS '仅' OR toLower(r.note) CONTAINS 'chapter') THEN 'partial' ELSE 'full' END AS scope,
       r.note AS note, r.date AS date, r.quote AS quote
ORDER BY scope, signatory

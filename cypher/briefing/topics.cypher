// title: Briefing: topics by id
// description: Names and category of the topics a briefing uses (activity topics, crosswalk rows, risk themes).
// param ids: string[] -- topic ids
// returns: id, category, nameEn, nameZh
UNWIND $ids AS id
MATCH (t:Topic {id: id})
RETURN t.id AS id, t.category AS category, t.nameEn AS nameEn, t.nameZh AS nameZh
ORDER BY id

// Which of a batch's relationship ids already exist, through the per-type uniqueness index. REL_TYPE as in
// merge-relationships. Parameters: $ids. Returns: id.
UNWIND $ids AS id
MATCH ()-[r:REL_TYPE {id: id}]->()
RETURN r.id AS id

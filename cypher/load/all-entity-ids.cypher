// Every entity's id (to rank every entity's neighbours). Parameters: none. Returns: id.
MATCH (n:Entity)
RETURN n.id AS id

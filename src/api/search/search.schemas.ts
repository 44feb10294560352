/** Request schema of GET /api/search. */
import { z } from "zod";

import { Labels, Limit } from "../schemas.js";

export const SearchRequest = {
  query: z
    .object({
      q: z.string().trim().min(1, "type at least one character to search").max(200),
      types: Labels,
      limit: Limit(100, 20),
    })
    .strict(),
};

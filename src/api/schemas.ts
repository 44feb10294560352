/** Request pieces shared by several routes, built from the model. */
import { z } from "zod";

import { EntityId, IsoDate, Label, RelType } from "../model/index.js";
import { csvList } from "./route.js";

export const IdParam = z.object({ id: EntityId }).strict();
export const Labels = csvList(Label).default([]);
export const RelTypes = csvList(RelType).default([]);
export const JurisdictionIds = csvList(
  EntityId.refine((s) => s.startsWith("jur:"), "a jurisdiction id starts with 'jur:'"),
).default([]);
export const Limit = (max: number, def: number) => z.coerce.number().int().min(1).max(max).default(def);
export { EntityId, IsoDate };

/** The JSON Schema of seed files, generated from the zod model (never written by hand). */
import { z } from "zod";

import { SeedFile } from "./seed.js";

export function seedJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(SeedFile, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
}

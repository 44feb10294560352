/** `npm run schema`: writes seed/seed.schema.json from the zod model, so editors validate seed files as they are typed. */
import { writeFileSync } from "node:fs";
import path from "node:path";

import { SEED_DIR } from "../config.js";
import { seedJsonSchema } from "../model/json-schema.js";

const out = path.join(SEED_DIR, "seed.schema.json");
writeFileSync(out, `${JSON.stringify(seedJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), out)}`);

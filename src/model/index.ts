/** The model: the one source of truth for types, validation, the JSON Schema and the OpenAPI document. */
export * from "./entities.js";
export * from "./relationships.js";
export * from "./seed.js";

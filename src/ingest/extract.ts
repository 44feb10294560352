/** The extraction's entry points (the stages live in `extract/`): kept at this path for the CLI and the benchmark. */
export * from "./extract/index.js";

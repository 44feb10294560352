// ESLint (flat config): the recommended JavaScript and typescript-eslint rules, with the type-aware ones that catch
// real bugs cheaply (promises left floating or passed where a callback is expected). No formatting rules: Prettier
// formats (printWidth 120).
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/**", "web/dist/**", ".neo4j/**", ".data/**", "**/*.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      // Setting a large value to null once it is used, so that the collector can take it, is deliberate (bench).
      "no-useless-assignment": "off",
      "@typescript-eslint/no-misused-promises": [
        "error",
        { checksVoidReturn: { arguments: false, attributes: false } },
      ],
      // `_`-prefixed names are deliberately unused (a destructured property left out, an express error handler's next).
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    files: ["web/src/**/*.ts"],
    languageOptions: { globals: { ...globals.browser } },
    // sigma's camera animations return promises the explorer starts and forgets on purpose; in the browser nothing
    // is lost if one is never awaited (on the server an unhandled rejection stops the process, so there they count).
    rules: { "@typescript-eslint/no-floating-promises": "off", "@typescript-eslint/no-misused-promises": "off" },
  },
);

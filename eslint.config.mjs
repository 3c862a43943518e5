// @ts-check
// One config for the monorepo: every package runs `eslint . --max-warnings 0` from its own folder.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import { defineConfig } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig([
  {
    ignores: ["**/dist/**", "**/node_modules/**", "**/.turbo/**", "**/coverage/**", "**/.bench/**", "**/.data/**", "packages/db/drizzle/**"],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    // Each file is checked with the nearest tsconfig.json, the same program `pnpm typecheck` checks.
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // The house style writes `!` on indexed access (`rows[0]!`) as if noUncheckedIndexedAccess were on.
      "@typescript-eslint/no-unnecessary-type-assertion": "off",
      // `_name` marks what is left out on purpose (`{ save: _save, ...rest }`, Express's 4-argument error handler).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
      // Apollo plugin hooks and react-admin's authProvider must return promises; `async` is the plain way to.
      "@typescript-eslint/require-await": "off",
      // `String(extensions.code ?? "")` reads GraphQL's `unknown` extensions; the rule takes `unknown ?? ""` for an object.
      "@typescript-eslint/no-base-to-string": "off",
    },
  },
  {
    // Tests read GraphQL answers and SQL rows as untyped JSON (the harness's `Record<string, any>`) and expect() checks them.
    files: ["**/*.test.{ts,tsx}", "**/src/test/**", "apps/api/fault/**"],
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
  {
    // Plain scripts are Node's and sit outside every tsconfig.
    files: ["**/*.{js,mjs,cjs}"],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    files: ["apps/dashboard/**/*.{ts,tsx}"],
    extends: [reactHooks.configs.flat.recommended],
    rules: {
      // Event handlers are async functions that catch their own errors; React ignores what they return.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
    },
  },
]);

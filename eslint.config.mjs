import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: [".next/**", "node_modules/**", "data/**", "db/migrations/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      // next-auth stays behind auth.ts, auth.config.ts and server/auth/.
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["next-auth", "next-auth/*"], message: "Import from @/auth or server/auth." }] },
      ],
    },
  },
  {
    files: ["auth.ts", "auth.config.ts", "server/auth/**", "app/(public)/sign-in/actions.ts"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    files: [
      "components/forms/**",
      "components/ui/**",
      "components/layout/{locale-switcher,theme-toggle,sidebar}.tsx",
      "app/**/*-form.tsx",
      "app/**/*-forms.tsx",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/server/*", "@/db/*"], message: "Client components never import server code." }] },
      ],
    },
  },
];

export default config;

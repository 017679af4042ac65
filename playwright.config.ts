import { defineConfig, devices } from "@playwright/test";

// End-to-end tests on the production build (`next build` runs first, see package.json),
// with Debian's Chromium. Three servers on fresh in-memory databases: one with every
// template, one with DIHYA_TEMPLATES=energy (disabled-template checks), and one started
// with DIHYA_SEED=none for the one-time setup page.
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const server = (port: number, env: Record<string, string> = {}) => ({
  command: `node node_modules/next/dist/bin/next start -p ${port}`,
  url: `http://localhost:${port}/api/health`,
  reuseExistingServer: false,
  timeout: 240_000,
  stdout: "ignore" as const,
  stderr: "pipe" as const,
  env: {
    NEXT_TELEMETRY_DISABLED: "1",
    DIHYA_DATA_DIR: "memory://",
    AUTH_SECRET: "e2e-only-secret-5f0c7e1b9a2d4c6e8f",
    DIHYA_SIGNIN_IP_LIMIT: "10000",
    DIHYA_API_IP_RATE_LIMIT: "100000",
    DIHYA_CORS_ORIGINS: "https://erp.example.ma",
    // Background jobs poll fast and retry soon so e-mail and webhook tests finish quickly;
    // webhooks may reach the test's receiver on 127.0.0.1.
    DIHYA_JOB_POLL_MS: "250",
    DIHYA_JOB_BACKOFF_MS: "1000",
    DIHYA_WEBHOOK_ALLOW_PRIVATE: "1",
    // Three months of demo readings (instead of twelve) keep start-up short with two servers
    // seeding at once; enough for last month's CO₂, the forecasts' backtest and the dashboard.
    DIHYA_DEMO_READING_DAYS: "90",
    // One day of 1-minute server metrics instead of seven, for the same reason.
    DIHYA_DEMO_METRIC_DAYS: "1",
    DATABASE_URL: "",
    ...env,
    // E2E_DATABASE_URL runs the main server on PostgreSQL instead (see .ci/run).
    ...(process.env.E2E_DATABASE_URL && port === 3100 ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : {}),
  },
});

export default defineConfig({
  testDir: "./e2e",
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: "http://localhost:3100",
    locale: "fr-FR",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: ["--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], locale: "fr-FR", launchOptions: { executablePath } } }],
  webServer: [
    server(3100, { SMTP_URL: "smtp://127.0.0.1:2526" }),
    server(3101, { DIHYA_TEMPLATES: "energy" }),
    server(3102, { DIHYA_SEED: "none", DIHYA_SETUP_TOKEN: "e2e-setup-token-7f3a9c21" }),
  ],
});

import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Page } from "@playwright/test";

export const password = "Dihya-demo-2026";
export const demo = {
  admin: "admin@demo.dihya.dz",
  technician: "technicien@demo.dihya.dz",
  devops: "devops@demo.dihya.dz",
  user: "agent@demo.dihya.dz",
  client: "client@demo.dihya.dz",
  guest: "invite@demo.dihya.dz",
} as const;
export type DemoRole = keyof typeof demo;
export const partnerKey = "dihya_demo_0123456789abcdef0123456789abcdef";

/** Signs in through the sign-in page, as a person would. */
export async function signInUi(page: Page, email: string, pw = password) {
  await page.goto("/sign-in");
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(pw);
  await page.locator("form button[type=submit]").click();
  // Done when we have left the sign-in page, or when it shows an error.
  await Promise.race([page.waitForURL((url) => !url.pathname.startsWith("/sign-in")), page.getByTestId("sign-in-error").waitFor()]);
}

/** Signs in through Auth.js's credentials endpoints (as scripts do); cookies land in `request`. */
export async function signInApi(request: APIRequestContext, email: string, pw = password) {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const res = await request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: pw }, maxRedirects: 0 });
  expect(res.status()).toBe(302);
  expect(res.headers().location).not.toContain("error=");
}

let counter = 0;
/** Creates a fresh account through the admin API and returns its credentials. */
export async function createAccount(admin: APIRequestContext, role: string, extra: Record<string, unknown> = {}) {
  const email = `e2e-${Date.now()}-${counter++}@example.dz`;
  const pw = "e2e long password 2026";
  const res = await admin.post("/api/users", { data: { name: `E2E ${role}`, email, role, password: pw, ...extra } });
  expect(res.status()).toBe(201);
  return { ...(await res.json()), password: pw } as { id: string; email: string; password: string };
}

export function expectProblem(body: Record<string, unknown>, status: number, code?: string) {
  expect(body.status).toBe(status);
  expect(typeof body.title).toBe("string");
  expect(typeof body.type).toBe("string");
  if (code) expect(body.code).toBe(code);
}

/** axe with the WCAG 2.2 AA tags: no violation allowed. */
export async function expectNoViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, label).toEqual([]);
}

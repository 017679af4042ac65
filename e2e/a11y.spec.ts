import { expect, test } from "@playwright/test";
import { demo, expectNoViolations, signInApi } from "./helpers";
import { fillPath, pages, pathParams, roleFor } from "./pages";

let params: Record<string, string> = {};
test.beforeAll(async ({ playwright }) => {
  const request = await playwright.request.newContext({ baseURL: "http://localhost:3100" });
  params = await pathParams(request);
  await request.dispose();
});

// One test per page and locale: axe (WCAG 2.2 AA) at desktop and 360 px, no horizontal overflow.
for (const locale of ["fr", "ar"] as const) {
  for (const p of pages) {
    test(`axe ${locale}: ${p.path}`, async ({ browser }) => {
      const role = roleFor(p.permission);
      const context = await browser.newContext({ colorScheme: p.path.length % 2 ? "dark" : "light" });
      await context.addCookies([{ name: "dihya_locale", value: locale, url: "http://localhost:3100" }]);
      await signInApi(context.request, demo[role]);
      const page = await context.newPage();
      const path = fillPath(p.path, params);
      for (const [width, height] of [
        [1280, 800],
        [360, 740],
      ] as const) {
        await page.setViewportSize({ width, height });
        const response = await page.goto(path);
        expect(response?.status(), `${role} ${path}`).toBe(200);
        await expectNoViolations(page, `${role} ${path} ${width}px`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${role} ${path} horizontal overflow at ${width}px`).toBeLessThanOrEqual(0);
      }
      await context.close();
    });
  }

  test(`axe ${locale}: public pages in dark mode`, async ({ browser }) => {
    const anonymous = await browser.newContext({ colorScheme: "dark" });
    await anonymous.addCookies([{ name: "dihya_locale", value: locale, url: "http://localhost:3100" }]);
    const page = await anonymous.newPage();
    for (const path of ["/sign-in", "/no-such-page"]) {
      await page.goto(path);
      await expectNoViolations(page, `anonymous ${path} dark`);
    }
    await anonymous.close();
  });
}

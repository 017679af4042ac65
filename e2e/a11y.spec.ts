import { expect, test } from "@playwright/test";
import { demo, expectNoViolations, signInApi } from "./helpers";
import { pages } from "./pages";

for (const locale of ["fr", "ar"] as const) {
  test(`axe: every page in ${locale}, light and dark, desktop and 360 px`, async ({ browser }) => {
    for (const role of ["admin", "client"] as const) {
      const context = await browser.newContext();
      await context.addCookies([{ name: "dihya_locale", value: locale, url: "http://localhost:3100" }]);
      await signInApi(context.request, demo[role]);
      const page = await context.newPage();
      const me = await (await context.request.get("/api/auth/session")).json();
      for (const p of pages) {
        const path = p.path.replace("{adminId}", me.user.id);
        for (const [width, height] of [
          [1280, 800],
          [360, 740],
        ] as const) {
          await page.setViewportSize({ width, height });
          await page.goto(path);
          await expectNoViolations(page, `${role} ${path} ${width}px`);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, `${role} ${path} horizontal overflow at ${width}px`).toBeLessThanOrEqual(0);
        }
      }
      await context.close();
    }
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

import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { createAccount, demo, signInApi, signInUi } from "./helpers";

const welcome = (locale: string) => JSON.parse(readFileSync(`messages/${locale}.json`, "utf8")).auth.welcome as string;

const headings: Record<string, RegExp> = {
  fr: /Connexion à Dihya/,
  en: /Sign in to Dihya/,
  ar: /[\u0600-\u06FF]/,
  zgh: /[\u2D30-\u2D7F]/,
  kab: /[ɛɣḍṣẓṭřčǧḥ]/,
};

test("the language switcher serves all five locales, with direction and fonts", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto("/sign-in");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  for (const locale of ["kab", "zgh", "ar", "en", "fr"]) {
    await page.getByTestId("locale-switcher").selectOption(locale);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(page.locator("html")).toHaveAttribute("dir", locale === "ar" ? "rtl" : "ltr");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(welcome(locale));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(headings[locale]!);
    if (locale === "zgh") {
      expect(await page.evaluate(() => document.fonts.load('16px "Noto Sans Tifinagh"', "ⵣ").then((f) => f.length > 0))).toBe(true);
    }
    if (locale === "kab") {
      const text = await page.locator("body").innerText();
      expect(text).toMatch(/[ɛɣḍṣẓṭř]/);
      expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans"', "ɛɣḍṣẓṭř"))).toBe(true);
    }
  }
  expect(errors.filter((e) => /hydrat/i.test(e))).toEqual([]);
});

test("Accept-Language picks the locale when no cookie or profile says otherwise", async ({ browser }) => {
  const context = await browser.newContext({ locale: "ar-DZ" });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await context.close();
});

test("the profile language follows the user and wins over the cookie", async ({ page, request }) => {
  await signInApi(request, demo.admin);
  const account = await createAccount(request, "guest");
  await signInUi(page, account.email, account.password);
  await page.goto("/profile");
  const save = page.locator("form:has(#locale) button[type=submit]");
  await page.locator("#locale").selectOption("zgh");
  await save.click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zgh");
  await page.context().clearCookies({ name: "dihya_locale" });
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "zgh");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/[\u2D30-\u2D7F]/);
  await page.goto("/profile");
  await page.locator("#locale").selectOption("ar");
  await save.click();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
});

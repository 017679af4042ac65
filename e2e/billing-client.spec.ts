import { spawnSync } from "node:child_process";
import { expect, test, type Page } from "@playwright/test";
import { demo, expectNoViolations, signInUi } from "./helpers";

// The demo client on a phone: amount due first, an invoice, its PDF, the sandbox payment,
// and the PDF in Arabic after switching language (issue 6 acceptance).
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

/** The PDF's text layer (poppler's pdftotext), bidi marks removed. */
function pdfText(bytes: Buffer): string {
  const out = spawnSync("pdftotext", ["-layout", "-", "-"], { input: bytes });
  if (out.status !== 0) throw new Error(`pdftotext failed: ${out.stderr?.toString()}`);
  return out.stdout.toString("utf8").replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "");
}

async function downloadPdf(page: Page): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-pdf").click()]);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  return { name: download.suggestedFilename(), text: pdfText(bytes) };
}

test("the demo client sees what is due, downloads the invoice, pays it in the sandbox, then gets it in Arabic", async ({ page }) => {
  test.setTimeout(120_000);
  await signInUi(page, demo.client);
  await expect(page).toHaveURL(/\/client$/);

  // Amount due and due date come first.
  const amount = page.getByTestId("amount-due-value");
  await expect(amount).toBeVisible();
  await expect(amount).toContainText(/\d/);
  await expect(page.getByTestId("due-date")).toContainText(/\d/);
  await expectNoViolations(page, "client home");
  const noHorizontalScroll = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(noHorizontalScroll).toBe(true);

  // Open the invoice to pay from the list.
  await page.goto("/client/invoices");
  await expectNoViolations(page, "client invoices");
  const toPay = page.locator('[data-testid="invoice-row"][data-payable="true"]').first();
  await toPay.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/client\/invoices\/[0-9a-f-]{36}$/);
  const heading = (await page.getByRole("heading", { level: 1 }).textContent()) ?? "";
  const number = /FAC-\d{4}-\d{6}/.exec(heading)?.[0] ?? "";
  expect(number, heading).toMatch(/^FAC-\d{4}-\d{6}$/);
  await expectNoViolations(page, "client invoice");

  // Its PDF, in French: number, client, total.
  const french = await downloadPdf(page);
  expect(french.name).toBe(`${number}.pdf`);
  expect(french.text).toContain(number);
  expect(french.text).toContain("Nadia Boumediene");
  expect(french.text).toMatch(/Facture/);

  // Pay the balance through the sandbox provider (signed webhook), then it shows paid.
  await page.getByTestId("pay").click();
  await expect(page).toHaveURL(/\/client\/pay\//);
  // The title is streamed after the page (Next's streaming metadata): wait for it before axe.
  await expect(page).toHaveTitle(/Dihya/);
  await expectNoViolations(page, "sandbox payment");
  await page.getByTestId("sandbox-confirm").click();
  await expect(page).toHaveURL(/\/client\/invoices\/[0-9a-f-]{36}/);
  await expect(page.getByTestId("invoice-status")).toHaveAttribute("data-status", "paid");

  // Switching the client's language to Arabic gives an Arabic, right-to-left PDF.
  await page.getByTestId("locale-switcher").selectOption("ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  const arabic = await downloadPdf(page);
  expect(arabic.text).toContain(number);
  expect(arabic.text).toMatch(/[\u0600-\u06ff]{3,}/);
  expect(arabic.text).toContain("فاتورة");
  await page.getByTestId("locale-switcher").selectOption("fr");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
});

test("a client cannot open another client's invoice or its PDF, in the UI or the API", async ({ page }) => {
  // Another client's invoice id, taken from the admin API.
  await signInUi(page, demo.admin);
  const list = await page.request.get("/api/factures?limit=50&status=paid");
  expect(list.status()).toBe(200);
  const { data } = (await list.json()) as { data: { id: string; client: { name: string } }[] };
  const other = data.find((i) => i.client.name !== "Nadia Boumediene")!;
  expect(other).toBeTruthy();
  await page.context().clearCookies();

  await signInUi(page, demo.client);
  const res = await page.goto(`/client/invoices/${other.id}`);
  expect(res?.status()).toBe(404);
  const pdf = await page.request.get(`/api/factures/${other.id}/pdf`);
  expect(pdf.status()).toBe(404);
  const api = await page.request.get(`/api/factures/${other.id}`);
  expect(api.status()).toBe(404);
  const mine = await page.request.get("/api/factures?limit=100");
  expect(mine.status()).toBe(200);
  const own = (await mine.json()) as { data: { client: { name: string } }[] };
  expect(own.data.length).toBeGreaterThan(0);
  expect(new Set(own.data.map((i) => i.client.name))).toEqual(new Set(["Nadia Boumediene"]));
});

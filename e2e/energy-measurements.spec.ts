import { expect, test, type APIRequestContext } from "@playwright/test";
import { demo, partnerKey, signInUi } from "./helpers";

const partner = { authorization: `Bearer ${partnerKey}` };
const quarter = 15 * 60_000;
/** The start of the current 15-minute interval, minus `back` intervals. */
const slot = (back = 0) => new Date(Math.floor(Date.now() / quarter) * quarter - back * quarter).toISOString();

/** A fresh 15-minute energy meter on the Adrar solar park, created through the API as the signed-in admin. */
async function newMeter(request: APIRequestContext, label: string) {
  const sites = await (await request.get("/api/sites?q=DZ-ADR-PV01")).json();
  const code = `E2E-${label}-${Date.now().toString(36).toUpperCase()}`;
  const res = await request.post("/api/compteurs", {
    data: { siteId: sites.data[0].id, code, name: `Compteur ${label}`, kind: "consumption", quantity: "energy", intervalMinutes: 15 },
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: string; code: string; name: string };
}

async function post(request: APIRequestContext, readings: { meter: string; ts: string; value: number; unit: string }[]) {
  const res = await request.post("/api/consommation", { headers: partner, data: { readings } });
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.rejected).toEqual([]);
  return body;
}

test("a reading posted by a gateway appears on the open live chart within 2 seconds", async ({ page }) => {
  await signInUi(page, demo.admin);
  const meter = await newMeter(page.request, "LIVE");
  await page.goto(`/energy/live?meter=${meter.id}`);
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live");
  await expect(page.getByTestId("live-empty")).toBeVisible();

  await post(page.request, [{ meter: meter.code, ts: slot(), value: 42.5, unit: "kWh" }]);
  await expect(page.getByTestId("live-last")).toContainText("42,5", { timeout: 2000 });
  await expect(page.getByTestId("live-empty")).toHaveCount(0);

  // A second reading, sent in Wh, is converted and drawn too.
  await post(page.request, [{ meter: meter.code, ts: slot(), value: 43_750, unit: "Wh" }]);
  await expect(page.getByTestId("live-last")).toContainText("43,75", { timeout: 2000 });
});

test("readings above a threshold notify the admins once, and once more when they fall back", async ({ page }) => {
  await signInUi(page, demo.admin);
  const meter = await newMeter(page.request, "ALERT");
  const rule = `Surcharge ${meter.code}`;
  await page.goto("/energy/alerts/rules");
  await page.locator("#rule-name").fill(rule);
  await page.locator("#rule-meterId").selectOption(meter.id);
  await page.locator("#rule-comparator").selectOption("above");
  await page.locator("#rule-threshold").fill("500");
  await page.locator("#rule-durationMinutes").fill("15");
  await page.getByRole("button", { name: "Nouvelle règle" }).click();
  await expect(page.getByTestId("alert-rule").filter({ hasText: rule })).toBeVisible();

  const mine = async (kind: string) => {
    const res = await page.request.get("/api/notifications?limit=100");
    const list = (await res.json()).data as { kind: string; title: string }[];
    return list.filter((n) => n.kind === kind && n.title.includes(rule));
  };
  // 130 kWh in 15 minutes is 520 kW: above 500 kW for two intervals, posted in two batches.
  await post(page.request, [{ meter: meter.code, ts: slot(2), value: 130, unit: "kWh" }]);
  await post(page.request, [{ meter: meter.code, ts: slot(1), value: 0.14, unit: "MWh" }]);
  await expect.poll(() => mine("energy.alert.fired").then((n) => n.length)).toBe(1);
  expect(await mine("energy.alert.resolved")).toHaveLength(0);

  await page.goto("/energy/alerts");
  await expect(page.getByText(rule).first()).toBeVisible();

  await post(page.request, [{ meter: meter.code, ts: slot(0), value: 100, unit: "kWh" }]);
  await expect.poll(() => mine("energy.alert.resolved").then((n) => n.length)).toBe(1);
  expect(await mine("energy.alert.fired")).toHaveLength(1);
});

test("the environment page shows the CO₂ the API computes for a site and month", async ({ page }) => {
  await signInUi(page, demo.admin);
  const sites = await (await page.request.get("/api/sites?q=DZ-ORN-SS01")).json();
  const site = sites.data[0] as { id: string; code: string };
  const last = new Date();
  last.setUTCDate(1);
  last.setUTCMonth(last.getUTCMonth() - 1);
  const month = last.toISOString().slice(0, 7);
  const api = await page.request.get(`/api/environnement?site=${site.id}&from=${month}&to=${month}`);
  expect(api.status()).toBe(200);
  const row = ((await api.json()).data as { month: string; co2Kg: string | number | null }[]).find((r) => r.month === month);
  expect(row?.co2Kg).toBeTruthy();
  expect(Number(row!.co2Kg)).toBeGreaterThan(0);

  await page.goto(`/energy/environment?site=${site.id}&from=${month}&to=${month}`);
  const cell = page.getByTestId(`co2-${site.code}-${month}`);
  await expect(cell).toHaveAttribute("data-value", String(row!.co2Kg));
});

test("the forecast of a demo meter shows both models' backtest metrics and the skill against the naive baseline", async ({ page }) => {
  await signInUi(page, demo.user);
  const meters = await (await page.request.get("/api/compteurs?q=DZ-ADR-PV01-C1")).json();
  await page.goto(`/energy/meters/${meters.data[0].id}/forecast`);
  await expect(page.getByTestId("forecast-empty")).toHaveCount(0);
  // MAPE and NMBE are printed for both models as percentages, computed on the held-out week.
  for (const metric of ["mape", "nmbe"]) {
    const cells = page.getByTestId(`forecast-metric-${metric}`).locator("td");
    await expect(cells.nth(0)).toContainText("%");
    await expect(cells.nth(1)).toContainText("%");
  }
  await expect(page.getByTestId("forecast-metric-skill").locator("td").nth(1)).toContainText("%");
  await expect(page.getByTestId("forecast-skill")).toHaveAttribute("data-verdict", /.+/);
  // Users read forecasts but cannot recompute them.
  await expect(page.getByTestId("forecast-recompute")).toHaveCount(0);
});

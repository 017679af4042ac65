import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { demo, partnerKey, signInApi } from "./helpers";

const run = promisify(execFile);
const origin = "http://localhost:3100";

type Notification = { kind: string; params: Record<string, string | number> };

async function devopsNotifications(devops: APIRequestContext, kind: string, server: string): Promise<Notification[]> {
  const res = await devops.get("/api/notifications?limit=100");
  expect(res.status()).toBe(200);
  const { data } = (await res.json()) as { data: Notification[] };
  return data.filter((n) => n.kind === kind && n.params.server === server);
}

/** A running server with an agent token, tagged for this test's rule. */
async function serverWithToken(devops: APIRequestContext, hostname: string, tag: string) {
  const created = await devops.post("/api/servers", {
    data: { hostname, kind: "vm", location: "DC Alger — Oued Smar", country: "DZ", environment: "production", role: "web", tags: [tag] },
  });
  expect(created.status(), await created.text()).toBe(201);
  const server = (await created.json()) as { id: string };
  const running = await devops.post(`/api/servers/${server.id}/status`, { data: { status: "running", reason: "Mise en service (e2e)" } });
  expect(running.status(), await running.text()).toBe(200);
  const issued = await devops.post(`/api/servers/${server.id}/agent-tokens`, { data: {} });
  expect(issued.status(), await issued.text()).toBe(201);
  const { token } = (await issued.json()) as { token: string };
  return { id: server.id, token };
}

async function pushCpu(request: APIRequestContext, token: string, value: number) {
  const res = await request.post("/api/monitoring/metrics", {
    headers: { authorization: `Bearer ${token}` },
    data: { points: [{ metric: "cpu", ts: new Date().toISOString(), value }] },
  });
  expect(res.status(), await res.text()).toBe(200);
  expect((await res.json()).accepted).toBe(1);
}

test("the agent script, a rule, one alert, one incident, acknowledge → resolve → close, and a silence that mutes", async ({
  browser,
  playwright,
}) => {
  test.setTimeout(240_000);
  const stamp = Date.now().toString(36);
  const tag = `e2e-${stamp}`;
  const devopsContext = await browser.newContext();
  const devops = devopsContext.request;
  await signInApi(devops, demo.devops);
  const agent = await playwright.request.newContext({ baseURL: origin });

  // 1. The shipped agent script, run once with the server's token, makes the server up with metrics.
  const host = `e2e-agent-${stamp}`;
  const server = await serverWithToken(devops, host, tag);
  const spool = mkdtempSync(join(tmpdir(), "dihya-agent-"));
  try {
    await run("sh", ["scripts/dihya-agent.sh", "--once"], {
      env: { ...process.env, DIHYA_URL: origin, DIHYA_AGENT_TOKEN: server.token, DIHYA_SPOOL: spool },
      timeout: 30_000,
    });
  } finally {
    rmSync(spool, { recursive: true, force: true });
  }
  const detail = await (await devops.get(`/api/servers/${server.id}`)).json();
  expect(detail.monitorState).toBe("up");
  const from = new Date(Date.now() - 3_600_000).toISOString();
  const to = new Date(Date.now() + 60_000).toISOString();
  const series = await devops.get(`/api/monitoring?server=${server.id}&metric=cpu&from=${from}&to=${to}`);
  expect(series.status(), await series.text()).toBe(200);
  expect(((await series.json()) as { points: unknown[] }).points.length).toBeGreaterThan(0);
  // A bad token is refused (the agent would stop with a message).
  const refused = await agent.post("/api/monitoring/metrics", { headers: { authorization: "Bearer dha_nope" }, data: { points: [] } });
  expect(refused.status()).toBe(401);

  // 2. A rule: CPU over 95 % for 20 s opens an incident and notifies devops.
  const ruleName = `E2E CPU ${stamp}`;
  const rule = await devops.post("/api/monitoring/rules", {
    data: {
      name: ruleName,
      metric: "cpu",
      selector: { tags: [tag] },
      comparator: "gt",
      threshold: 95,
      forSeconds: 20,
      severity: "sev2",
      openIncident: true,
      notifyRoles: ["devops"],
      repeatMinutes: 240,
      enabled: true,
    },
  });
  expect(rule.status(), await rule.text()).toBe(201);

  // A second server under a silence (matcher on its hostname): it fires, nobody is told.
  const silencedHost = `e2e-silenced-${stamp}`;
  const silenced = await serverWithToken(devops, silencedHost, tag);
  const silence = await devops.post("/api/monitoring/silences", {
    data: {
      matchers: [{ name: "server", op: "=", value: silencedHost }],
      endsAt: new Date(Date.now() + 3_600_000).toISOString(),
      comment: "Maintenance planifiée (e2e)",
    },
  });
  expect(silence.status(), await silence.text()).toBe(201);

  // 3. Both push 99 % until the incident of the first one opens (pending 20 s, evaluated every 15 s).
  const incidents = async () => {
    const res = await devops.get(`/api/incidents?q=${encodeURIComponent(ruleName)}`);
    expect(res.status()).toBe(200);
    return ((await res.json()) as { data: { id: string; status: string }[] }).data;
  };
  await expect
    .poll(
      async () => {
        await pushCpu(agent, server.token, 99);
        await pushCpu(agent, silenced.token, 99);
        return (await devopsNotifications(devops, "devops.alert.firing", host)).length;
      },
      { timeout: 120_000, intervals: [5_000] },
    )
    .toBe(1);
  const opened = await incidents();
  expect(opened).toHaveLength(1);
  const incidentId = opened[0]!.id;

  // Still over the threshold for two more evaluations: still one alert, one incident, one notification.
  for (let i = 0; i < 4; i++) {
    await pushCpu(agent, server.token, 99);
    await pushCpu(agent, silenced.token, 99);
    await new Promise((r) => setTimeout(r, 8_000));
  }
  expect(await devopsNotifications(devops, "devops.alert.firing", host)).toHaveLength(1);
  expect(await incidents()).toHaveLength(1);
  expect(await devopsNotifications(devops, "devops.alert.firing", silencedHost)).toHaveLength(0);
  const instances = await (await devops.get("/api/monitoring")).json();
  expect(JSON.stringify(instances.recentAlerts)).toContain(silencedHost);

  // 4. Devops acknowledges on the incident page: the acknowledge clock stops.
  const page = await devopsContext.newPage();
  await page.goto(`/devops/incidents/${incidentId}`);
  await expect(page).toHaveTitle(/Incident/);
  await page.getByRole("button", { name: "Prendre en compte" }).click();
  await expect
    .poll(async () => (await (await devops.get(`/api/incidents/${incidentId}`)).json()).status, { timeout: 15_000 })
    .toBe("acknowledged");
  const acked = await (await devops.get(`/api/incidents/${incidentId}`)).json();
  expect(acked.sla.ack.state).toBe("met");
  expect(acked.sla.ack.ticking).toBe(false);
  expect(acked.sla.ack.stoppedAt).not.toBeNull();

  // 5. Resolve, then close with the post-incident review.
  const resolved = await devops.patch(`/api/incidents/${incidentId}`, { data: { status: "resolved" } });
  expect(resolved.status(), await resolved.text()).toBe(200);
  const noReview = await devops.patch(`/api/incidents/${incidentId}`, { data: { status: "closed" } });
  expect(noReview.status()).toBe(422);
  const closed = await devops.patch(`/api/incidents/${incidentId}`, {
    data: { status: "closed", summary: "CPU saturée par un test e2e.", rootCause: "Charge simulée par le test." },
  });
  expect(closed.status(), await closed.text()).toBe(200);
  const final = await (await devops.get(`/api/incidents/${incidentId}`)).json();
  expect(final.status).toBe("closed");
  expect(final.timeline.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(["status", "alert"]));

  await agent.dispose();
  await devopsContext.close();
});

test("an Alertmanager v4 payload opens an incident, its resolution resolves it, a replay changes nothing", async ({ playwright }) => {
  const partner = await playwright.request.newContext({ baseURL: origin, extraHTTPHeaders: { authorization: `Bearer ${partnerKey}` } });
  const fingerprint = `e2e${Date.now().toString(16)}`;
  const alertname = `E2E Alertmanager ${fingerprint}`;
  const payload = (status: "firing" | "resolved") => ({
    version: "4",
    groupKey: `{}:{alertname="${alertname}"}`,
    truncatedAlerts: 0,
    status,
    receiver: "dihya",
    groupLabels: { alertname },
    commonLabels: { alertname, severity: "critical" },
    commonAnnotations: { summary: "Disque plein" },
    externalURL: "http://alertmanager.example:9093",
    alerts: [
      {
        status,
        labels: { alertname, severity: "critical", instance: "alg-db-01:9100" },
        annotations: { summary: "Disque plein" },
        startsAt: "2026-11-20T10:00:00Z",
        endsAt: status === "firing" ? "0001-01-01T00:00:00Z" : "2026-11-20T10:30:00Z",
        generatorURL: "http://prometheus.example:9090/graph",
        fingerprint,
      },
    ],
  });
  const post = async (status: "firing" | "resolved") => {
    const res = await partner.post("/api/monitoring/alertmanager", { data: payload(status) });
    expect(res.status(), await res.text()).toBe(200);
    return res.json();
  };
  const find = async () => {
    const res = await partner.get(`/api/incidents?q=${encodeURIComponent(alertname)}`);
    expect(res.status()).toBe(200);
    return ((await res.json()) as { data: { id: string; status: string; severity: string }[] }).data;
  };
  await post("firing");
  const opened = await find();
  expect(opened).toHaveLength(1);
  expect(opened[0]!.severity).toBe("sev1");
  await post("firing");
  expect(await find()).toHaveLength(1);
  await post("resolved");
  expect((await find())[0]!.status).toBe("resolved");
  const replay = await post("resolved");
  expect(replay.resolved).toBe(0);
  const after = await find();
  expect(after).toHaveLength(1);
  expect(after[0]!.status).toBe("resolved");
  await partner.dispose();
});

test("a user opens an incident from the form, follows it, and cannot read servers", async ({ browser }) => {
  const context = await browser.newContext();
  await signInApi(context.request, demo.user);
  const page = await context.newPage();
  await page.goto("/devops/incidents/new");
  const title = `Messagerie lente ${Date.now().toString(36)}`;
  await page.getByLabel(/Titre/).fill(title);
  await page.getByLabel(/Description/).fill("Les courriels mettent dix minutes à arriver.");
  await page.getByRole("button", { name: "Signaler l’incident" }).click();
  await expect(page).toHaveURL(/\/devops\/incidents\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
  await page.goto("/devops/incidents");
  await expect(page.getByText(title)).toBeVisible();
  expect((await context.request.get("/api/servers")).status()).toBe(403);
  expect((await page.goto("/devops/servers"))?.status()).toBe(403);
  await context.close();
});

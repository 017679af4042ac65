import { describe, expect, it } from "vitest";
import { allowedTransitions, canTransition, serverStatuses, type ServerStatus } from "@/lib/devops/server-lifecycle";
import { accessGrantSchema, canonicalFingerprint, looksLikeKeyMaterial } from "@/lib/validation/server-access";
import { grantFormSchema, serverFormSchema } from "@/lib/validation/server-form";
import { createServerSchema, isHostname, listServersQuery, updateServerSchema } from "@/lib/validation/servers";

const sha = `SHA256:${"uJ0ZRrMHqOq3cWlQ6DkxWbG7mBz1f0Xq8D7cD4r5s2E".slice(0, 43)}`;
const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]);

describe("server lifecycle", () => {
  it("allows exactly the documented moves", () => {
    const allowed: [ServerStatus, ServerStatus][] = [
      ["provisioning", "running"],
      ["provisioning", "decommissioned"],
      ["running", "maintenance"],
      ["maintenance", "running"],
      ["running", "stopped"],
      ["stopped", "running"],
      ["maintenance", "stopped"],
      ["running", "decommissioned"],
      ["maintenance", "decommissioned"],
      ["stopped", "decommissioned"],
    ];
    for (const from of serverStatuses) {
      for (const to of serverStatuses) {
        const expected = allowed.some(([a, b]) => a === from && b === to);
        expect(canTransition(from, to), `${from} → ${to}`).toBe(expected);
      }
    }
  });

  it("makes decommissioned final and never allows staying in place", () => {
    expect(allowedTransitions("decommissioned")).toEqual([]);
    for (const s of serverStatuses) expect(canTransition(s, s)).toBe(false);
    expect(canTransition("stopped", "maintenance")).toBe(false);
    expect(canTransition("provisioning", "maintenance")).toBe(false);
  });
});

describe("server schemas", () => {
  const base = { hostname: "alg-web-01", kind: "vm", location: "DC Alger — Oued Smar", environment: "production" };

  it("normalises host name, addresses and tags, and fills the defaults", () => {
    const server = createServerSchema.parse({
      ...base,
      hostname: "  ALG-Web-01.dz.Example  ",
      addresses: ["10.0.0.1", " 2001:DB8::1 ", "10.0.0.1", ""],
      tags: [" Nginx", "nginx", "PUBLIC", "données"],
    });
    expect(server).toMatchObject({
      hostname: "alg-web-01.dz.example",
      addresses: ["10.0.0.1", "2001:db8::1"],
      tags: ["nginx", "public", "données"],
      country: "DZ",
      criticality: "medium",
      heartbeatSeconds: 60,
      missedHeartbeats: 3,
    });
  });

  it("refuses bad host names, addresses, sizes, heartbeats and countries with their message keys", () => {
    for (const bad of ["-web", "web-", "we_b", "a..b", `${"a".repeat(64)}.dz`, "", "web 01"]) expect(isHostname(bad), bad).toBe(false);
    expect(isHostname(`${"a".repeat(63)}.${"b".repeat(63)}`)).toBe(true);
    const result = createServerSchema.safeParse({
      ...base,
      hostname: "web_01",
      addresses: ["10.0.0.300"],
      cpuCores: 0,
      memoryMb: 1.5,
      diskGb: -1,
      heartbeatSeconds: 5,
      missedHeartbeats: 21,
      country: "XX",
      tags: ["ok", "not ok"],
    });
    expect(messages(result)).toEqual(
      expect.arrayContaining([
        ["hostname", "serverHostnameInvalid"],
        ["addresses", "serverAddressInvalid"],
        ["cpuCores", "serverCpuInvalid"],
        ["memoryMb", "serverMemoryInvalid"],
        ["diskGb", "serverDiskInvalid"],
        ["heartbeatSeconds", "serverHeartbeatRange"],
        ["missedHeartbeats", "serverMissedRange"],
        ["country", "countryInvalid"],
        ["tags", "serverTagInvalid"],
      ]),
    );
    expect(createServerSchema.safeParse({ ...base, heartbeatSeconds: 3600, missedHeartbeats: 20 }).success).toBe(true);
    expect(createServerSchema.safeParse({ ...base, status: "running" }).success).toBe(false);
    expect(messages(updateServerSchema.safeParse({}))).toEqual([["", "nothingToChange"]]);
  });

  it("turns the form's text into the API shape", () => {
    const form = {
      hostname: "cas-db-02",
      addresses: "10.212.20.12, 2001:db8::12",
      kind: "physical",
      location: "DC Casablanca — Technopark",
      country: "MA",
      os: "Rocky Linux 9",
      cpuCores: "32",
      memoryMb: "131 072",
      diskGb: "",
      environment: "production",
      role: "db",
      tags: "postgresql; patroni",
      team: "données",
      criticality: "critical",
      notes: "",
      heartbeatSeconds: "30",
      missedHeartbeats: "3",
    };
    expect(serverFormSchema.parse(form)).toMatchObject({
      addresses: ["10.212.20.12", "2001:db8::12"],
      memoryMb: 131_072,
      diskGb: null,
      tags: ["postgresql", "patroni"],
      heartbeatSeconds: 30,
    });
    expect(messages(serverFormSchema.safeParse({ ...form, cpuCores: "huit", heartbeatSeconds: "" }))).toEqual(
      expect.arrayContaining([
        ["cpuCores", "serverCpuInvalid"],
        ["heartbeatSeconds", "serverHeartbeatRange"],
      ]),
    );
  });

  it("reads list filters with an empty value as no filter and refuses unknown ones", () => {
    expect(listServersQuery.parse({ status: "", tag: "Nginx", sort: "monitor_state", order: "desc" })).toMatchObject({
      status: "",
      tag: "nginx",
      sort: "monitor_state",
      order: "desc",
      limit: 50,
    });
    expect(listServersQuery.safeParse({ status: "broken" }).success).toBe(false);
    expect(listServersQuery.safeParse({ colour: "red" }).success).toBe(false);
  });
});

describe("access grants", () => {
  const future = new Date(Date.now() + 86_400_000).toISOString();
  const privateKey =
    "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----";
  const publicKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl amina@poste";

  it("keeps SHA256 fingerprints and canonicalises MD5 ones", () => {
    expect(sha).toHaveLength(50);
    expect(canonicalFingerprint(` ${sha} `)).toBe(sha);
    expect(canonicalFingerprint("16:27:AC:A5:76:28:2D:36:63:1B:56:4D:EB:DF:A6:48")).toBe(
      "MD5:16:27:ac:a5:76:28:2d:36:63:1b:56:4d:eb:df:a6:48",
    );
    expect(canonicalFingerprint("MD5:16:27:ac:a5:76:28:2d:36:63:1b:56:4d:eb:df:a6:48")).toBe(
      "MD5:16:27:ac:a5:76:28:2d:36:63:1b:56:4d:eb:df:a6:48",
    );
    expect(canonicalFingerprint("SHA256:short")).toBeNull();
    const grant = accessGrantSchema.parse({ principal: "deploy", sshKeyFingerprint: sha, expiresAt: future });
    expect(grant).toMatchObject({ principal: "deploy", level: "operator", sshKeyFingerprint: sha, reason: "" });
    expect(accessGrantSchema.parse({ principal: "deploy", sshKeyFingerprint: "" }).sshKeyFingerprint).toBeNull();
  });

  it("refuses a private or public key body with its own message, and a past end date", () => {
    expect(looksLikeKeyMaterial(privateKey)).toBe(true);
    expect(looksLikeKeyMaterial(publicKey)).toBe(true);
    expect(looksLikeKeyMaterial(sha)).toBe(false);
    for (const key of [privateKey, publicKey, "AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl"]) {
      expect(messages(accessGrantSchema.safeParse({ principal: "amina", sshKeyFingerprint: key }))).toEqual([
        ["sshKeyFingerprint", "serverKeyMaterialRefused"],
      ]);
    }
    expect(messages(accessGrantSchema.safeParse({ principal: "amina", sshKeyFingerprint: "not-a-fingerprint" }))).toEqual([
      ["sshKeyFingerprint", "serverFingerprintInvalid"],
    ]);
    expect(messages(accessGrantSchema.safeParse({ principal: "Root!", level: "god", expiresAt: "2020-01-01T00:00:00Z" }))).toEqual([
      ["principal", "serverPrincipalInvalid"],
      ["level", "serverAccessLevelInvalid"],
      ["expiresAt", "expiryPast"],
    ]);
  });

  it("reads the form's local end date as an instant", () => {
    const local = new Date(Date.now() + 2 * 86_400_000);
    const pad = (n: number) => String(n).padStart(2, "0");
    const text = `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}T${pad(local.getHours())}:${pad(local.getMinutes())}`;
    const grant = grantFormSchema.parse({ principal: "ops", level: "root", sshKeyFingerprint: "", expiresAt: text, reason: "" });
    expect(Math.abs(Date.parse(grant.expiresAt!) - local.getTime())).toBeLessThan(60_000);
    expect(
      grantFormSchema.parse({ principal: "ops", level: "root", sshKeyFingerprint: "", expiresAt: "", reason: "" }).expiresAt,
    ).toBeNull();
  });
});

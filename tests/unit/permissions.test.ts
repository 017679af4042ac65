import { describe, expect, it } from "vitest";
import { homeFor, roleCan, rolePermissions, roles } from "@/lib/permissions";
import { parseEnabledTemplates } from "@/lib/templates";
import { matchAcceptLanguage } from "@/i18n/config";
import { safeNext } from "@/lib/safe-next";

describe("role matrix (architecture.md route table)", () => {
  const cases: [string, string[], string[]][] = [
    ["sites.read", ["admin", "user", "technician"], ["devops", "client", "guest"]],
    ["sites.write", ["admin"], ["user", "technician", "devops", "client", "guest"]],
    ["users.read", ["admin"], ["user", "technician", "devops", "client", "guest"]],
    ["servers.write", ["admin", "devops"], ["user", "technician", "client", "guest"]],
    ["incidents.create", ["admin", "user", "devops"], ["technician", "client", "guest"]],
    ["invoices.own", ["client"], ["admin", "user", "technician", "devops", "guest"]],
    ["notifications.read", [...roles], []],
  ];
  it.each(cases)("%s", (permission, allowed, denied) => {
    for (const role of allowed) expect(roleCan(role as never, permission as never), `${role} may ${permission}`).toBe(true);
    for (const role of denied) expect(roleCan(role as never, permission as never), `${role} may not ${permission}`).toBe(false);
  });
  it("guest holds no write permission", () => {
    expect(rolePermissions.guest.filter((p) => /write|create|run/.test(p))).toEqual([]);
  });
  it("clients land on the client home", () => {
    expect(homeFor("client")).toBe("/client");
    expect(homeFor("admin")).toBe("/");
  });
});

describe("templates", () => {
  it("serves both by default and only the listed ones otherwise", () => {
    expect(parseEnabledTemplates(undefined)).toEqual(["energy", "devops"]);
    expect(parseEnabledTemplates("devops")).toEqual(["devops"]);
    expect(parseEnabledTemplates("energy, nope")).toEqual(["energy"]);
  });
});

describe("locale negotiation", () => {
  it("matches the language subtag by quality", () => {
    expect(matchAcceptLanguage("ar-DZ,fr;q=0.8")).toBe("ar");
    expect(matchAcceptLanguage("de-DE,kab;q=0.5,en;q=0.4")).toBe("kab");
    expect(matchAcceptLanguage("de,it")).toBeNull();
    expect(matchAcceptLanguage("en;q=0.2,zgh-MA;q=0.9")).toBe("zgh");
  });
});

describe("safeNext", () => {
  it("keeps same-origin paths and refuses open redirects", () => {
    expect(safeNext("/admin/users?q=a")).toBe("/admin/users?q=a");
    expect(safeNext("//evil.example")).toBeNull();
    expect(safeNext("https://evil.example")).toBeNull();
    expect(safeNext("/\\evil.example")).toBeNull();
  });
});

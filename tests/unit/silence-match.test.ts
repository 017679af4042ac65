import { describe, expect, it } from "vitest";
import { anchoredRegex, matcherMatches, matcherProblem, matchesAll, silencesEverything, type Matcher } from "@/lib/devops/alert-matchers";
import { createSilenceSchema, silenceFormSchema } from "@/lib/devops/alert-silence-schema";

const labels = { alertname: "CPU au-dessus de 90 %", server: "web-01", environment: "staging", tags: "dz,web" };
const m = (name: string, op: Matcher["op"], value: string): Matcher => ({ name, op, value });

describe("silence matchers (Alertmanager semantics)", () => {
  it("compares values with = and !=; a missing label reads as empty", () => {
    expect(matcherMatches(m("server", "=", "web-01"), labels)).toBe(true);
    expect(matcherMatches(m("server", "=", "WEB-01"), labels)).toBe(false);
    expect(matcherMatches(m("server", "!=", "web-02"), labels)).toBe(true);
    expect(matcherMatches(m("role", "=", ""), labels)).toBe(true);
    expect(matcherMatches(m("role", "!=", ""), labels)).toBe(false);
  });

  it("anchors regular expressions at both ends", () => {
    expect(matcherMatches(m("server", "=~", "web-.*"), labels)).toBe(true);
    expect(matcherMatches(m("server", "=~", "web"), labels)).toBe(false);
    expect(matcherMatches(m("server", "=~", "eb-01"), labels)).toBe(false);
    expect(matcherMatches(m("server", "=~", "db-01|web-01"), labels)).toBe(true);
    expect(matcherMatches(m("server", "!~", "db-.*"), labels)).toBe(true);
    expect(matcherMatches(m("server", "!~", "web-.*"), labels)).toBe(false);
    expect(matcherMatches(m("tags", "=~", "(.*,)?web(,.*)?"), labels)).toBe(true);
    expect(anchoredRegex("a|b")?.test("xa")).toBe(false);
  });

  it("matches an alert only when every matcher does, and never with no matcher", () => {
    expect(matchesAll([m("environment", "=", "staging"), m("server", "=~", "web-.*")], labels)).toBe(true);
    expect(matchesAll([m("environment", "=", "staging"), m("server", "=~", "db-.*")], labels)).toBe(false);
    expect(matchesAll([], labels)).toBe(false);
  });

  it("refuses malformed matchers: label names, broken or non-RE2 expressions, long values", () => {
    expect(matcherProblem(m("server", "=~", "web-("))).toBe("silenceRegexInvalid");
    expect(matcherProblem(m("server", "=~", "web(?=-01)"))).toBe("silenceRegexInvalid");
    expect(matcherProblem(m("server", "=~", "(a)\\1"))).toBe("silenceRegexInvalid");
    expect(matcherProblem(m("server", "=", "web-("))).toBeNull();
    expect(matcherProblem(m("1server", "=", "x"))).toBe("silenceLabelInvalid");
    expect(matcherProblem(m("server", "=", "x".repeat(201)))).toBe("silenceValueTooLong");
    expect(matcherProblem({ name: "server", op: "~", value: "x" })).toBe("invalid");
  });

  it("refuses a silence whose matchers all match the empty string (it would silence everything)", () => {
    expect(silencesEverything([m("server", "=~", ".*")])).toBe(true);
    expect(silencesEverything([m("server", "!=", "web-01")])).toBe(true);
    expect(silencesEverything([m("server", "!=", "web-01"), m("environment", "=", "staging")])).toBe(false);
    expect(silencesEverything([m("server", "=~", ".+")])).toBe(false);
  });
});

describe("silence input", () => {
  const endsAt = "2026-12-01T10:00:00Z";
  const issues = (input: Record<string, unknown>) => {
    const parsed = createSilenceSchema.safeParse({
      matchers: [m("server", "=", "web-01")],
      endsAt,
      comment: "maintenance planifiée",
      ...input,
    });
    return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
  };

  it("needs a matcher, a comment and an end after the start", () => {
    expect(issues({})).toEqual([]);
    expect(issues({ matchers: [] })).toEqual(["matchers:silenceMatchersRequired"]);
    expect(issues({ comment: " " })).toEqual(["comment:silenceCommentRequired"]);
    expect(issues({ startsAt: "2026-12-02T10:00:00Z" })).toEqual(["endsAt:silenceEndBeforeStart"]);
    expect(issues({ endsAt: "demain" })).toEqual(["endsAt:dateInvalid"]);
    expect(issues({ matchers: [m("server", "=~", "web-[")] })).toEqual(["matchers.0.value:silenceRegexInvalid"]);
    expect(issues({ matchers: [m("server", "=~", ".*")] })).toEqual(["matchers:silenceMatchesEverything"]);
  });

  it("reads the form's local times through the browser's conversion", () => {
    const schema = silenceFormSchema((local) => (local.length === 16 ? `${local}:00Z` : null));
    const parsed = schema.safeParse({
      matchers: [m("server", "=", "web-01")],
      startsAt: "",
      endsAt: "2099-01-01T08:30",
      comment: "mise à jour",
    });
    expect(parsed.success && parsed.data).toEqual({
      matchers: [m("server", "=", "web-01")],
      endsAt: "2099-01-01T08:30:00.000Z",
      comment: "mise à jour",
    });
    const bad = schema.safeParse({
      matchers: [m("server", "=", "web-01")],
      startsAt: "2099-01-02T08:30",
      endsAt: "2099-01-01T08:30",
      comment: "mise à jour",
    });
    expect(bad.success ? [] : bad.error.issues.map((i) => `${i.path.join(".")}:${i.message}`)).toEqual(["endsAt:silenceEndBeforeStart"]);
  });
});

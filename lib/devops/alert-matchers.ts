/**
 * Silence matchers, Alertmanager semantics: `=` / `!=` compare a label's value, `=~` / `!~`
 * test it against a regular expression anchored at both ends (`web-.*` matches the whole
 * value, like Alertmanager's `^(?:web-.*)$`). A missing label reads as the empty string.
 * A silence matches an alert when every one of its matchers does. Used by the silence
 * form (validation), the services and the evaluation.
 */
export const matcherOps = ["=", "!=", "=~", "!~"] as const;
export type MatcherOp = (typeof matcherOps)[number];
export type Matcher = { name: string; op: MatcherOp; value: string };

export const labelNamePattern = /^[a-zA-Z_][a-zA-Z0-9_]{0,99}$/;
export const maxMatcherValueLength = 200;

/** Lookarounds and backreferences: not RE2 (Alertmanager's engine), refused to keep silences portable. */
const unsupported = /\(\?<?[=!]|\\[1-9]|\\k</;
const cache = new Map<string, RegExp | null>();

/** The anchored expression of a `=~` / `!~` value, or null when it is not a valid, supported regex. */
export function anchoredRegex(value: string): RegExp | null {
  const cached = cache.get(value);
  if (cached !== undefined) return cached;
  let compiled: RegExp | null = null;
  if (value.length <= maxMatcherValueLength && !unsupported.test(value)) {
    try {
      compiled = new RegExp(`^(?:${value})$`);
    } catch {
      compiled = null;
    }
  }
  if (cache.size > 500) cache.clear();
  cache.set(value, compiled);
  return compiled;
}

/** A `validation` key when the matcher is malformed, else null. */
export function matcherProblem(m: { name: string; op: string; value: string }): string | null {
  if (!labelNamePattern.test(m.name)) return "silenceLabelInvalid";
  if (!(matcherOps as readonly string[]).includes(m.op)) return "invalid";
  if (m.value.length > maxMatcherValueLength) return "silenceValueTooLong";
  if ((m.op === "=~" || m.op === "!~") && !anchoredRegex(m.value)) return "silenceRegexInvalid";
  return null;
}

export function matcherMatches(m: Matcher, labels: Readonly<Record<string, string>>): boolean {
  const value = labels[m.name] ?? "";
  switch (m.op) {
    case "=":
      return value === m.value;
    case "!=":
      return value !== m.value;
    case "=~":
      return anchoredRegex(m.value)?.test(value) ?? false;
    case "!~":
      return !(anchoredRegex(m.value)?.test(value) ?? true);
  }
}

/** Whether every matcher matches (an empty list matches nothing: a silence needs one matcher). */
export function matchesAll(matchers: readonly Matcher[], labels: Readonly<Record<string, string>>): boolean {
  return matchers.length > 0 && matchers.every((m) => matcherMatches(m, labels));
}

/**
 * Alertmanager refuses a silence whose matchers all match the empty string (it would
 * silence every alert lacking those labels): at least one must require a value.
 */
export function silencesEverything(matchers: readonly Matcher[]): boolean {
  return matchers.length > 0 && matchers.every((m) => matcherMatches(m, {}));
}

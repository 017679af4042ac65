/**
 * A strict parser of the Prometheus text exposition format 0.0.4, for tests: it throws on
 * anything a Prometheus server would refuse or misread (bad names, bad escapes, a sample
 * before its family's TYPE, a family split in two, duplicate series, histogram buckets that
 * are not cumulative or lack +Inf).
 */
export type Sample = { name: string; labels: Record<string, string>; value: number };
export type Family = { name: string; type: string; help: string | null; samples: Sample[] };

const metricName = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const labelName = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const types = new Set(["counter", "gauge", "histogram", "summary", "untyped"]);

/** Values as Prometheus reads them (Go's strconv.ParseFloat: NaN and Inf in any case, e.g. prom-client's "Nan"). */
function parseValue(text: string, line: number): number {
  if (/^nan$/i.test(text)) return NaN;
  if (/^\+?inf(inity)?$/i.test(text)) return Infinity;
  if (/^-inf(inity)?$/i.test(text)) return -Infinity;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) throw new Error(`line ${line}: bad value "${text}"`);
  return Number(text);
}

/** Labels from `{…}` starting at `i` (on the `{`); returns them and the index after `}`. */
function parseLabels(s: string, i: number, line: number): { labels: Record<string, string>; end: number } {
  const labels: Record<string, string> = {};
  i++;
  for (;;) {
    if (s[i] === "}") return { labels, end: i + 1 };
    const eq = s.indexOf("=", i);
    if (eq < 0) throw new Error(`line ${line}: label without =`);
    const name = s.slice(i, eq);
    if (!labelName.test(name)) throw new Error(`line ${line}: bad label name "${name}"`);
    if (name in labels) throw new Error(`line ${line}: label ${name} twice`);
    if (s[eq + 1] !== '"') throw new Error(`line ${line}: label value not quoted`);
    let value = "";
    let j = eq + 2;
    for (;;) {
      const c = s[j];
      if (c === undefined) throw new Error(`line ${line}: unterminated label value`);
      if (c === '"') break;
      if (c === "\\") {
        const next = s[j + 1];
        if (next === "\\") value += "\\";
        else if (next === '"') value += '"';
        else if (next === "n") value += "\n";
        else throw new Error(`line ${line}: bad escape \\${next}`);
        j += 2;
      } else {
        value += c;
        j++;
      }
    }
    labels[name] = value;
    i = j + 1;
    if (s[i] === ",") i++;
    else if (s[i] !== "}") throw new Error(`line ${line}: expected , or } after a label`);
  }
}

function familyOf(sample: string, families: Map<string, Family>): Family | undefined {
  for (const suffix of ["_bucket", "_sum", "_count", ""]) {
    if (!sample.endsWith(suffix)) continue;
    const family = families.get(sample.slice(0, sample.length - suffix.length));
    if (!family) continue;
    if (suffix === "") return family.type === "histogram" ? undefined : family;
    if (family.type === "histogram" || (family.type === "summary" && suffix !== "_bucket")) return family;
  }
  return undefined;
}

export function parsePrometheusText(text: string): Map<string, Family> {
  if (!text.endsWith("\n")) throw new Error("the exposition must end with a line feed");
  const families = new Map<string, Family>();
  const closed = new Set<string>();
  const seen = new Set<string>();
  let current: Family | null = null;
  text
    .slice(0, -1)
    .split("\n")
    .forEach((raw, index) => {
      const line = index + 1;
      if (raw.trim() === "") return;
      if (raw.startsWith("#")) {
        const m = /^# (HELP|TYPE) (\S+) ?(.*)$/.exec(raw);
        if (!m) return; // a comment
        const [, kind, name, rest] = m as unknown as [string, string, string, string];
        if (!metricName.test(name)) throw new Error(`line ${line}: bad metric name "${name}"`);
        if (closed.has(name)) throw new Error(`line ${line}: family ${name} appears twice`);
        let family = families.get(name);
        if (!family) {
          if (current) closed.add(current.name);
          family = { name, type: "untyped", help: null, samples: [] };
          families.set(name, family);
          current = family;
        } else if (family !== current) throw new Error(`line ${line}: family ${name} is split`);
        if (kind === "TYPE") {
          if (!types.has(rest)) throw new Error(`line ${line}: bad type "${rest}"`);
          if (family.samples.length > 0) throw new Error(`line ${line}: TYPE after samples of ${name}`);
          family.type = rest;
        } else {
          if (/\\[^\\n]/.test(rest)) throw new Error(`line ${line}: bad escape in HELP`);
          family.help = rest.replace(/\\n/g, "\n").replace(/\\\\/g, "\\");
        }
        return;
      }
      const nameEnd = raw.search(/[{ ]/);
      if (nameEnd <= 0) throw new Error(`line ${line}: not a sample: ${raw}`);
      const name = raw.slice(0, nameEnd);
      if (!metricName.test(name)) throw new Error(`line ${line}: bad metric name "${name}"`);
      let labels: Record<string, string> = {};
      let rest = raw.slice(nameEnd);
      if (rest.startsWith("{")) {
        const parsed = parseLabels(raw, nameEnd, line);
        labels = parsed.labels;
        rest = raw.slice(parsed.end);
      }
      const parts = rest.split(" ");
      if (parts[0] !== "" || parts.length < 2 || parts.length > 3) throw new Error(`line ${line}: bad sample: ${raw}`);
      const value = parseValue(parts[1]!, line);
      if (parts[2] !== undefined && !/^-?\d+$/.test(parts[2])) throw new Error(`line ${line}: bad timestamp`);
      const family = familyOf(name, families);
      if (!family) throw new Error(`line ${line}: sample ${name} has no TYPE before it`);
      if (family !== current) throw new Error(`line ${line}: sample ${name} outside its family's block`);
      const key = `${name}${JSON.stringify(Object.entries(labels).sort())}`;
      if (seen.has(key)) throw new Error(`line ${line}: duplicate series ${key}`);
      seen.add(key);
      if (family.type === "counter" && !(value >= 0)) throw new Error(`line ${line}: negative counter`);
      family.samples.push({ name, labels, value });
    });
  for (const family of families.values()) if (family.type === "histogram") checkHistogram(family);
  return families;
}

function checkHistogram(family: Family): void {
  const groups = new Map<string, Sample[]>();
  for (const s of family.samples.filter((x) => x.name.endsWith("_bucket"))) {
    if (!("le" in s.labels)) throw new Error(`${family.name}: bucket without le`);
    const key = JSON.stringify(
      Object.entries(s.labels)
        .filter(([k]) => k !== "le")
        .sort(),
    );
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  for (const [key, buckets] of groups) {
    const bounds = buckets.map((b) => parseValue(b.labels.le!, 0));
    if (bounds[bounds.length - 1] !== Infinity) throw new Error(`${family.name}${key}: no +Inf bucket`);
    for (let i = 1; i < buckets.length; i++) {
      if (!(bounds[i]! > bounds[i - 1]!)) throw new Error(`${family.name}${key}: buckets out of order`);
      if (buckets[i]!.value < buckets[i - 1]!.value) throw new Error(`${family.name}${key}: buckets not cumulative`);
    }
    const count = family.samples.find((s) => s.name === `${family.name}_count` && JSON.stringify(Object.entries(s.labels).sort()) === key);
    if (!count || count.value !== buckets[buckets.length - 1]!.value) throw new Error(`${family.name}${key}: _count ≠ +Inf bucket`);
  }
}

/** The value of one series (labels matched exactly), or undefined. */
export function sampleValue(families: Map<string, Family>, name: string, labels: Record<string, string> = {}): number | undefined {
  const want = JSON.stringify(Object.entries(labels).sort());
  for (const family of families.values()) {
    const s = family.samples.find((x) => x.name === name && JSON.stringify(Object.entries(x.labels).sort()) === want);
    if (s) return s.value;
  }
  return undefined;
}

/**
 * Who is who in the demo metrics: each running server gets a load profile from its role or
 * hostname (web, db, cache, batch, app) and deterministic offsets from its id, and three
 * servers play a part: the first database server (by hostname) fills its disk, the first
 * web server had a CPU spike, the last other one fell silent. The seed and the demo agents'
 * tick pick them the same way, so the tick continues the seeded curves.
 */
export type SeedServer = { id: string; hostname: string; status: string; role: string };
type Class = "web" | "db" | "cache" | "batch" | "app";

/** agent_version of the simulated demo agents (and of the one that fell silent). */
export const demoAgentVersion = "dihya-agent 1.0 (demo)";
export const silentDemoAgentVersion = "dihya-agent 0.9 (demo)";

export const demoUnits: Record<string, string> = {
  cpu: "percent",
  memory: "percent",
  disk: "percent",
  load: "load",
  net_rx: "bytes_per_second",
  net_tx: "bytes_per_second",
};

function classOf(server: SeedServer): Class {
  const text = `${server.role} ${server.hostname}`.toLowerCase();
  if (/db|postgres|sql|mongo|database|base de donn/.test(text)) return "db";
  if (/cache|redis|memcache/.test(text)) return "cache";
  if (/batch|worker|ci|build|backup|etl/.test(text)) return "batch";
  if (/web|front|nginx|proxy|lb|load.?balanc|haproxy|cdn/.test(text)) return "web";
  return "app";
}

const profiles: Record<
  Class,
  { cpu_base: number; cpu_amp: number; mem_base: number; leak: number; disk_base: number; cores: number; net: number; tx_ratio: number }
> = {
  web: { cpu_base: 12, cpu_amp: 38, mem_base: 42, leak: 0, disk_base: 34, cores: 4, net: 2_500_000, tx_ratio: 3 },
  db: { cpu_base: 18, cpu_amp: 30, mem_base: 70, leak: 0, disk_base: 58, cores: 8, net: 900_000, tx_ratio: 1.8 },
  cache: { cpu_base: 6, cpu_amp: 10, mem_base: 76, leak: 0, disk_base: 18, cores: 2, net: 1_400_000, tx_ratio: 1.2 },
  batch: { cpu_base: 5, cpu_amp: 6, mem_base: 30, leak: 0, disk_base: 46, cores: 8, net: 150_000, tx_ratio: 0.6 },
  app: { cpu_base: 10, cpu_amp: 28, mem_base: 50, leak: 1, disk_base: 28, cores: 4, net: 700_000, tx_ratio: 1.4 },
};

/** A small deterministic integer from a server id. */
const seedOf = (id: string) => Number.parseInt(id.replace(/-/g, "").slice(0, 7), 16) % 100_000;

export type Cast = { fill: SeedServer | null; spike: SeedServer | null; silent: SeedServer | null };

/** The servers that play a part, among the running ones (sorted by hostname). */
export function castOf(running: SeedServer[]): Cast {
  const sorted = [...running].sort((a, b) => a.hostname.localeCompare(b.hostname));
  const fill = sorted.find((s) => classOf(s) === "db") ?? null;
  const spike = sorted.find((s) => classOf(s) === "web") ?? sorted[0] ?? null;
  const silent = sorted.length > 2 ? ([...sorted].reverse().find((s) => s !== fill && s !== spike) ?? null) : null;
  return { fill, spike, silent };
}

/**
 * One server's profile as the SQL of metric-shapes.ts reads it: points in (after, last]
 * (epoch ms), the disk growing from `origin` (epoch seconds; `originOf`).
 */
export function profileOf(server: SeedServer, cast: Cast, window: { after: number; last: number; origin: number }) {
  const cls = classOf(server);
  const seed = seedOf(server.id);
  const base = profiles[cls];
  return {
    id: server.id,
    cls,
    seed,
    after: new Date(window.after).toISOString(),
    last: new Date(window.last).toISOString(),
    origin: window.origin,
    fill: server.id === cast.fill?.id,
    spike: server.id === cast.spike?.id,
    ...base,
    mem_base: base.mem_base + (seed % 11) - 5,
    disk_base: base.disk_base + (seed % 17) - 8,
  };
}
export type Profile = ReturnType<typeof profileOf>;

/** Where a server's slow disk growth starts: a week before it joined the demo (the seed's `now`, its created_at). */
export const originOf = (joinedMs: number) => Math.floor(joinedMs / 60_000) * 60 - 7 * 86_400;

import type { CreateServerInput } from "@/lib/validation/servers";

/** Where the demo servers run: two datacenters and one cloud region. */
export const alger = { location: "DC Alger — Oued Smar", country: "DZ" } as const;
export const casa = { location: "DC Casablanca — Technopark", country: "MA" } as const;
export const gra = { location: "OVHcloud Gravelines", country: "FR" } as const;

export type Spec = Omit<CreateServerInput, "location" | "country"> & { at: typeof alger | typeof casa | typeof gra };

const web = (hostname: string, at: Spec["at"], ip: string, environment: Spec["environment"] = "production"): Spec => ({
  hostname,
  at,
  addresses: [ip],
  kind: "vm",
  os: "Debian 12",
  cpuCores: 4,
  memoryMb: 8192,
  diskGb: 80,
  environment,
  role: "web",
  team: "web",
  tags: environment === "production" ? ["nginx", "public"] : ["nginx"],
  criticality: environment === "production" ? "high" : "low",
});
const db = (hostname: string, at: Spec["at"], ip: string, environment: Spec["environment"] = "production"): Spec => ({
  hostname,
  at,
  addresses: [ip],
  kind: "physical",
  os: "Rocky Linux 9",
  cpuCores: 32,
  memoryMb: 131_072,
  diskGb: 3840,
  environment,
  role: "db",
  team: "données",
  tags: ["postgresql", "patroni"],
  criticality: environment === "production" ? "critical" : "medium",
});
const node = (hostname: string, at: Spec["at"], ip: string, kind: Spec["kind"] = "container_host"): Spec => ({
  hostname,
  at,
  addresses: [ip],
  kind,
  os: "Ubuntu 24.04 LTS",
  cpuCores: 16,
  memoryMb: 65_536,
  diskGb: 480,
  environment: "production",
  role: "k8s-node",
  team: "plateforme",
  tags: ["kubernetes", "containerd"],
  criticality: "high",
});
const plain = (hostname: string, at: Spec["at"], ip: string, role: string, extra: Partial<Spec>): Spec => ({
  hostname,
  at,
  addresses: [ip],
  kind: "vm",
  os: "Debian 12",
  cpuCores: 2,
  memoryMb: 4096,
  diskGb: 40,
  environment: "production",
  role,
  team: "plateforme",
  criticality: "medium",
  ...extra,
});

/** The demo inventory: two datacenters (Algiers, Casablanca) and one cloud region (Gravelines). */
export const specs: Spec[] = [
  web("alg-web-01", alger, "10.16.10.11"),
  web("alg-web-02", alger, "10.16.10.12"),
  web("alg-web-stg-01", alger, "10.16.40.11", "staging"),
  db("alg-db-01", alger, "10.16.20.11"),
  db("alg-db-02", alger, "10.16.20.12"),
  plain("alg-cache-01", alger, "10.16.30.11", "cache", { tags: ["redis"], memoryMb: 16_384 }),
  node("alg-k8s-node-01", alger, "10.16.50.11"),
  node("alg-k8s-node-02", alger, "10.16.50.12"),
  node("alg-k8s-node-03", alger, "10.16.50.13"),
  plain("alg-mail-01", alger, "10.16.60.11", "mail", { tags: ["postfix", "dmz"] }),
  plain("alg-backup-00", alger, "10.16.70.10", "backup", { kind: "physical", diskGb: 24_000, tags: ["bacula"], criticality: "high" }),
  plain("alg-backup-01", alger, "10.16.70.11", "backup", { kind: "physical", diskGb: 48_000, tags: ["borg"], criticality: "high" }),
  plain("alg-mon-01", alger, "10.16.80.11", "monitoring", { tags: ["prometheus", "grafana"], criticality: "high", memoryMb: 16_384 }),
  plain("alg-ci-runner-01", alger, "10.16.90.11", "ci-runner", {
    environment: "development",
    tags: ["gitlab-runner"],
    criticality: "low",
    cpuCores: 8,
    memoryMb: 16_384,
  }),
  web("cas-web-01", casa, "10.212.10.11"),
  web("cas-web-02", casa, "10.212.10.12"),
  db("cas-db-01", casa, "10.212.20.11"),
  db("cas-db-02", casa, "10.212.20.12"),
  db("cas-db-stg-01", casa, "10.212.40.21", "staging"),
  plain("cas-cache-01", casa, "10.212.30.11", "cache", { tags: ["redis"], memoryMb: 16_384 }),
  node("cas-k8s-node-01", casa, "10.212.50.11"),
  node("cas-k8s-node-02", casa, "10.212.50.12"),
  plain("cas-backup-01", casa, "10.212.70.11", "backup", { kind: "physical", diskGb: 48_000, tags: ["borg"], criticality: "high" }),
  plain("cas-mon-01", casa, "10.212.80.11", "monitoring", { tags: ["prometheus"], criticality: "high" }),
  {
    ...node("gra-k8s-node-01", gra, "51.178.64.11", "vm"),
    addresses: ["51.178.64.11", "2001:41d0:304:100::11"],
    tags: ["kubernetes", "ovh"],
  },
  {
    ...node("gra-k8s-node-02", gra, "51.178.64.12", "vm"),
    addresses: ["51.178.64.12", "2001:41d0:304:100::12"],
    tags: ["kubernetes", "ovh"],
  },
  {
    ...node("gra-k8s-node-03", gra, "51.178.64.13", "vm"),
    addresses: ["51.178.64.13", "2001:41d0:304:100::13"],
    tags: ["kubernetes", "ovh"],
  },
  plain("gra-ci-runner-01", gra, "51.178.65.21", "ci-runner", {
    environment: "development",
    tags: ["gitlab-runner", "ovh"],
    criticality: "low",
    cpuCores: 8,
  }),
  plain("gra-ci-runner-02", gra, "51.178.65.22", "ci-runner", {
    environment: "development",
    tags: ["gitlab-runner", "ovh"],
    criticality: "low",
    cpuCores: 8,
  }),
  { ...web("gra-web-dev-01", gra, "51.178.65.31", "development"), tags: ["nginx", "ovh"] },
  plain("gra-backup-01", gra, "51.178.66.11", "backup", { tags: ["borg", "ovh", "offsite"], diskGb: 10_000, criticality: "high" }),
];

import { inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { sites as sitesTable } from "@/db/schema";
import type { CreateEquipment, EquipmentState } from "@/lib/validation/equipment";
import type { Actor } from "@/server/auth/actor";
import { addDays, dayIn } from "@/server/energy/equipment/dates";
import { createEquipment } from "@/server/energy/equipment/equipment-service";
import { changeEquipmentState } from "@/server/energy/equipment/equipment-state";
import { firstYear, kinds, layouts, type Kind } from "./equipment-catalog";

/** mulberry32: a small seeded PRNG, so the demo is the same on every start. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hash = (text: string) => [...text].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 7);

/** Demo states with their reasons (French, like the rest of the demo data). */
const incidents: { state: EquipmentState; reason: string }[] = [
  { state: "degraded", reason: "Rendement en baisse de 12 % : encrassement suspecté après un vent de sable." },
  { state: "failed", reason: "Déclenchement sur défaut d’isolement ; équipe d’astreinte prévenue." },
  { state: "degraded", reason: "Vibrations anormales au palier côté accouplement." },
  { state: "degraded", reason: "Température d’huile au-dessus du seuil d’alarme." },
  { state: "failed", reason: "Perte de communication et arrêt complet après un orage." },
  { state: "out_of_service", reason: "Consigné pour remplacement programmé." },
  { state: "degraded", reason: "Dérive de mesure constatée lors du dernier relevé contradictoire." },
  { state: "failed", reason: "Fuite de SF6 détectée ; appareil isolé." },
  { state: "degraded", reason: "Un module de puissance sur quatre hors service." },
];

function pieceOf(
  kind: Kind,
  n: number,
  site: { id: string; code: string; type: string },
  random: () => number,
  today: string,
): CreateEquipment {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const make = pick(kind.makes);
  const year = (firstYear[site.type] ?? 2015) + Math.floor(random() * 4);
  const month = 1 + Math.floor(random() * 12);
  const commissionedOn = `${Math.min(year, Number(today.slice(0, 4)) - 1)}-${String(month).padStart(2, "0")}-${String(1 + Math.floor(random() * 28)).padStart(2, "0")}`;
  const ageYears = Math.max(0.5, (Date.parse(today) - Date.parse(commissionedOn)) / (365.25 * 86_400_000));
  const operatingHours = Math.round(ageYears * kind.hoursPerYear * (0.85 + random() * 0.1));
  const plan = random() < kind.planChance ? pick(kind.plans) : null;
  const label = `${kind.label} ${kind.prefix}-${String(n).padStart(2, "0")}`;
  const base: CreateEquipment = {
    siteId: site.id,
    name: label,
    type: kind.type,
    serialNumber: `${make.serial}-${year}-${String(100000 + Math.floor(random() * 899999))}`,
    manufacturer: make.name,
    model: pick(make.models),
    commissionedOn,
    criticality: pick(kind.criticality),
    state: "operational",
    planKind: plan?.kind ?? null,
    planInterval: plan?.interval ?? null,
    operatingHours,
    hoursAtLastService: null,
    lastServiceOn: null,
  };
  if (plan?.kind === "days") {
    // Last service between 1.15 intervals ago and recently: a few are overdue.
    base.lastServiceOn = addDays(today, -Math.max(1, Math.round(random() * plan.interval * 1.15)));
  } else if (plan?.kind === "hours") {
    const since = Math.round(random() * plan.interval * 1.08);
    base.hoursAtLastService = Math.max(0, operatingHours - since);
    base.lastServiceOn = addDays(today, -Math.max(1, Math.round(since / (kind.hoursPerYear / 365))));
  }
  return base;
}

/**
 * ~150 pieces of demo equipment fitting each site's type (inverters and PV strings on
 * solar parks, turbines on wind parks, transformers and breakers on substations,
 * generators and pumps on plants, meters everywhere, batteries on smart-grid nodes and
 * storage), through the equipment service (audited like real data). About 60 % carry a
 * preventive plan; a few are degraded, failed or out of service, with the reason in
 * their state history. Decommissioned sites get none. Deterministic apart from dates,
 * which are relative to today.
 */
export async function seedEquipment(
  tx: Tx,
  actor: Actor,
  sites: { id: string; code: string; type: string }[],
): Promise<{ id: string; siteId: string }[]> {
  const today = dayIn();
  const statuses = sites.length
    ? await tx
        .select({ id: sitesTable.id, status: sitesTable.status })
        .from(sitesTable)
        .where(
          inArray(
            sitesTable.id,
            sites.map((s) => s.id),
          ),
        )
    : [];
  const retired = new Set(statuses.filter((s) => s.status === "decommissioned").map((s) => s.id));
  const created: { id: string; siteId: string }[] = [];
  const random = prng(hash("dihya-equipment"));
  let incident = 0;
  for (const site of sites) {
    if (retired.has(site.id)) continue;
    const siteRandom = prng(hash(site.code));
    const counters = new Map<string, number>();
    for (const [key, count] of layouts[site.type] ?? layouts.other!) {
      const kind = kinds[key]!;
      for (let i = 0; i < count; i++) {
        const n = (counters.get(kind.prefix) ?? 0) + 1;
        counters.set(kind.prefix, n);
        const dto = await createEquipment(tx, actor, pieceOf(kind, n, site, siteRandom, today));
        created.push({ id: dto.id, siteId: dto.siteId });
        if (random() < 0.06 && incident < incidents.length) {
          const { state, reason } = incidents[incident++]!;
          await changeEquipmentState(tx, actor, dto.id, state, reason);
        }
      }
    }
  }
  return created;
}

import type { Tx } from "@/db/client";
import type { Actor } from "@/server/auth/actor";
import { seedEquipment } from "./equipment";
import { seedInterventions, seedTechnicians } from "./interventions";
import { seedSites } from "./sites";

/**
 * The energy demo, through the same services as real data: networks and sites across
 * Algeria and Morocco, their equipment with preventive plans, three technicians and a year
 * of interventions. Returns counts for the start-up log.
 */
export async function seedEnergyDemo(tx: Tx, actor: Actor, today = new Date()) {
  const { networks, sites } = await seedSites(tx, actor);
  const equipment = await seedEquipment(tx, actor, sites);
  const technicians = await seedTechnicians(tx, actor);
  await seedInterventions(tx, actor, equipment, technicians, today);
  return { networks: networks.length, sites: sites.length, equipment: equipment.length };
}

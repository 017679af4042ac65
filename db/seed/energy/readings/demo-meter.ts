/** Creates one demo meter row, audited like the meters service does (`meter.created`). */
import type { Tx } from "@/db/client";
import { meters } from "@/db/schema";
import type { SystemActor } from "@/server/auth/actor";
import { diff, recordAudit } from "@/server/platform/audit";
import type { DemoMeterPlan } from "./plan";

const noRequest = { ip: null, userAgent: null, requestId: null };

export type MeterState = {
  active: boolean;
  /** Time of the newest reading written, and for a cumulative meter its index at the end of that interval. */
  lastReadingAt: Date | null;
  lastIndex: number | null;
  lastIndexAt: Date | null;
};

export async function createDemoMeter(
  tx: Tx,
  actor: SystemActor,
  siteId: string,
  plan: DemoMeterPlan,
  intervalMinutes: number,
  state: MeterState,
): Promise<string> {
  const [row] = await tx
    .insert(meters)
    .values({
      siteId,
      code: plan.code,
      name: plan.name,
      kind: plan.kind,
      quantity: plan.quantity,
      unit: plan.quantity === "energy" ? "kWh" : "kW",
      intervalMinutes,
      register: plan.register,
      jitterTolerance: plan.jitterTolerance,
      ...state,
    })
    .returning();
  const { id, code, name, kind, quantity, unit, register, active } = row!;
  await recordAudit(tx, {
    actor,
    action: "meter.created",
    entityType: "meter",
    entityId: id,
    changes: diff({}, { code, name, kind, quantity, unit, register, intervalMinutes, active }),
    context: noRequest,
  });
  return id;
}

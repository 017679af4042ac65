"use server";

import { z } from "zod";
import { defineAction } from "@/server/auth/define-action";
import { recomputeMeterForecast } from "@/server/energy/forecast/recompute";

const recompute = defineAction(
  { schema: z.strictObject({ meterId: z.uuid() }), permission: "meters.write" },
  async ({ actor, input, tx }) => {
    const outcome = await recomputeMeterForecast(tx, actor, input.meterId);
    return outcome.status === "forecast" ? { status: outcome.status } : { status: outcome.status, reason: outcome.reason };
  },
);

export async function recomputeForecastAction(input: unknown) {
  return recompute(input);
}

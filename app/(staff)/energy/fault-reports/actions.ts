"use server";

import { acceptFaultReportSchema, rejectFaultReportSchema } from "@/lib/validation/fault-reports";
import { defineAction } from "@/server/auth/define-action";
import { acceptFaultReport, rejectFaultReport } from "@/server/energy/fault-reports/review-fault-report";

const accept = defineAction({ schema: acceptFaultReportSchema, permission: "maintenance.write" }, ({ actor, input, tx }) =>
  acceptFaultReport(tx, actor, input),
);

const reject = defineAction({ schema: rejectFaultReportSchema, permission: "maintenance.write" }, ({ actor, input, tx }) =>
  rejectFaultReport(tx, actor, input),
);

export async function acceptFaultReportAction(input: unknown) {
  return accept(input);
}

export async function rejectFaultReportAction(input: unknown) {
  return reject(input);
}

import type { getFormatter } from "next-intl/server";
import type { ComplianceStatus } from "@/server/energy/environment/types";

type Formatter = Awaited<ReturnType<typeof getFormatter>>;

/** How numbers read on the page: rounded for display only (the API and the CSV keep every decimal). */
export function displayFormats(format: Formatter) {
  return {
    kg: (v: number) => format.number(v, { maximumFractionDigits: 1 }),
    kwh: (v: number) => format.number(v, { maximumFractionDigits: 1 }),
    share: (v: number) => format.number(v, { style: "percent", maximumFractionDigits: 1 }),
    factor: (v: number) => format.number(v, { maximumFractionDigits: 6 }),
    month: (m: string) =>
      format.dateTime(new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)) - 1, 15)), {
        month: "short",
        year: "numeric",
        timeZone: "UTC",
      }),
  };
}

export const complianceTone: Record<ComplianceStatus, "success" | "danger" | "warning" | "neutral"> = {
  met: "success",
  missed: "danger",
  unknown: "warning",
  no_target: "neutral",
};

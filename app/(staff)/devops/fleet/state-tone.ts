/** Badge tone of a monitoring state, an alert state or a severity. */
export const stateTone: Record<string, "success" | "danger" | "warning" | "info" | "neutral"> = {
  up: "success",
  down: "danger",
  stale: "warning",
  unknown: "neutral",
  firing: "danger",
  resolved: "success",
  sev1: "danger",
  sev2: "warning",
  sev3: "info",
  sev4: "neutral",
};

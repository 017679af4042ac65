import type { MatcherOp } from "@/lib/devops/alert-matchers";

/** Message keys of the matcher operators (`devops.alerts.silences.ops.*`). */
export const opKeys: Record<MatcherOp, string> = { "=": "eq", "!=": "neq", "=~": "re", "!~": "nre" };

import { Badge } from "@/components/ui/card";
import type { InterventionStatus } from "@/lib/validation/maintenance";
import { statusTone } from "./status-style";

/** The status in words (and colour); "overdue" added when the planned end is past. */
export function StatusBadge({
  status,
  overdue,
  statusLabel,
  overdueLabel,
}: {
  status: InterventionStatus;
  overdue: boolean;
  statusLabel: string;
  overdueLabel: string;
}) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone={statusTone(status, false)}>{statusLabel}</Badge>
      {overdue ? <Badge tone="danger">{overdueLabel}</Badge> : null}
    </span>
  );
}

import type { InterventionStatus } from "@/lib/validation/maintenance";

/** Colour of an intervention's status (always shown with its text too); overdue wins. */
export function statusTone(status: InterventionStatus, overdue: boolean): "danger" | "info" | "warning" | "success" | "neutral" {
  if (overdue) return "danger";
  switch (status) {
    case "planned":
      return "info";
    case "in_progress":
      return "warning";
    case "done":
      return "success";
    case "cancelled":
      return "neutral";
  }
}

/** Inline-start border colour of a calendar entry, by the same tone. */
export const toneBorder: Record<ReturnType<typeof statusTone>, string> = {
  danger: "border-s-danger",
  info: "border-s-primary",
  warning: "border-s-warning",
  success: "border-s-success",
  neutral: "border-s-border",
};

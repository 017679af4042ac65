import type { InvoiceStatus } from "@/lib/validation/invoices";

type Tone = "neutral" | "success" | "danger" | "warning" | "info";

/** Badge colour of an invoice status (an unpaid invoice past its due date reads as overdue). */
export function invoiceStatusTone(status: InvoiceStatus, overdue = false): Tone {
  if (overdue || status === "overdue") return "danger";
  switch (status) {
    case "paid":
      return "success";
    case "partially_paid":
      return "warning";
    case "issued":
      return "info";
    default:
      return "neutral";
  }
}

/** The status shown: `overdue` once an open invoice is past its due date. */
export function shownStatus(status: InvoiceStatus, overdue: boolean): InvoiceStatus {
  return overdue && status !== "paid" && status !== "cancelled" ? "overdue" : status;
}

export const runStatusTone = (status: string): Tone =>
  status === "done" ? "success" : status === "failed" ? "danger" : status === "running" ? "info" : "neutral";

import type { ClientStatus } from "@/lib/validation/clients";
import type { ContractStatus } from "@/lib/validation/contracts";

export function clientStatusTone(status: ClientStatus): "success" | "warning" | "neutral" | "danger" {
  return status === "active" ? "success" : status === "suspended" ? "warning" : status === "closed" ? "neutral" : "danger";
}

export function contractStatusTone(status: ContractStatus): "success" | "warning" | "neutral" | "info" {
  return status === "active" ? "success" : status === "suspended" ? "warning" : status === "draft" ? "info" : "neutral";
}

"use client";

import { useRouter } from "next/navigation";
import { ConfirmAction } from "@/components/ui/confirm-action";
import type { ServerAction } from "./types";

/**
 * A button that asks before calling a server action with a fixed input (a destructive or
 * state-changing step: deactivate, unlink, suspend, terminate, archive), then refreshes the page.
 */
export function ConfirmButton({
  label,
  question,
  action,
  input,
  variant = "danger",
}: {
  label: string;
  question: string;
  action: ServerAction;
  input: Record<string, unknown>;
  variant?: "danger" | "primary" | "secondary";
}) {
  const router = useRouter();
  return <ConfirmAction label={label} question={question} variant={variant} action={() => action(input)} onDone={() => router.refresh()} />;
}

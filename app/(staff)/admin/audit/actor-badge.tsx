import { Badge } from "@/components/ui/card";

const tones: Record<string, "info" | "warning" | "neutral"> = { user: "info", api_key: "warning", oauth_client: "warning" };

/** The kind of actor (user, API key, OAuth client, system, anonymous) as a badge. */
export function ActorBadge({ type, label }: { type: string; label: string }) {
  return <Badge tone={tones[type] ?? "neutral"}>{label}</Badge>;
}

import "server-only";
import { partnerScopes, roleCan, type Permission, type PartnerScope, type Role } from "@/lib/permissions";
import type { Locale } from "@/i18n/config";
import { DomainError } from "@/server/platform/errors";

export type UserActor = {
  kind: "user";
  id: string;
  role: Role;
  name: string;
  email: string;
  locale: Locale;
  theme: "light" | "dark" | "system";
};
/** A partner calling the API: through an API key or an OAuth2 client-credentials token. */
export type PartnerActor = {
  kind: "partner";
  credential: "api_key" | "oauth_client";
  id: string;
  name: string;
  scopes: PartnerScope[];
  /** Requests per minute allowed to this credential; null: the platform default. */
  rateLimit?: number | null;
};
export type SystemActor = { kind: "system"; id: string };
/** A server's monitoring agent, by its agent token (`dha_…`): it may only push for its own server. */
export type AgentActor = { kind: "agent"; id: string; serverId: string; name: string };
export type Actor = UserActor | PartnerActor | SystemActor | AgentActor;

/** Whether the actor holds the permission: by role for users, by scope for partner keys. */
export function can(actor: Actor, permission: Permission): boolean {
  switch (actor.kind) {
    case "user":
      return roleCan(actor.role, permission);
    case "partner":
      return actor.scopes.some((s) => partnerScopes[s] === permission);
    case "system":
      return true;
    case "agent":
      return permission === "monitoring.push";
  }
}

/** Domain services call this first: the check holds even if an entry point forgot its own. */
export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new DomainError("forbidden", "forbidden");
}

export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case "user":
      return actor.email;
    case "partner":
      return actor.name;
    case "system":
      return actor.id;
    case "agent":
      return `agent:${actor.name}`;
  }
}

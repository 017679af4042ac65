import { createHash } from "node:crypto";
import type { Tx } from "@/db/client";
import type { ServerStatus } from "@/lib/devops/server-lifecycle";
import { accessGrantSchema } from "@/lib/validation/server-access";
import { createServerSchema } from "@/lib/validation/servers";
import type { Actor } from "@/server/auth/actor";
import { issueAgentToken } from "@/server/devops/agents/agent-token-service";
import { addAccessGrant } from "@/server/devops/servers/server-access";
import { addServerNote } from "@/server/devops/servers/server-notes";
import { createServer } from "@/server/devops/servers/server-service";
import { transitionServer } from "@/server/devops/servers/server-status";
import { specs } from "./server-catalog";

export type SeededServer = {
  id: string;
  hostname: string;
  status: ServerStatus;
  environment: string;
  tags: string[];
  role: string;
  country: string;
};

/** Lifecycle moves after provisioning (everything else goes provisioning → running, one server stays provisioning). */
const moves: Record<string, { status: ServerStatus; reason: string }[]> = {
  "gra-k8s-node-03": [],
  "cas-db-02": [{ status: "maintenance", reason: "Remplacement d’un disque du RAID 10 ; bascule Patroni sur cas-db-01." }],
  "gra-ci-runner-02": [{ status: "stopped", reason: "Arrêté hors campagne de build pour réduire la facture." }],
  "alg-backup-00": [
    { status: "stopped", reason: "Sauvegardes migrées vers alg-backup-01 (Borg)." },
    { status: "decommissioned", reason: "Fin de garantie ; disques effacés et châssis rendu au fournisseur." },
  ],
};

/** A stable, realistic-looking `SHA256:` fingerprint for a demo key name. */
const fingerprint = (name: string) => `SHA256:${createHash("sha256").update(name).digest("base64").replace(/=+$/, "")}`;
const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/**
 * The IT/DevOps demo inventory, through the servers services (so history and audit rows
 * are real): ~30 servers in Algiers, Casablanca and Gravelines, most running, one in
 * maintenance, one stopped, one decommissioned, one still provisioning; a few access grants
 * (one expired) and notes; one agent token for every running server (values discarded).
 */
export async function seedServers(tx: Tx, actor: Actor): Promise<SeededServer[]> {
  const created: SeededServer[] = [];
  const ids = new Map<string, string>();
  for (const { at, ...spec } of specs) {
    const server = await createServer(tx, actor, createServerSchema.parse({ ...spec, ...at }));
    ids.set(server.hostname, server.id);
    let status: ServerStatus = server.status;
    const plan = moves[server.hostname];
    const steps = plan ?? [];
    if (plan === undefined || plan.length > 0) {
      await transitionServer(tx, actor, server.id, { status: "running", reason: "Installation terminée, mise en service." });
      status = "running";
    }
    for (const step of steps) {
      await transitionServer(tx, actor, server.id, step);
      status = step.status;
    }
    created.push({
      id: server.id,
      hostname: server.hostname,
      status,
      environment: server.environment,
      tags: server.tags,
      role: server.role,
      country: server.country,
    });
  }

  const grant = (hostname: string, input: Parameters<typeof accessGrantSchema.parse>[0], expiresAt?: string) =>
    addAccessGrant(tx, actor, ids.get(hostname)!, { ...accessGrantSchema.parse(input), ...(expiresAt ? { expiresAt } : {}) });
  await grant("alg-db-01", {
    principal: "dba",
    level: "root",
    sshKeyFingerprint: fingerprint("dba@alg"),
    reason: "Astreinte base de données",
    expiresAt: daysFromNow(90),
  });
  await grant("alg-web-01", {
    principal: "deploy",
    level: "operator",
    sshKeyFingerprint: fingerprint("deploy@ci"),
    reason: "Déploiements GitLab CI",
  });
  await grant("gra-k8s-node-01", {
    principal: "ops",
    level: "operator",
    sshKeyFingerprint: fingerprint("ops@plateforme"),
    expiresAt: daysFromNow(30),
  });
  // Expired ten days ago: past dates bypass the form's "future" rule on purpose (demo history).
  await grant(
    "cas-db-01",
    { principal: "prestataire", level: "read", sshKeyFingerprint: fingerprint("audit@prestataire"), reason: "Audit de performance" },
    daysFromNow(-10),
  );

  const note = (hostname: string, body: string) => addServerNote(tx, actor, ids.get(hostname)!, { body });
  await note("cas-db-02", "Disque 3 signalé en prédéfaillance (SMART). Remplacement prévu avec le support Dell, ticket 4471.");
  await note("alg-backup-00", "Numéro de série rendu au fournisseur : CZ2041XK7. Procès-verbal d’effacement archivé.");
  await note("alg-web-01", "Certificat TLS renouvelé automatiquement par certbot ; vérifier la chaîne après la mise à jour d’nginx.");
  await note("gra-k8s-node-03", "Commandé le 3 du mois, en attente de l’intégration au cluster.");

  for (const server of created) if (server.status === "running") await issueAgentToken(tx, actor, server.id);
  return created;
}

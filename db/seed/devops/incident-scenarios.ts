import { zonedInstant } from "@/lib/devops/business-time";
import type { IncidentStatus } from "@/lib/devops/incident-status";
import type { Severity } from "@/lib/devops/severity";

const zone = "Africa/Algiers";
const minute = 60_000;

/** `daysAgo` days before `now` at hh:mm in Algiers, moved back to a Sunday–Thursday working day. */
function workday(now: Date, daysAgo: number, hhmm: string): Date {
  let t = new Date(now.getTime() - daysAgo * 86_400_000);
  const weekday = new Intl.DateTimeFormat("en-US", { timeZone: zone, weekday: "short" });
  while (["Fri", "Sat"].includes(weekday.format(t))) t = new Date(t.getTime() - 86_400_000);
  const [y, m, d] = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" })
    .format(t)
    .split("-")
    .map(Number) as [number, number, number];
  return new Date(zonedInstant({ y, m, d }, hhmm, zone));
}

export type Scenario = {
  title: string;
  description: string;
  severity: Severity;
  opener: "devops" | "user" | "alert";
  servers: number[];
  start: Date;
  /** [minutes after opening, action] in order. */
  steps: [number, Action][];
};
export type Action =
  | { to: IncidentStatus; note?: string }
  | { assign: true }
  | { comment: string; by?: "devops" | "user" }
  | { pause: string }
  | { resume: true }
  | { review: { summary: string; rootCause: string; impact?: string; followUps?: string } }
  | { alertResolved: string };

/**
 * The demo incidents' stories, relative to `now` (times on Algiers working days): who opens
 * them (a devops engineer, the requester or an alert), the servers by position in the demo
 * list, then each step in minutes after opening.
 */
export function incidentScenarios(now: Date): Scenario[] {
  const review = (summary: string, rootCause: string, impact: string, followUps: string) => ({
    review: { summary, rootCause, impact, followUps },
  });
  const closeWith = (r: ReturnType<typeof review>, at: number): [number, Action][] => [
    [at, r],
    [at + 1, { to: "closed" }],
  ];

  return [
    {
      title: "Saturation du disque sur la base principale",
      description: "Le volume /var/lib/postgresql dépasse 95 %.",
      severity: "sev2",
      opener: "devops",
      servers: [0],
      start: workday(now, 28, "09:10"),
      steps: [
        [8, { to: "acknowledged" }],
        [9, { assign: true }],
        [20, { to: "investigating" }],
        [95, { to: "mitigated", note: "Anciennes archives WAL déplacées." }],
        [180, { to: "resolved" }],
        ...closeWith(
          review(
            "Disque plein à cause des archives WAL.",
            "La purge des archives WAL ne tournait plus depuis la mise à jour.",
            "Écritures ralenties pendant 40 minutes.",
            "Surveiller l’âge de la plus ancienne archive WAL.",
          ),
          1500,
        ),
      ],
    },
    {
      title: "Reverse proxy indisponible",
      description: "Toutes les applications répondent 502.",
      severity: "sev1",
      opener: "devops",
      servers: [1],
      start: workday(now, 26, "10:00"),
      steps: [
        [25, { to: "acknowledged", note: "Pris en charge après l’astreinte." }],
        [26, { assign: true }],
        [40, { to: "investigating" }],
        [150, { to: "resolved" }],
        ...closeWith(
          review(
            "Le reverse proxy ne redémarrait plus après le renouvellement des certificats.",
            "Chemin de certificat erroné dans la configuration.",
            "Toutes les applications indisponibles pendant 2 h 30.",
            "Tester la configuration avant le rechargement (nginx -t dans le hook).",
          ),
          2000,
        ),
      ],
    },
    {
      title: "Certificat TLS expiré sur le portail",
      description: "Le navigateur signale un certificat expiré.",
      severity: "sev3",
      opener: "devops",
      servers: [1],
      start: workday(now, 24, "08:40"),
      steps: [
        [50, { to: "acknowledged" }],
        [120, { to: "investigating" }],
        [240, { to: "resolved" }],
        ...closeWith(
          review(
            "Certificat renouvelé à la main.",
            "Le renouvellement automatique échouait en silence.",
            "Avertissement navigateur pour les visiteurs.",
            "Alerte 14 jours avant l’expiration.",
          ),
          1440,
        ),
      ],
    },
    {
      title: "Sauvegarde nocturne incomplète",
      description: "Le rapport de sauvegarde indique 2 bases manquantes.",
      severity: "sev4",
      opener: "devops",
      servers: [2],
      start: workday(now, 22, "08:30"),
      steps: [
        [180, { to: "acknowledged" }],
        [2880, { to: "resolved" }],
        ...closeWith(
          review(
            "Bases ajoutées à la sauvegarde.",
            "Nouvelles bases créées sans être déclarées.",
            "Aucune perte de données.",
            "Inventaire automatique des bases.",
          ),
          2900,
        ),
      ],
    },
    {
      title: "Latence élevée de la base de données",
      description: "Temps de réponse moyen au-delà de 800 ms.",
      severity: "sev2",
      opener: "devops",
      servers: [0],
      start: workday(now, 20, "09:00"),
      steps: [
        [20, { to: "acknowledged" }],
        [21, { assign: true }],
        [30, { to: "investigating" }],
        [60, { comment: "Index manquant identifié sur la table des factures." }],
        [10_080, { to: "resolved" }],
        ...closeWith(
          review(
            "Index recréé, latence revenue à 40 ms.",
            "Index supprimé par une migration.",
            "Lenteurs pendant une semaine.",
            "Revue des migrations destructives.",
          ),
          10_200,
        ),
      ],
    },
    {
      title: "Échec de la mise à jour du noyau",
      description: "Doublon d’un incident déjà traité.",
      severity: "sev3",
      opener: "devops",
      servers: [3],
      start: workday(now, 17, "11:00"),
      steps: [[30, { to: "cancelled", note: "Doublon." }]],
    },
    {
      title: "Boîte de messagerie pleine",
      description: "Je ne reçois plus de courriels depuis ce matin.",
      severity: "sev3",
      opener: "user",
      servers: [],
      start: workday(now, 15, "09:20"),
      steps: [
        [40, { to: "acknowledged" }],
        [45, { assign: true }],
        [60, { comment: "Pouvez-vous confirmer l’adresse concernée ?" }],
        [61, { pause: "En attente de la réponse du demandeur." }],
        [1440, { comment: "Il s’agit de mon adresse principale.", by: "user" }],
        [1441, { resume: true }],
        [1500, { to: "resolved" }],
        ...closeWith(
          review(
            "Quota augmenté et archives déplacées.",
            "Quota par défaut trop bas.",
            "Un utilisateur sans courriel pendant une journée.",
            "Alerte à 90 % du quota.",
          ),
          1600,
        ),
      ],
    },
    {
      title: "CPU > 90 % sur le serveur d’applications",
      description: "Règle cpu-high déclenchée.",
      severity: "sev2",
      opener: "alert",
      servers: [2],
      start: workday(now, 12, "14:00"),
      steps: [
        [5, { to: "acknowledged" }],
        [6, { assign: true }],
        [60, { alertResolved: "cpu-high" }],
      ],
    },
    {
      title: "Demande d’accès VPN pour un prestataire",
      description: "Accès nécessaire pour la maintenance du pare-feu.",
      severity: "sev4",
      opener: "user",
      servers: [],
      start: workday(now, 8, "10:30"),
      steps: [
        [120, { to: "acknowledged" }],
        [1440, { to: "resolved" }],
        ...closeWith(
          review("Accès créé pour 7 jours.", "Demande de service, pas une panne.", "Aucun.", "Formulaire dédié aux demandes d’accès."),
          1500,
        ),
      ],
    },
    {
      title: "Lenteur applicative signalée par la comptabilité",
      description: "Le module de facturation est lent depuis ce matin.",
      severity: "sev3",
      opener: "devops",
      servers: [0],
      start: workday(now, 3, "09:00"),
      steps: [
        [30, { to: "acknowledged" }],
        [40, { to: "investigating" }],
        [60, { comment: "Nous attendons l’heure exacte et une capture d’écran." }],
        [61, { pause: "En attente du demandeur." }],
      ],
    },
    {
      title: "Erreurs 500 intermittentes sur l’API",
      description: "Environ 2 % des requêtes échouent.",
      severity: "sev3",
      opener: "devops",
      servers: [1, 2],
      start: workday(now, 1, "10:00"),
      steps: [
        [15, { to: "acknowledged" }],
        [16, { assign: true }],
        [30, { to: "investigating" }],
        [45, { comment: "Corrélé avec les pics de connexions à la base." }],
      ],
    },
    {
      title: "Serveur de base de données injoignable",
      description: "Plus aucune réponse au ping ni en SSH.",
      severity: "sev1",
      opener: "devops",
      servers: [0],
      start: new Date(now.getTime() - 6 * minute),
      steps: [],
    },
  ];
}

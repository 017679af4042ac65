import { getFormatter, getTranslations } from "next-intl/server";
import type { TimelineEntryDto } from "@/server/devops/incidents/incident-detail";
import { hoursMinutes } from "../display";

type T = Awaited<ReturnType<typeof getTranslations>>;

const str = (v: unknown) => (typeof v === "string" ? v : "");

/** What one timeline entry says, in the reader's language. */
function describe(e: TimelineEntryDto, t: T): string {
  const d = e.data;
  const status = (s: unknown) => (str(s) ? t(`devops.incidents.status.${str(s)}`) : "");
  const clock = (c: unknown) => t(`devops.incidents.sla.clock.${str(c) === "resolve" ? "resolve" : "ack"}`);
  switch (e.kind) {
    case "status":
      if (!d.from) return t("devops.incidents.timeline.opened", { source: t(`devops.incidents.source.${str(d.source) || "ui"}`) });
      if (d.reason === "alert_resolved") return t("devops.incidents.timeline.alertResolvedStatus", { to: status(d.to) });
      return t("devops.incidents.timeline.status", { from: status(d.from), to: status(d.to) });
    case "comment":
      return t("devops.incidents.timeline.comment");
    case "alert":
      return t("devops.incidents.timeline.alert", { name: str(d.alertName), state: str(d.state) === "resolved" ? "resolved" : "firing" });
    case "notification": {
      const kind = str(d.kind);
      const label = t.has(`notifications.kinds.${kind}`) ? t(`notifications.kinds.${kind}`) : kind;
      return t("devops.incidents.timeline.notification", { kind: label });
    }
    case "assignment":
      return d.assignee ? t("devops.incidents.timeline.assigned", { name: str(d.assignee) }) : t("devops.incidents.timeline.unassigned");
    case "pause":
      return t("devops.incidents.timeline.pause");
    case "resume":
      return t("devops.incidents.timeline.resume", hoursMinutes(Number(d.pausedSeconds) || 0));
    case "sla_warning":
      return t("devops.incidents.timeline.slaWarning", { clock: clock(d.clock), percent: Number(d.percentUsed) || 0 });
    case "sla_breach":
      return t("devops.incidents.timeline.slaBreach", { clock: clock(d.clock) });
    case "review":
      return t("devops.incidents.timeline.review");
    case "severity":
      return t("devops.incidents.timeline.severity", {
        from: t(`devops.incidents.severity.${str(d.from)}`),
        to: t(`devops.incidents.severity.${str(d.to)}`),
      });
    case "servers":
      return t("devops.incidents.timeline.servers", { count: Array.isArray(d.to) ? d.to.length : 0 });
    default:
      return e.kind;
  }
}

const dot: Record<string, string> = { sla_breach: "bg-danger", sla_warning: "bg-warning", alert: "bg-warning", comment: "bg-primary" };

/** The incident's story, oldest first: status changes, comments, alerts, notifications, SLA warnings and breaches. */
export async function Timeline({ entries }: { entries: TimelineEntryDto[] }) {
  const t = await getTranslations();
  const format = await getFormatter();
  return (
    <ol className="space-y-3 border-s border-line ps-4">
      {entries.map((e) => (
        <li key={e.id} className="relative" data-testid={`timeline-${e.kind}`}>
          <span aria-hidden="true" className={`absolute -start-[1.4rem] top-1.5 h-2.5 w-2.5 rounded-full ${dot[e.kind] ?? "bg-muted"}`} />
          <p className="text-sm">
            <span className="font-semibold">{describe(e, t)}</span>
          </p>
          {e.body ? <p className="mt-1 whitespace-pre-line break-words text-sm">{e.body}</p> : null}
          <p className="text-xs text-muted">
            <time dateTime={e.at}>{format.dateTime(new Date(e.at), { dateStyle: "medium", timeStyle: "short" })}</time>
            {" · "}
            <span dir="auto">{e.actor}</span>
          </p>
        </li>
      ))}
    </ol>
  );
}

import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { auditActorTypes } from "@/lib/validation/audit";

type Values = Partial<Record<"actor_type" | "actor" | "entity_type" | "entity_id" | "action" | "from" | "to", string>>;

function Labelled({ id, label, hint, children }: { id: string; label: string; hint?: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The audit-trail filters as a plain GET form: every filter lives in the URL, so a
 * filtered view can be bookmarked, shared and exported as shown.
 */
export async function AuditFilters({ values, actions }: { values: Values; actions: { code: string; label: string }[] }) {
  const t = await getTranslations("audit");
  const tc = await getTranslations("common");
  return (
    <form role="search" aria-label={t("filters.title")} action="/admin/audit" className="mb-4 rounded-lg border border-line bg-surface p-4">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Labelled id="actor_type" label={t("filters.actorType")}>
          <select id="actor_type" name="actor_type" defaultValue={values.actor_type ?? ""} className={inputClass}>
            <option value="">{t("filters.anyActorType")}</option>
            {auditActorTypes.map((type) => (
              <option key={type} value={type}>
                {t(`actorTypes.${type}`)}
              </option>
            ))}
          </select>
        </Labelled>
        <Labelled id="actor" label={t("filters.actor")} hint={t("filters.actorHint")}>
          <input id="actor" name="actor" type="search" defaultValue={values.actor} aria-describedby="actor-hint" className={inputClass} />
        </Labelled>
        <Labelled id="action" label={t("filters.action")} hint={t("filters.actionHint")}>
          <input
            id="action"
            name="action"
            list="audit-actions"
            autoComplete="off"
            defaultValue={values.action}
            aria-describedby="action-hint"
            className={inputClass}
            dir="ltr"
          />
          <datalist id="audit-actions">
            {actions.map((a) => (
              <option key={a.code} value={a.code}>
                {a.label}
              </option>
            ))}
          </datalist>
        </Labelled>
        <Labelled id="entity_type" label={t("filters.entityType")}>
          <input id="entity_type" name="entity_type" defaultValue={values.entity_type} className={inputClass} dir="ltr" />
        </Labelled>
        <Labelled id="entity_id" label={t("filters.entityId")}>
          <input id="entity_id" name="entity_id" defaultValue={values.entity_id} className={inputClass} dir="ltr" />
        </Labelled>
        <Labelled id="from" label={t("filters.from")}>
          <input id="from" name="from" type="date" defaultValue={values.from} className={inputClass} />
        </Labelled>
        <Labelled id="to" label={t("filters.to")}>
          <input id="to" name="to" type="date" defaultValue={values.to} className={inputClass} />
        </Labelled>
        <div className="flex items-end gap-2">
          <button type="submit" className={buttonClass("primary")}>
            {tc("filter")}
          </button>
          <Link href="/admin/audit" className={buttonClass("ghost")}>
            {t("filters.reset")}
          </Link>
        </div>
      </div>
      <p className="mt-3 text-xs text-muted">{t("filters.periodHint")}</p>
    </form>
  );
}

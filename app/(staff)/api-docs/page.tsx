import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Badge, PageHeader } from "@/components/ui/card";
import { partnerScopes } from "@/lib/permissions";
import { requireUser } from "@/server/auth/guards";
import type { Endpoint } from "@/server/api/endpoint";
import { buildOpenApi } from "@/server/api/openapi";
import { endpoints } from "@/server/api/registry";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("apiDocs") };
}

type Op = {
  parameters?: { name: string; in: string; required: boolean }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, unknown>;
};

const scopeOf = (e: Endpoint) => Object.entries(partnerScopes).find(([, p]) => p === e.permission)?.[0];

/** The API reference, rendered on the server from the same document as /api/openapi.json (works offline). */
export default async function ApiDocsPage() {
  await requireUser("api.docs");
  const t = await getTranslations();
  const doc = buildOpenApi(endpoints) as { paths: Record<string, Record<string, Op>> };
  const tags = [...new Set(endpoints.map((e) => e.tag))];
  const guide = ["auth", "errors", "pagination", "idempotency", "rateLimits", "webhooks"] as const;
  return (
    <div className="space-y-8">
      <PageHeader title={t("nav.apiDocs")} description={t("api.docs.intro")} />
      <p>
        <a href="/api/openapi.json" className="font-semibold text-primary underline underline-offset-2">
          {t("api.docs.download")}
        </a>
      </p>
      <section aria-labelledby="guide" className="space-y-3">
        <h2 id="guide" className="text-lg font-semibold">
          {t("api.docs.conventions")}
        </h2>
        <dl className="grid gap-3 md:grid-cols-2">
          {guide.map((g) => (
            <div key={g} className="rounded-lg border border-line bg-surface p-4">
              <dt className="font-semibold">{t(`api.docs.guide.${g}.title`)}</dt>
              <dd className="mt-1 text-sm text-muted">{t(`api.docs.guide.${g}.body`)}</dd>
            </div>
          ))}
        </dl>
      </section>
      {tags.map((tag) => (
        <section key={tag} aria-labelledby={`tag-${tag}`} className="space-y-3">
          <h2 id={`tag-${tag}`} className="text-lg font-semibold">
            {t.has(`api.tags.${tag}`) ? t(`api.tags.${tag}`) : tag}
          </h2>
          {endpoints
            .filter((e) => e.tag === tag)
            .map((e) => {
              const op = doc.paths[e.path]?.[e.method.toLowerCase()];
              const body = op?.requestBody ? Object.entries(op.requestBody.content)[0] : undefined;
              const scope = scopeOf(e);
              return (
                <article
                  key={e.id}
                  id={e.id}
                  className="space-y-2 rounded-lg border border-line bg-surface p-4"
                  data-testid="api-operation"
                >
                  <h3 className="flex flex-wrap items-center gap-2 font-semibold" dir="ltr">
                    <Badge tone={e.method === "GET" ? "info" : "warning"}>{e.method}</Badge>
                    <code>{e.path}</code>
                  </h3>
                  <p>{t(`api.ops.${e.id}.summary`)}</p>
                  <p className="text-sm text-muted">
                    {e.permission === null
                      ? t("api.docs.public")
                      : scope
                        ? t("api.docs.needsScope", { permission: e.permission, scope })
                        : t("api.docs.needsPermission", { permission: e.permission })}
                  </p>
                  {op?.parameters?.length ? (
                    <p className="text-sm" dir="ltr">
                      {op.parameters.map((p) => `${p.name} (${p.in}${p.required ? ", required" : ""})`).join(" · ")}
                    </p>
                  ) : null}
                  {body ? (
                    <details>
                      <summary className="cursor-pointer text-sm font-semibold">{t("api.docs.requestBody", { type: body[0] })}</summary>
                      <pre dir="ltr" className="relative mt-2 overflow-x-auto rounded bg-surface-2 p-3 text-xs">
                        {JSON.stringify(body[1].schema, null, 2)}
                      </pre>
                    </details>
                  ) : null}
                  <p className="text-sm text-muted" dir="ltr">
                    {t("api.docs.responses")}: {Object.keys(op?.responses ?? {}).join(", ")}
                  </p>
                </article>
              );
            })}
        </section>
      ))}
    </div>
  );
}

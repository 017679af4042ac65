import { getTranslations } from "next-intl/server";

type Pair = { old: unknown; new: unknown };

const isPair = (v: unknown): v is Pair => typeof v === "object" && v !== null && "old" in v && "new" in v && Object.keys(v).length === 2;

function Value({ value, emptyLabel }: { value: unknown; emptyLabel: string }) {
  if (value === null || value === undefined || value === "") return <span className="text-muted italic">{emptyLabel}</span>;
  if (typeof value === "object") {
    return (
      <pre className="relative max-w-md overflow-x-auto text-xs whitespace-pre-wrap" dir="ltr">
        {JSON.stringify(value, null, 2)}
      </pre>
    );
  }
  return (
    <span dir="auto" className="break-all">
      {String(value)}
    </span>
  );
}

/**
 * The recorded change set: one row per field with its old and new value. Secrets were
 * replaced by `***` when the row was written (see diff() in server/platform/audit.ts).
 */
export async function ChangesTable({ changes }: { changes: Record<string, unknown> | null }) {
  const t = await getTranslations("audit.changes");
  const entries = Object.entries(changes ?? {});
  if (entries.length === 0) return <p className="text-sm text-muted">{t("none")}</p>;
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">{t("title")}</caption>
        <thead className="bg-surface-2">
          <tr>
            <th scope="col" className="px-3 py-2 text-start">
              {t("field")}
            </th>
            <th scope="col" className="px-3 py-2 text-start">
              {t("old")}
            </th>
            <th scope="col" className="px-3 py-2 text-start">
              {t("new")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {entries.map(([field, change]) => {
            const pair = isPair(change) ? change : { old: null, new: change };
            return (
              <tr key={field} data-testid="change-row">
                <th scope="row" className="px-3 py-2 text-start font-mono text-xs font-normal" dir="ltr">
                  {field}
                </th>
                <td className="px-3 py-2 align-top">
                  <Value value={pair.old} emptyLabel={t("empty")} />
                </td>
                <td className="px-3 py-2 align-top">
                  <Value value={pair.new} emptyLabel={t("empty")} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

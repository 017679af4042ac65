"use client";

import { useTranslations } from "next-intl";

/** A credential shown once, right after it was made; nothing can show it again. */
export function SecretOnce({ items }: { items: { label: string; value: string; testId: string }[] }) {
  const t = useTranslations("integrations");
  return (
    <div role="status" className="space-y-2 rounded-md border border-warning bg-surface p-4">
      <p className="text-sm font-semibold">{t("shownOnce")}</p>
      {items.map((item) => (
        <div key={item.testId}>
          <p className="text-xs text-muted">{item.label}</p>
          <code dir="ltr" className="block break-all rounded bg-surface-2 p-2 text-sm" data-testid={item.testId}>
            {item.value}
          </code>
        </div>
      ))}
    </div>
  );
}

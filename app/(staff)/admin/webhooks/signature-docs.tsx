import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";

const sample = `import { createHmac, timingSafeEqual } from "node:crypto";

// rawBody: the request body exactly as received (a string, before JSON.parse)
export function verifyDihyaWebhook(secret, headers, rawBody) {
  const timestamp = headers["dihya-webhook-timestamp"];
  const given = headers["dihya-webhook-signature"] ?? "";
  const expected =
    "v1=" + createHmac("sha256", secret).update(\`\${timestamp}.\${rawBody}\`).digest("hex");
  const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) <= 300;
  return (
    fresh &&
    given.length === expected.length &&
    timingSafeEqual(Buffer.from(given), Buffer.from(expected))
  );
}`;

const headers = ["dihya-webhook-id", "dihya-webhook-timestamp", "dihya-webhook-signature"] as const;

/** How a receiver checks that a delivery comes from Dihya: the headers, the signed string, a code sample. */
export async function SignatureDocs() {
  const t = await getTranslations("webhooks.docs");
  return (
    <Card title={t("title")}>
      <div className="space-y-3 text-sm">
        <p>{t("intro")}</p>
        <dl className="space-y-2">
          {headers.map((h) => (
            <div key={h}>
              <dt>
                <code dir="ltr" className="font-semibold">
                  {h}
                </code>
              </dt>
              <dd className="text-muted">{t(`headers.${h.replace("dihya-webhook-", "")}`)}</dd>
            </div>
          ))}
        </dl>
        <p>{t("howTo")}</p>
        <div role="region" aria-label={t("sampleLabel")} tabIndex={0} className="relative overflow-x-auto rounded-md bg-surface-2 p-3">
          <pre dir="ltr" className="text-start text-xs">
            <code>{sample}</code>
          </pre>
        </div>
        <p>{t("retries")}</p>
      </div>
    </Card>
  );
}

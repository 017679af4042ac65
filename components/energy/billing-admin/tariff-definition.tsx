import { getLocale, getTranslations } from "next-intl/server";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { formatMoney, formatUnitPrice, numberLocale } from "@/lib/billing/money";
import type { TariffDefinition, TariffLabel } from "@/lib/billing/types";

const th = "px-3 py-2 text-start";
const td = "px-3 py-2";

/**
 * A tariff version's definition as readable tables: subscription, energy pricing (flat,
 * time-of-use periods and rules, or tiers), levies and fees, each with its VAT rate.
 * Amounts and prices are formatted in the reader's language (server side).
 */
export async function TariffDefinitionView({ definition, caption }: { definition: TariffDefinition; caption: string }) {
  const t = await getTranslations("tariffs.definition");
  const locale = await getLocale();
  const cur = definition.currency;
  const money = (minor: number) => formatMoney(minor, cur, locale);
  const price = (micro: number) => t("pricePerKwh", { price: formatUnitPrice(micro, locale), currency: cur });
  const vat = (bp: number) =>
    t("vat", { rate: new Intl.NumberFormat(numberLocale(locale), { maximumFractionDigits: 2 }).format(bp / 100) });
  const label = (l: TariffLabel) => l.labels?.[locale as "fr"] ?? l.label;
  const e = definition.energy;
  return (
    <div className="space-y-4 text-sm">
      <p>
        {definition.pricesIncludeTax ? t("taxIncluded") : t("taxExcluded")} · {t("currency", { currency: cur })}
      </p>
      <div>
        <h4 className="font-semibold">{t("subscription")}</h4>
        <p>
          {definition.subscription
            ? `${t(`per.${definition.subscription.per}`, { amount: money(definition.subscription.amountMinor) })} · ${vat(definition.subscription.vatBp)}`
            : t("none")}
        </p>
      </div>
      <div>
        <h4 className="font-semibold">{t(`energy.${e.kind}`)}</h4>
        {e.kind === "flat" ? (
          <p>
            {price(e.priceMicro)} · {vat(e.vatBp)}
          </p>
        ) : null}
        {e.kind === "tou" ? (
          <>
            <ScrollRegion label={`${caption} — ${t("energy.tou")}`} className="mt-1">
              <table className="w-full">
                <caption className="sr-only">{`${caption} — ${t("energy.tou")}`}</caption>
                <thead className="bg-surface-2">
                  <tr>
                    <th scope="col" className={th}>
                      {t("period")}
                    </th>
                    <th scope="col" className={th}>
                      {t("price")}
                    </th>
                    <th scope="col" className={th}>
                      {t("vatRate")}
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-line">
                  {e.periods.map((p) => (
                    <tr key={p.code}>
                      <td className={td}>
                        {label(p)} <span className="font-mono text-muted">({p.code})</span>
                        {p.code === e.defaultPeriod ? <span className="text-muted"> · {t("defaultPeriod")}</span> : null}
                      </td>
                      <td className={td}>{price(p.priceMicro)}</td>
                      <td className={td}>{vat(p.vatBp)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
            {e.rules.length > 0 ? (
              <ul className="mt-2 list-disc space-y-1 ps-5">
                {e.rules.map((r, i) => (
                  <li key={i}>
                    {t("rule", {
                      period: r.period,
                      days: r.days.map((d) => t(`days.${d}`)).join(", "),
                      from: r.from,
                      to: r.to,
                    })}
                    {r.months ? ` · ${t("months", { months: r.months.join(", ") })}` : null}
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        ) : null}
        {e.kind === "tiers" ? (
          <>
            <p>
              {t(`tierModes.${e.mode}`, { kwh: e.volumeAboveKwh ?? 0 })} · {t(`bandsPer.${e.per}`)}
            </p>
            <ScrollRegion label={`${caption} — ${t("energy.tiers")}`} className="mt-1">
              <table className="w-full">
                <caption className="sr-only">{`${caption} — ${t("energy.tiers")}`}</caption>
                <thead className="bg-surface-2">
                  <tr>
                    <th scope="col" className={th}>
                      {t("band")}
                    </th>
                    <th scope="col" className={th}>
                      {t("price")}
                    </th>
                    <th scope="col" className={th}>
                      {t("vatRate")}
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-line">
                  {e.bands.map((b, i) => {
                    const from = i === 0 ? 0 : (e.bands[i - 1]?.upToKwh ?? 0);
                    return (
                      <tr key={i}>
                        <td className={td}>{b.upToKwh === null ? t("bandAbove", { from }) : t("bandRange", { from, to: b.upToKwh })}</td>
                        <td className={td}>{price(b.priceMicro)}</td>
                        <td className={td}>{vat(b.vatBp)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </ScrollRegion>
          </>
        ) : null}
      </div>
      <div>
        <h4 className="font-semibold">{t("levies")}</h4>
        {definition.levies?.length ? (
          <ul className="list-disc ps-5">
            {definition.levies.map((l) => (
              <li key={l.code}>
                {label(l)} — {price(l.perKwhMicro)} · {vat(l.vatBp)}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("none")}</p>
        )}
      </div>
      <div>
        <h4 className="font-semibold">{t("fees")}</h4>
        {definition.fees?.length ? (
          <ul className="list-disc ps-5">
            {definition.fees.map((f) => (
              <li key={f.code}>
                {label(f)} — {t(`feePer.${f.per}`, { amount: money(f.amountMinor) })} · {vat(f.vatBp)}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("none")}</p>
        )}
      </div>
    </div>
  );
}

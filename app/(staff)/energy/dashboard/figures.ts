import "server-only";
import { getFormatter, getTranslations } from "next-intl/server";
import { digitsFor, scaleEnergy, scalePower } from "@/components/energy/energy-units";

/** Formatters of the dashboard's figures in the reader's language (units from the messages). */
export async function figureFormat() {
  const format = await getFormatter();
  const units = await getTranslations("readingsUi.units");
  const energy = (kwh: number | null) => {
    if (kwh === null) return null;
    const { value, unit } = scaleEnergy(kwh);
    return units(unit, { value: format.number(value, { maximumFractionDigits: digitsFor(value) }) });
  };
  const power = (kw: number | null) => {
    if (kw === null) return null;
    const { value, unit } = scalePower(kw);
    return units(unit, { value: format.number(value, { maximumFractionDigits: digitsFor(value) }) });
  };
  const share = (ratio: number | null) => (ratio === null ? null : format.number(ratio, { style: "percent", maximumFractionDigits: 1 }));
  const when = (at: Date, timeZone: string) =>
    format.dateTime(at, {
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZone,
      timeZoneName: "short",
    });
  /** A local calendar day (`YYYY-MM-DD`), written out. */
  const day = (d: string) =>
    format.dateTime(new Date(`${d}T12:00:00Z`), { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  return { energy, power, share, when, day };
}

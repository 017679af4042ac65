/**
 * Tariff presets seeded with `preset = true`: public grids of Algeria, Morocco and France as
 * EXAMPLES TO ADAPT (an operator checks them against its current grid before billing).
 * Plain data, no I/O; each definition passes lib/billing/tariff-schema.ts (see the unit tests).
 * Units: prices in micro-units (1.7787 DA = 1 778 700), amounts in minor units, VAT in basis points.
 *
 * One version per preset (`validFrom` + `definition`); a preset may list `laterVersions`, which
 * the seed adds as the following versions (each one closes the previous on its `validFrom`).
 */
import type { TariffDefinition } from "@/lib/billing/types";

export type TariffPresetVersion = { validFrom: string; note: string; definition: TariffDefinition };

export type TariffPreset = {
  code: string;
  name: string;
  country: "DZ" | "MA" | "FR";
  currency: "DZD" | "MAD" | "EUR";
  description: string;
  source: string;
  sourceDate: string;
  validFrom: string;
  definition: TariffDefinition;
  /** Optional later versions, in date order (e.g. a VAT change). */
  laterVersions?: TariffPresetVersion[];
};

/** ONEE households: graduated up to 150 kWh/month, whole volume at the band reached above ("sélective"). */
function oneeResidential(vatBp: number): TariffDefinition {
  return {
    currency: "MAD",
    pricesIncludeTax: false,
    energy: {
      kind: "tiers",
      mode: "mixed",
      volumeAboveKwh: 150,
      per: "month",
      bands: [
        { upToKwh: 100, priceMicro: 901_000, vatBp },
        { upToKwh: 150, priceMicro: 1_073_200, vatBp },
        { upToKwh: 200, priceMicro: 1_073_200, vatBp },
        { upToKwh: 300, priceMicro: 1_167_600, vatBp },
        { upToKwh: 500, priceMicro: 1_381_700, vatBp },
        { upToKwh: null, priceMicro: 1_595_800, vatBp },
      ],
    },
  };
}

export const tariffPresets: TariffPreset[] = [
  {
    code: "SONELGAZ-BT-RES",
    name: "Sonelgaz BT résidentiel (exemple à adapter)",
    country: "DZ",
    currency: "DZD",
    description:
      "Exemple à adapter. Basse tension, ménages : facturation trimestrielle, tranches progressives par trimestre " +
      "T1 0–125 kWh à 1,7787 DA, T2 125–250 kWh à 4,1789 DA, T3 250–1 000 kWh à 4,8120 DA, T4 au-delà de 1 000 kWh à 5,4796 DA (HT). " +
      "TVA par tranche : taux réduit 9 % sur T1–T2, taux normal 19 % sur T3–T4 (taux postérieurs à la réforme de 2017, à vérifier ; " +
      "7 % et 17 % en 2016). T3 et T4 sont déduits des hausses publiées (+15,15 % et +31,13 % sur T2), à vérifier. " +
      "Sans prime fixe ni redevances : ajoutez celles de la facture Sonelgaz en vigueur.",
    source: "Grille CREG 2016 (radioalgerie.dz, 21/01/2016 ; lequotidien-oran via djazairess)",
    sourceDate: "2016-01-21",
    validFrom: "2016-01-01",
    definition: {
      currency: "DZD",
      pricesIncludeTax: false,
      energy: {
        kind: "tiers",
        mode: "graduated",
        per: "quarter",
        bands: [
          { upToKwh: 125, priceMicro: 1_778_700, vatBp: 900 },
          { upToKwh: 250, priceMicro: 4_178_900, vatBp: 900 },
          { upToKwh: 1000, priceMicro: 4_812_000, vatBp: 1900 },
          { upToKwh: null, priceMicro: 5_479_600, vatBp: 1900 },
        ],
      },
    },
  },
  {
    code: "ONEE-BT-RES",
    name: "ONEE BT résidentiel (exemple à adapter)",
    country: "MA",
    currency: "MAD",
    description:
      "Exemple à adapter. Ménages, facturation mensuelle : progressif jusqu’à 150 kWh (0–100 kWh à 0,9010 DH, 101–150 kWh à 1,0732 DH), " +
      "puis tarification sélective au-delà de 150 kWh (toute la consommation au prix de la tranche atteinte : 151–200, 201–300, 301–500, > 500 kWh). " +
      "Les prix des tranches sélectives (1,0732 / 1,1676 / 1,3817 / 1,5958 DH) sont à vérifier sur la grille ONEE en vigueur " +
      "(les distributeurs délégués, Lydec, Redal, régies, ont leurs propres prix). TVA 18 % (2025), 20 % à partir du 1er janvier 2026 (version suivante). " +
      "Sans redevance de location de compteur.",
    source: "ONEE, grille 2018 (h24info, le360) ; tranches sélectives 2014 (telquel.ma) ; TVA : loi de finances 2024",
    sourceDate: "2018-01-01",
    validFrom: "2025-01-01",
    definition: oneeResidential(1800),
    laterVersions: [
      { validFrom: "2026-01-01", note: "TVA sur l’électricité portée à 20 % (loi de finances 2024).", definition: oneeResidential(2000) },
    ],
  },
  {
    code: "EDF-TB-BASE-6KVA",
    name: "EDF Tarif Bleu Base 6 kVA (exemple à adapter)",
    country: "FR",
    currency: "EUR",
    description:
      "Exemple à adapter. Tarif réglementé, option Base, 6 kVA, prix TTC : abonnement 11,36 €/mois, énergie 0,1740 €/kWh " +
      "(grille du 1er janvier 2023, accise et acheminement inclus). TVA unique de 20 % depuis le 1er août 2025 : la part HT est déduite du TTC. " +
      "Mettez à jour avec la grille en vigueur.",
    source: "Grille EDF Tarif Bleu du 1er janvier 2023 (scribd 626655277) ; TVA : réforme du 1er août 2025",
    sourceDate: "2023-01-01",
    validFrom: "2025-08-01",
    definition: {
      currency: "EUR",
      pricesIncludeTax: true,
      subscription: { amountMinor: 1136, per: "month", vatBp: 2000 },
      energy: { kind: "flat", priceMicro: 174_000, vatBp: 2000 },
    },
  },
  {
    code: "EDF-TB-HC-6KVA",
    name: "EDF Tarif Bleu Heures creuses 6 kVA (exemple à adapter)",
    country: "FR",
    currency: "EUR",
    description:
      "Exemple à adapter. Tarif réglementé, option Heures pleines / Heures creuses, 6 kVA, prix TTC : abonnement 11,84 €/mois, " +
      "heures pleines 0,1841 €/kWh, heures creuses 0,1470 €/kWh ; heures creuses de 22 h à 6 h tous les jours (les plages réelles dépendent du point de livraison). " +
      "Grille du 1er janvier 2023 ; TVA unique de 20 % depuis le 1er août 2025. Mettez à jour avec la grille en vigueur.",
    source: "Grille EDF Tarif Bleu du 1er janvier 2023 (scribd 626655277) ; TVA : réforme du 1er août 2025",
    sourceDate: "2023-01-01",
    validFrom: "2025-08-01",
    definition: {
      currency: "EUR",
      pricesIncludeTax: true,
      subscription: { amountMinor: 1184, per: "month", vatBp: 2000 },
      energy: {
        kind: "tou",
        periods: [
          {
            code: "HP",
            label: "Heures pleines",
            labels: { fr: "Heures pleines", en: "Peak hours", ar: "ساعات الذروة" },
            priceMicro: 184_100,
            vatBp: 2000,
          },
          {
            code: "HC",
            label: "Heures creuses",
            labels: { fr: "Heures creuses", en: "Off-peak hours", ar: "ساعات خارج الذروة" },
            priceMicro: 147_000,
            vatBp: 2000,
          },
        ],
        rules: [{ period: "HC", days: [1, 2, 3, 4, 5, 6, 7], from: "22:00", to: "06:00" }],
        defaultPeriod: "HP",
      },
    },
  },
];

/**
 * The ~200 demo clients of the billing demo: households and businesses in Algeria and Morocco,
 * a few in France. Deterministic (seeded PRNG), so every demo start gives the same clients.
 * Plain data: db/seed/billing/index.ts creates them through the clients service.
 */
import { mulberry32 } from "../energy/readings/prng";

export type DemoArea = {
  code: string; // site code of the low-voltage customer area
  name: string;
  country: "DZ" | "MA" | "FR";
  region: string;
  city: string;
  postalCode: string;
  timezone: string;
  latitude: number;
  longitude: number;
  tariff: string; // preset code households get
  businessTariff: string;
  households: number;
  businesses: number;
};

export const demoAreas: DemoArea[] = [
  {
    code: "DZ-ALG-BT01",
    name: "Clientèle BT Alger-Centre",
    country: "DZ",
    region: "Alger",
    city: "Alger",
    postalCode: "16000",
    timezone: "Africa/Algiers",
    latitude: 36.7538,
    longitude: 3.0588,
    tariff: "SONELGAZ-BT-RES",
    businessTariff: "SONELGAZ-BT-RES",
    households: 52,
    businesses: 8,
  },
  {
    code: "DZ-TZO-BT01",
    name: "Clientèle BT Tizi Ouzou",
    country: "DZ",
    region: "Tizi Ouzou",
    city: "Tizi Ouzou",
    postalCode: "15000",
    timezone: "Africa/Algiers",
    latitude: 36.7169,
    longitude: 4.0497,
    tariff: "SONELGAZ-BT-RES",
    businessTariff: "SONELGAZ-BT-RES",
    households: 30,
    businesses: 5,
  },
  {
    code: "DZ-ORN-BT01",
    name: "Clientèle BT Oran",
    country: "DZ",
    region: "Oran",
    city: "Oran",
    postalCode: "31000",
    timezone: "Africa/Algiers",
    latitude: 35.6971,
    longitude: -0.6308,
    tariff: "SONELGAZ-BT-RES",
    businessTariff: "SONELGAZ-BT-RES",
    households: 25,
    businesses: 5,
  },
  {
    code: "MA-CAS-BT01",
    name: "Clientèle BT Casablanca",
    country: "MA",
    region: "Casablanca-Settat",
    city: "Casablanca",
    postalCode: "20000",
    timezone: "Africa/Casablanca",
    latitude: 33.5731,
    longitude: -7.5898,
    tariff: "ONEE-BT-RES",
    businessTariff: "ONEE-BT-RES",
    households: 30,
    businesses: 5,
  },
  {
    code: "MA-AGA-BT01",
    name: "Clientèle BT Agadir",
    country: "MA",
    region: "Souss-Massa",
    city: "Agadir",
    postalCode: "80000",
    timezone: "Africa/Casablanca",
    latitude: 30.4278,
    longitude: -9.5981,
    tariff: "ONEE-BT-RES",
    businessTariff: "ONEE-BT-RES",
    households: 22,
    businesses: 3,
  },
  {
    code: "FR-MRS-BT01",
    name: "Clientèle BT Marseille",
    country: "FR",
    region: "Provence-Alpes-Côte d’Azur",
    city: "Marseille",
    postalCode: "13001",
    timezone: "Europe/Paris",
    latitude: 43.2965,
    longitude: 5.3698,
    tariff: "EDF-TB-BASE-6KVA",
    businessTariff: "EDF-TB-HC-6KVA",
    households: 8,
    businesses: 2,
  },
];

const firstNames: Record<DemoArea["country"], string[]> = {
  DZ: [
    "Yasmine",
    "Mohamed",
    "Lynda",
    "Karim",
    "Sofiane",
    "Meriem",
    "Amine",
    "Kahina",
    "Massinissa",
    "Dihya",
    "Nassim",
    "Sara",
    "Idir",
    "Tinhinane",
    "Walid",
    "Feriel",
    "Rachid",
    "Amel",
    "Mounir",
    "Thiziri",
  ],
  MA: [
    "Youssef",
    "Fatima Zahra",
    "Hamza",
    "Khadija",
    "Mehdi",
    "Salma",
    "Anas",
    "Imane",
    "Ayoub",
    "Tafsut",
    "Omar",
    "Nouhaila",
    "Brahim",
    "Itto",
    "Othmane",
    "Zineb",
  ],
  FR: ["Camille", "Lucas", "Inès", "Hugo", "Léa", "Nabil", "Chloé", "Mathis", "Sonia", "Julien"],
};
const lastNames: Record<DemoArea["country"], string[]> = {
  DZ: [
    "Belkacem",
    "Haddad",
    "Saïdi",
    "Mansouri",
    "Aït Ouali",
    "Amrouche",
    "Bouzid",
    "Cherif",
    "Hamidi",
    "Ouali",
    "Larbi",
    "Meziane",
    "Djebbar",
    "Ferhat",
    "Kaci",
    "Tahar",
    "Yahiaoui",
    "Zerrouki",
  ],
  MA: [
    "El Amrani",
    "Benjelloun",
    "Alaoui",
    "Tazi",
    "Bennani",
    "Ouchen",
    "Chraibi",
    "Berrada",
    "Idrissi",
    "Amazigh",
    "Lahlou",
    "Fassi",
    "Naciri",
    "Ait Lahcen",
  ],
  FR: ["Martin", "Bernard", "Dubois", "Moreau", "Laurent", "Garcia", "Roux", "Fontaine", "Mercier", "Benali"],
};
const businesses: Record<DemoArea["country"], string[]> = {
  DZ: [
    "Boulangerie",
    "Pharmacie",
    "Clinique",
    "Imprimerie",
    "Atelier de menuiserie",
    "Supérette",
    "Hôtel",
    "École privée",
    "Laiterie",
    "Cybercafé",
  ],
  MA: ["Riad", "Coopérative d’argan", "Pâtisserie", "Pharmacie", "Atelier de poterie", "Hôtel", "Café", "Centre d’appels"],
  FR: ["Boulangerie", "Cabinet médical", "Librairie", "Restaurant"],
};
const streets: Record<DemoArea["country"], string[]> = {
  DZ: [
    "rue Didouche Mourad",
    "boulevard Zighout Youcef",
    "rue Larbi Ben M’hidi",
    "cité des Annassers",
    "rue Hassiba Ben Bouali",
    "avenue Abane Ramdane",
    "cité 1000 logements",
  ],
  MA: ["boulevard Mohammed V", "rue Ibn Battouta", "avenue Hassan II", "derb Sidi Bouloukat", "rue Tarik Ibn Ziad", "quartier Talborjt"],
  FR: ["rue de la République", "boulevard Longchamp", "rue Paradis", "cours Julien"],
};

/** Locales households prefer, per country (weights by repetition). */
const localesByCountry: Record<DemoArea["country"], string[]> = {
  DZ: ["fr", "fr", "ar", "ar", "kab", "kab", "zgh", "en"],
  MA: ["fr", "ar", "ar", "zgh", "zgh", "en"],
  FR: ["fr", "fr", "fr", "en", "kab"],
};

export type DemoClient = {
  area: DemoArea;
  kind: "person" | "company";
  name: string;
  email: string;
  phone: string;
  addressLine: string;
  locale: string;
  taxNumber: string | null;
  /** Typical daily consumption (kWh) before seasonal variation. */
  dailyKwh: number;
  tariff: string;
  /** Heures creuses share for a time-of-use tariff (0–1). */
  offPeakShare: number;
};

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const ascii = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f’' ]/g, "")
    .toLowerCase();

function phoneOf(country: DemoArea["country"], rand: () => number): string {
  const digits = () => String(Math.floor(rand() * 1e8)).padStart(8, "0");
  if (country === "DZ") return `+213 5${Math.floor(rand() * 3) + 5} ${digits().replace(/(\d\d)(?=\d)/g, "$1 ")}`;
  if (country === "MA") return `+212 6${digits().replace(/(\d\d)(?=\d)/g, "$1 ")}`;
  return `+33 6 ${digits().replace(/(\d\d)(?=\d)/g, "$1 ")}`;
}

function taxNumberOf(country: DemoArea["country"], rand: () => number): string {
  const n = (len: number) => Array.from({ length: len }, () => Math.floor(rand() * 10)).join("");
  if (country === "DZ") return `NIF ${n(15)}`;
  if (country === "MA") return `ICE ${n(15)}`;
  return `SIRET ${n(14)}`;
}

/** The demo clients, area by area; the first Alger household is the demo client account's. */
export function demoClients(): DemoClient[] {
  const rand = mulberry32(20261121);
  const out: DemoClient[] = [];
  for (const area of demoAreas) {
    for (let i = 0; i < area.households + area.businesses; i++) {
      const company = i >= area.households;
      const first = pick(rand, firstNames[area.country]);
      const last = pick(rand, lastNames[area.country]);
      const name = company ? `${pick(rand, businesses[area.country])} ${last}` : `${first} ${last}`;
      const n = out.length + 1;
      const tariff = company ? area.businessTariff : area.tariff;
      out.push({
        area,
        kind: company ? "company" : "person",
        name,
        email: `${ascii(company ? last : `${first}.${last}`)}.${n}@clients.demo.dihya.dz`,
        phone: phoneOf(area.country, rand),
        addressLine: `${1 + Math.floor(rand() * 120)}, ${pick(rand, streets[area.country])}`,
        locale: company ? "fr" : pick(rand, localesByCountry[area.country]),
        taxNumber: company ? taxNumberOf(area.country, rand) : null,
        dailyKwh: company ? 40 + Math.round(rand() * 260) : 4 + Math.round(rand() * 110) / 10,
        tariff,
        offPeakShare: 0.3 + rand() * 0.2,
      });
    }
  }
  // The demo client account (client@demo.dihya.dz, Nadia Boumediene): an Alger household.
  out[0] = {
    ...out[0]!,
    name: "Nadia Boumediene",
    email: "nadia.boumediene@clients.demo.dihya.dz",
    locale: "fr",
    kind: "person",
    taxNumber: null,
    dailyKwh: 7.5,
  };
  return out;
}

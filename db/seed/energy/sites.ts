import type { Tx } from "@/db/client";
import type { CreateSite, NetworkKind, SiteStatus } from "@/lib/validation/sites";
import type { Actor } from "@/server/auth/actor";
import { createNetwork } from "@/server/energy/sites/networks-service";
import type { NetworkDto, SiteDto } from "@/server/energy/sites/site-dto";
import { changeSiteStatus, createSite } from "@/server/energy/sites/sites-service";

/**
 * Demo sites and networks of the fictional operator "Dihya Énergie" across Algeria and
 * Morocco. Names are invented; places and coordinates are real towns, so the map looks
 * right. Fixed data (no randomness): the same demo on every start.
 */
const demoNetworks: { code: string; name: string; kind: NetworkKind; region: string | null; description: string }[] = [
  {
    code: "NET-DZ-TR",
    name: "Réseau de transport Nord Algérie",
    kind: "transmission",
    region: null,
    description: "Postes et centrales raccordés au réseau 400/220 kV du nord algérien.",
  },
  {
    code: "NET-DZ-SUD",
    name: "Parc renouvelable du Sud",
    kind: "fleet",
    region: "Adrar",
    description: "Centrales solaires et éoliennes du Touat, du Gourara et du Tidikelt.",
  },
  {
    code: "NET-MA-TR",
    name: "Réseau de transport Maroc",
    kind: "transmission",
    region: null,
    description: "Postes et centrales raccordés au réseau 400/225 kV marocain.",
  },
  {
    code: "NET-BJA-SG",
    name: "Smart grid de la Soummam",
    kind: "smart_grid",
    region: "Béjaïa",
    description: "Nœuds communicants de la vallée de la Soummam et de l’Oued Sahel.",
  },
];

type DemoSite = Omit<CreateSite, "networkId" | "parentId" | "status"> & {
  network: string;
  parent?: string;
  /** Later statuses, oldest first, with how many days ago they happened. */
  history?: { status: SiteStatus; reason: string; daysAgo: number }[];
};

export const demoSites: DemoSite[] = [
  {
    code: "DZ-ADR-PV01",
    name: "Parc solaire Touat Lumière",
    type: "solar_park",
    network: "NET-DZ-SUD",
    region: "Adrar",
    country: "DZ",
    address: "Route de Reggane, Adrar",
    latitude: 27.8742,
    longitude: -0.2939,
    capacityMw: 20,
  },
  {
    code: "DZ-INS-PV01",
    name: "Parc solaire Tidikelt",
    type: "solar_park",
    network: "NET-DZ-SUD",
    region: "In Salah",
    country: "DZ",
    address: "Zone industrielle, In Salah",
    latitude: 27.1936,
    longitude: 2.4607,
    capacityMw: 5,
    history: [{ status: "maintenance", reason: "Nettoyage des modules après un vent de sable.", daysAgo: 3 }],
  },
  {
    code: "DZ-ADR-WP01",
    name: "Ferme éolienne Kabertène Vent du Touat",
    type: "wind_park",
    network: "NET-DZ-SUD",
    region: "Adrar",
    country: "DZ",
    address: "Kabertène, commune de Tsabit",
    latitude: 28.4511,
    longitude: -0.0534,
    capacityMw: 10.2,
  },
  {
    code: "DZ-BMD-TH01",
    name: "Centrale thermique Djinet Littoral",
    type: "thermal_plant",
    network: "NET-DZ-TR",
    region: "Boumerdès",
    country: "DZ",
    address: "Cap Djinet, Boumerdès",
    latitude: 36.8733,
    longitude: 3.7231,
    capacityMw: 704,
  },
  {
    code: "DZ-ORN-TG01",
    name: "Turbines à gaz Marsat (ancienne unité)",
    type: "thermal_plant",
    network: "NET-DZ-TR",
    region: "Oran",
    country: "DZ",
    address: "Marsat El Hadjadj, Oran",
    latitude: 35.7911,
    longitude: -0.1703,
    capacityMw: 84,
    history: [
      { status: "out_of_service", reason: "Arrêt définitif des deux turbines après 35 ans d’exploitation.", daysAgo: 420 },
      { status: "decommissioned", reason: "Unité déclassée ; démantèlement confié au service patrimoine.", daysAgo: 300 },
    ],
  },
  {
    code: "DZ-ALG-SS01",
    name: "Poste Alger Ouest 400/220 kV",
    type: "substation",
    network: "NET-DZ-TR",
    region: "Alger",
    country: "DZ",
    address: "Chéraga, Alger",
    latitude: 36.7667,
    longitude: 2.9583,
  },
  {
    code: "DZ-ORN-SS01",
    name: "Poste Oran Ouest 220/60 kV",
    type: "substation",
    network: "NET-DZ-TR",
    region: "Oran",
    country: "DZ",
    address: "Misserghin, Oran",
    latitude: 35.6219,
    longitude: -0.7306,
    history: [{ status: "out_of_service", reason: "Déclenchement du transformateur T2 ; expertise en cours.", daysAgo: 1 }],
  },
  {
    code: "DZ-BJA-SG01",
    name: "Nœud smart grid Béjaïa Port",
    type: "smart_grid_node",
    network: "NET-BJA-SG",
    region: "Béjaïa",
    country: "DZ",
    address: "Zone portuaire, Béjaïa",
    latitude: 36.7509,
    longitude: 5.0767,
    capacityMw: 12,
  },
  {
    code: "DZ-BJA-SG02",
    name: "Nœud smart grid Akbou",
    type: "smart_grid_node",
    network: "NET-BJA-SG",
    parent: "DZ-BJA-SG01",
    region: "Béjaïa",
    country: "DZ",
    address: "Zone d’activités de Taharacht, Akbou",
    latitude: 36.4614,
    longitude: 4.5349,
    capacityMw: 6,
  },
  {
    code: "DZ-BOU-SG03",
    name: "Nœud smart grid Oued Sahel",
    type: "smart_grid_node",
    network: "NET-BJA-SG",
    parent: "DZ-BJA-SG01",
    region: "Bouira",
    country: "DZ",
    address: "Zone d’activités de Bouira",
    latitude: 36.375,
    longitude: 3.9,
    capacityMw: 4,
  },
  {
    code: "MA-OZT-PV01",
    name: "Complexe solaire Tifoultoute",
    type: "solar_park",
    network: "NET-MA-TR",
    region: "Drâa-Tafilalet",
    country: "MA",
    address: "Commune de Ghessate, Ouarzazate",
    latitude: 31.0219,
    longitude: -6.8636,
    capacityMw: 160,
  },
  {
    code: "MA-TNT-WP01",
    name: "Parc éolien Akhfennir Océan",
    type: "wind_park",
    network: "NET-MA-TR",
    region: "Guelmim-Oued Noun",
    country: "MA",
    address: "Akhfennir, province de Tan-Tan",
    latitude: 28.0958,
    longitude: -11.7794,
    capacityMw: 100,
  },
  {
    code: "MA-BML-HY01",
    name: "Centrale hydroélectrique Oued El Abid",
    type: "hydro_plant",
    network: "NET-MA-TR",
    region: "Béni Mellal-Khénifra",
    country: "MA",
    address: "Barrage de Bin El Ouidane, Azilal",
    latitude: 32.1038,
    longitude: -6.4592,
    capacityMw: 135,
  },
  {
    code: "MA-CAS-SS01",
    name: "Poste Casablanca Aïn Sebaâ 225/60 kV",
    type: "substation",
    network: "NET-MA-TR",
    region: "Casablanca-Settat",
    country: "MA",
    address: "Aïn Sebaâ, Casablanca",
    latitude: 33.6025,
    longitude: -7.5331,
  },
];

const day = 24 * 60 * 60 * 1000;

/**
 * Creates the demo networks and sites through the services (audited like real data), with
 * their status histories backdated. Returns them in creation order.
 */
export async function seedSites(tx: Tx, actor: Actor): Promise<{ networks: NetworkDto[]; sites: SiteDto[] }> {
  const networks: NetworkDto[] = [];
  for (const network of demoNetworks) networks.push(await createNetwork(tx, actor, network));
  const networkId = new Map(networks.map((n) => [n.code, n.id]));
  const created = new Map<string, SiteDto>();
  for (const [index, { network, parent, history, ...site }] of demoSites.entries()) {
    const onboarded = new Date(Date.now() - (900 - index * 7) * day);
    let dto = await createSite(
      tx,
      actor,
      {
        ...site,
        networkId: networkId.get(network) ?? null,
        parentId: parent ? (created.get(parent)?.id ?? null) : null,
        status: "in_service",
      },
      { at: onboarded },
    );
    for (const step of history ?? []) {
      dto = await changeSiteStatus(tx, actor, dto.id, step, { at: new Date(Date.now() - step.daysAgo * day) });
    }
    created.set(dto.code, dto);
  }
  return { networks, sites: [...created.values()] };
}

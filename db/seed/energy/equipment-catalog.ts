import type { Criticality, EquipmentType } from "@/lib/validation/equipment";

/** What a piece of demo equipment can be: its label, code prefix, makes, models, plan habits. */
export type Kind = {
  type: EquipmentType;
  /** French name before the number ("Onduleur" → "Onduleur OND-03"). */
  label: string;
  prefix: string;
  makes: { name: string; serial: string; models: string[] }[];
  criticality: Criticality[];
  /** Chance of a preventive plan, and the plans to pick from. */
  planChance: number;
  plans: { kind: "days" | "hours"; interval: number }[];
  /** Operating hours a year (for counters). */
  hoursPerYear: number;
};

export const kinds: Record<string, Kind> = {
  inverter: {
    type: "inverter",
    label: "Onduleur",
    prefix: "OND",
    makes: [
      { name: "SMA", serial: "SMA", models: ["Sunny Central 2500-EV", "Sunny Central 4400 UP"] },
      { name: "Huawei", serial: "HW", models: ["SUN2000-215KTL-H3", "SUN2000-330KTL-H1"] },
      { name: "Sungrow", serial: "SG", models: ["SG250HX", "SG3125HV-MV"] },
    ],
    criticality: ["medium", "high"],
    planChance: 0.7,
    plans: [
      { kind: "days", interval: 90 },
      { kind: "days", interval: 180 },
    ],
    hoursPerYear: 4300,
  },
  panelString: {
    type: "panel_string",
    label: "Chaîne PV",
    prefix: "STR",
    makes: [
      { name: "JinkoSolar", serial: "JKS", models: ["Tiger Neo 580 W"] },
      { name: "LONGi", serial: "LGI", models: ["Hi-MO 6 575 W"] },
      { name: "Trina Solar", serial: "TSM", models: ["Vertex 550 W"] },
    ],
    criticality: ["low", "low", "medium"],
    planChance: 0.5,
    plans: [
      { kind: "days", interval: 90 },
      { kind: "days", interval: 365 },
    ],
    hoursPerYear: 4300,
  },
  windTurbine: {
    type: "turbine",
    label: "Éolienne",
    prefix: "WTG",
    makes: [
      { name: "Siemens Gamesa", serial: "SGRE", models: ["SG 5.0-145", "SG 2.1-114"] },
      { name: "Vestas", serial: "VES", models: ["V136-4.2 MW", "V117-3.45 MW"] },
      { name: "GE Vernova", serial: "GEV", models: ["2.7-116"] },
    ],
    criticality: ["high", "critical"],
    planChance: 0.85,
    plans: [
      { kind: "hours", interval: 4000 },
      { kind: "days", interval: 180 },
    ],
    hoursPerYear: 7600,
  },
  hydroTurbine: {
    type: "turbine",
    label: "Turbine Francis",
    prefix: "TUR",
    makes: [
      { name: "Andritz Hydro", serial: "ANH", models: ["Francis 45 MW"] },
      { name: "Voith Hydro", serial: "VH", models: ["Francis 45 MW"] },
    ],
    criticality: ["critical"],
    planChance: 1,
    plans: [{ kind: "hours", interval: 4000 }],
    hoursPerYear: 5200,
  },
  gasTurbine: {
    type: "turbine",
    label: "Turbine à vapeur",
    prefix: "TV",
    makes: [
      { name: "GE Vernova", serial: "GEV", models: ["D11 STF"] },
      { name: "Siemens Energy", serial: "SIE", models: ["SST-5000"] },
    ],
    criticality: ["critical"],
    planChance: 1,
    plans: [{ kind: "hours", interval: 4000 }],
    hoursPerYear: 6800,
  },
  transformer: {
    type: "transformer",
    label: "Transformateur",
    prefix: "TR",
    makes: [
      { name: "Hitachi Energy", serial: "HE", models: ["TrafoStar 400/220 kV 315 MVA", "TXpert 33/0.69 kV 3 MVA"] },
      { name: "Siemens Energy", serial: "SIE", models: ["GEAFOL 33 kV 2.5 MVA", "TUNORMA 220/60 kV 80 MVA"] },
      { name: "Schneider Electric", serial: "SE", models: ["Minera MP 60 kV 40 MVA"] },
    ],
    criticality: ["high", "critical"],
    planChance: 0.8,
    plans: [
      { kind: "days", interval: 180 },
      { kind: "days", interval: 365 },
    ],
    hoursPerYear: 8760,
  },
  breaker: {
    type: "breaker",
    label: "Disjoncteur",
    prefix: "DJ",
    makes: [
      { name: "ABB", serial: "ABB", models: ["LTB 420E2", "HPL 245B1"] },
      { name: "Siemens Energy", serial: "SIE", models: ["3AP1 FG 245 kV"] },
      { name: "Schneider Electric", serial: "SE", models: ["SF6 LF3 36 kV"] },
    ],
    criticality: ["high"],
    planChance: 0.6,
    plans: [{ kind: "days", interval: 365 }],
    hoursPerYear: 8760,
  },
  meter: {
    type: "meter",
    label: "Compteur",
    prefix: "CPT",
    makes: [
      { name: "Landis+Gyr", serial: "LG", models: ["E650", "E850"] },
      { name: "Schneider Electric", serial: "SE", models: ["PowerLogic ION9000"] },
      { name: "Itron", serial: "ITR", models: ["SL7000"] },
    ],
    criticality: ["low", "medium"],
    planChance: 0.4,
    plans: [{ kind: "days", interval: 365 }],
    hoursPerYear: 8760,
  },
  battery: {
    type: "battery",
    label: "Batterie",
    prefix: "BESS",
    makes: [
      { name: "Huawei", serial: "HW", models: ["LUNA2000-2.0MWH"] },
      { name: "Sungrow", serial: "SG", models: ["PowerTitan 2.0"] },
      { name: "BYD", serial: "BYD", models: ["MC Cube-T"] },
    ],
    criticality: ["medium", "high"],
    planChance: 0.7,
    plans: [
      { kind: "days", interval: 90 },
      { kind: "days", interval: 180 },
    ],
    hoursPerYear: 5000,
  },
  generator: {
    type: "generator",
    label: "Alternateur",
    prefix: "G",
    makes: [
      { name: "GE Vernova", serial: "GEV", models: ["7FH2", "324 hydrogène"] },
      { name: "Siemens Energy", serial: "SIE", models: ["SGen-2000H"] },
      { name: "ABB", serial: "ABB", models: ["AMG 1600"] },
    ],
    criticality: ["critical"],
    planChance: 0.9,
    plans: [
      { kind: "hours", interval: 2000 },
      { kind: "hours", interval: 4000 },
    ],
    hoursPerYear: 6800,
  },
  pump: {
    type: "pump",
    label: "Pompe",
    prefix: "P",
    makes: [
      { name: "KSB", serial: "KSB", models: ["CHTR 5/6", "Omega 300-560"] },
      { name: "Sulzer", serial: "SUL", models: ["HPcp 250"] },
      { name: "Grundfos", serial: "GF", models: ["CR 150-2"] },
    ],
    criticality: ["medium", "high"],
    planChance: 0.7,
    plans: [
      { kind: "hours", interval: 2000 },
      { kind: "days", interval: 30 },
    ],
    hoursPerYear: 6000,
  },
};

/** Equipment per site type: [kind key, how many]. */
export const layouts: Record<string, [keyof typeof kinds, number][]> = {
  solar_park: [
    ["inverter", 6],
    ["panelString", 6],
    ["transformer", 2],
    ["breaker", 1],
    ["meter", 2],
  ],
  wind_park: [
    ["windTurbine", 8],
    ["transformer", 2],
    ["breaker", 1],
    ["meter", 2],
  ],
  thermal_plant: [
    ["gasTurbine", 2],
    ["generator", 3],
    ["pump", 4],
    ["transformer", 3],
    ["breaker", 2],
    ["meter", 2],
  ],
  hydro_plant: [
    ["hydroTurbine", 3],
    ["generator", 3],
    ["transformer", 2],
    ["pump", 2],
    ["breaker", 1],
    ["meter", 1],
  ],
  substation: [
    ["transformer", 3],
    ["breaker", 5],
    ["meter", 2],
  ],
  smart_grid_node: [
    ["meter", 4],
    ["battery", 2],
    ["inverter", 1],
    ["breaker", 1],
  ],
  storage: [
    ["battery", 6],
    ["inverter", 2],
    ["meter", 1],
  ],
  other: [["meter", 2]],
};

/** First commissioning year by site type (equipment goes in from then on). */
export const firstYear: Record<string, number> = {
  solar_park: 2016,
  wind_park: 2015,
  thermal_plant: 2009,
  hydro_plant: 2008,
  substation: 2006,
  smart_grid_node: 2020,
  storage: 2021,
  other: 2015,
};

/** Shapes of the environment indicators (API `GET /api/environnement`, page, export). */

/** The factor a number was computed with: enough to trace it (id + version) and cite it. */
export type FactorRef = {
  id: string;
  key: string;
  version: number;
  year: number;
  value: number;
  unit: string;
  perimeter: string;
  source: string;
};

export type CriterionStatus = "met" | "missed" | "unknown";
export type ComplianceStatus = CriterionStatus | "no_target";

/** The year-to-date position of a site against its target of that year (January → `through`). */
export type Compliance = {
  year: number;
  through: string;
  co2Kg: number | null;
  renewableShare: number | null;
  co2Status: CriterionStatus | null;
  shareStatus: CriterionStatus | null;
  status: ComplianceStatus;
};

export type TargetRef = { id: string; year: number; maxCo2Kg: number | null; minRenewableShare: number | null };

export const renewableSiteTypes = ["solar_park", "wind_park", "hydro_plant"] as const;

export type EnvironmentRow = {
  site: { id: string; code: string; name: string; country: string; type: string };
  /** Site-local calendar month, `YYYY-MM`. */
  month: string;
  /** Electricity plus natural gas metered in kWh (consumption meters). */
  consumptionKwh: number;
  electricityKwh: number;
  gasKwh: number;
  gasM3: number;
  dieselM3: number;
  /** Location-based CO₂ of the consumption, kg CO₂e; null when a consumed carrier has no factor. */
  co2Kg: number | null;
  productionKwh: number;
  renewableProductionKwh: number;
  /** Renewable production × the grid factor, kg CO₂e; reported apart, never netted. */
  avoidedCo2Kg: number | null;
  /** Renewable ÷ total production of the site (0..1); null without production. */
  renewableShare: number | null;
  factor: FactorRef | null;
  fuelFactors: FactorRef[];
  target: TargetRef | null;
  compliance: Compliance;
};

/** The whole filtered set for one month (every site, not only the page). */
export type MonthTotal = {
  month: string;
  consumptionKwh: number;
  co2Kg: number;
  /** False when at least one site's CO₂ was unknown (no factor): `co2Kg` then undercounts. */
  co2Complete: boolean;
  productionKwh: number;
  renewableProductionKwh: number;
  avoidedCo2Kg: number;
  renewableShare: number | null;
};

export type EnvironmentResult = {
  data: EnvironmentRow[];
  totals: MonthTotal[];
  /** The whole period over every site of the filters. */
  summary: Omit<MonthTotal, "month">;
  from: string;
  to: string;
  next_cursor: string | null;
};

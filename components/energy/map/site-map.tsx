import { StatusShape } from "@/components/energy/site-status";
import type { SiteStatus } from "@/lib/validation/sites";
import { countryLabels, inFrame, mapHeight, mapWidth, outlinePaths, project, viewBox } from "./projection";

export type MapMarker = { id: string; code: string; name: string; status: SiteStatus; latitude: number; longitude: number; label: string };

const shapeClass = {
  sea: "fill-primary/10 stroke-none",
  land: "fill-surface stroke-line",
  disputed: "fill-surface stroke-border [stroke-dasharray:6_5]",
  main: "fill-surface-2 stroke-border",
} as const;

const markerSize = 20;

/**
 * The sites map as inline SVG (no script, no tile, no request): coarse outlines of Algeria
 * and Morocco in an equirectangular projection, one marker per site — its status shape in
 * its status colour — each marker a link to the site with `label` as its accessible name.
 * Sites outside the frame are not drawn. Scales to its container's width.
 */
export function SiteMap({ markers, title, countryNames }: { markers: MapMarker[]; title: string; countryNames: Record<string, string> }) {
  const placed = markers.filter((m) => inFrame(m.longitude, m.latitude));
  return (
    <svg
      viewBox={viewBox}
      width={mapWidth}
      height={mapHeight}
      role="group"
      aria-label={title}
      className="block h-auto w-full max-w-full rounded-lg border border-line bg-surface"
      data-testid="site-map"
    >
      <rect width={mapWidth} height={mapHeight} className="fill-surface" />
      <g aria-hidden="true">
        {outlinePaths.map((p) => (
          <path key={p.id} d={p.d} strokeWidth={p.kind === "main" ? 2 : 1.5} strokeLinejoin="round" className={shapeClass[p.kind]} />
        ))}
        {countryLabels.map((l) => (
          <text key={l.id} x={l.x} y={l.y} textAnchor="middle" className="fill-muted text-[28px] font-semibold tracking-wide uppercase">
            {countryNames[l.id] ?? l.id}
          </text>
        ))}
      </g>
      {placed.map((m) => {
        const { x, y } = project(m.longitude, m.latitude);
        return (
          <a
            key={m.id}
            href={`/energy/sites/${m.id}`}
            aria-label={m.label}
            className="group outline-none"
            data-testid="site-marker"
            data-code={m.code}
            data-status={m.status}
          >
            <title>{m.label}</title>
            <circle cx={x} cy={y} r={markerSize} className="fill-transparent stroke-none" />
            <circle
              cx={x}
              cy={y}
              r={markerSize * 0.95}
              strokeWidth={4}
              className="fill-none stroke-primary opacity-0 group-hover:opacity-100 group-focus-visible:opacity-100"
            />
            <StatusShape status={m.status} cx={x} cy={y} size={markerSize + 4} halo />
            <StatusShape status={m.status} cx={x} cy={y} size={markerSize} />
          </a>
        );
      })}
    </svg>
  );
}

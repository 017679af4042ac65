import { shapes, type Ring, type Shape } from "./outline";

/**
 * Equirectangular projection of the frame lon −17…12, lat 19…38, with its standard parallel
 * at 28.5° N (x is scaled by cos 28.5° so shapes keep their proportions in the middle of
 * the frame). Units are SVG user units; the viewBox is the whole frame.
 */
export const frame = { west: -17, east: 12, south: 19, north: 38 } as const;
const unit = 40;
const xScale = unit * Math.cos((28.5 * Math.PI) / 180);
export const mapWidth = Math.round((frame.east - frame.west) * xScale);
export const mapHeight = (frame.north - frame.south) * unit;
export const viewBox = `0 0 ${mapWidth} ${mapHeight}`;

const round = (v: number) => Math.round(v * 10) / 10;

export function project(lon: number, lat: number): { x: number; y: number } {
  return { x: round((lon - frame.west) * xScale), y: round((frame.north - lat) * unit) };
}

export function inFrame(lon: number, lat: number): boolean {
  return lon >= frame.west && lon <= frame.east && lat >= frame.south && lat <= frame.north;
}

/** An SVG path (`M … L … Z`) of a ring. */
export function ringPath(ring: Ring): string {
  return (
    ring
      .map(([lon, lat], i) => {
        const { x, y } = project(lon, lat);
        return `${i === 0 ? "M" : "L"}${x} ${y}`;
      })
      .join(" ") + " Z"
  );
}

export const outlinePaths: { id: string; kind: Shape["kind"]; d: string }[] = shapes.map((shape) => ({
  id: shape.id,
  kind: shape.kind,
  d: shape.rings.map(ringPath).join(" "),
}));

/** Where each country's name goes, projected. */
export const countryLabels: { id: string; x: number; y: number }[] = shapes.flatMap((shape) =>
  shape.label ? [{ id: shape.id, ...project(shape.label.lon, shape.label.lat) }] : [],
);

/**
 * The outlines as a standalone SVG document (public/maps/algeria-morocco.svg), in fixed
 * colours since it lives outside the app's themes.
 */
export function outlineSvgDocument(): string {
  const style: Record<Shape["kind"], string> = {
    sea: 'fill="#dce9f3" stroke="none"',
    land: 'fill="#fbf6ef" stroke="#c9bfb3" stroke-width="1"',
    disputed: 'fill="#fbf6ef" stroke="#a89d92" stroke-width="1.5" stroke-dasharray="6 5"',
    main: 'fill="#f5ebdd" stroke="#857a70" stroke-width="2"',
  };
  const paths = outlinePaths.map((p) => `  <path id="${p.id}" d="${p.d}" ${style[p.kind]} stroke-linejoin="round"/>`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${viewBox}" width="${mapWidth}" height="${mapHeight}">`,
    `  <title>Algeria and Morocco, equirectangular lon ${frame.west}…${frame.east}, lat ${frame.south}…${frame.north}</title>`,
    `  <rect width="${mapWidth}" height="${mapHeight}" fill="#fbf6ef"/>`,
    ...paths,
    "</svg>",
    "",
  ].join("\n");
}

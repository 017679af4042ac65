import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { shapes, type Ring } from "@/components/energy/map/outline";
import { inFrame, mapHeight, mapWidth, outlineSvgDocument, project } from "@/components/energy/map/projection";
import { demoSites } from "@/db/seed/energy/sites";

/** Even–odd ray casting in degrees (the rings are small enough for a flat test). */
function inside(ring: Ring, lon: number, lat: number): boolean {
  let hit = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}
const country = (id: string) => shapes.find((s) => s.id === id)!.rings[0]!;

describe("sites map", () => {
  it("ships public/maps/algeria-morocco.svg drawn from the same outlines as the page", () => {
    const file = readFileSync(path.resolve(import.meta.dirname, "../../public/maps/algeria-morocco.svg"), "utf8");
    expect(file).toBe(outlineSvgDocument());
  });

  it("projects the frame corners onto the viewBox corners", () => {
    expect(project(-17, 38)).toEqual({ x: 0, y: 0 });
    const corner = project(12, 19);
    expect(Math.abs(corner.x - mapWidth)).toBeLessThan(1);
    expect(corner.y).toBe(mapHeight);
  });

  it("places every demo site inside the outline of its country", () => {
    for (const site of demoSites) {
      expect(inFrame(site.longitude!, site.latitude!), site.code).toBe(true);
      expect(inside(country(site.country), site.longitude!, site.latitude!), site.code).toBe(true);
      expect(inside(country(site.country === "DZ" ? "MA" : "DZ"), site.longitude!, site.latitude!), site.code).toBe(false);
    }
  });
});

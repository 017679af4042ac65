/**
 * Coarse outlines of Algeria and Morocco, the seas around them and, in a neutral style,
 * the territory to the south-west, as [longitude, latitude] rings in WGS84 degrees — a few
 * dozen points each: enough to place sites recognisably, never a reference for borders.
 * Drawn offline by the sites map and shipped as public/maps/algeria-morocco.svg
 * (tests/unit/site-map.test.ts keeps both equal).
 */
export type Ring = readonly (readonly [number, number])[];
const rev = (ring: Ring): Ring => [...ring].reverse();

/** The Algeria–Morocco border, from the Mediterranean (Saïdia) south to the Tindouf corner. */
const dzMaBorder: Ring = [
  [-2.21, 35.09],
  [-1.79, 34.75],
  [-1.68, 34.1],
  [-1.25, 33.73],
  [-1.5, 33.05],
  [-1.18, 32.12],
  [-2.3, 32.2],
  [-3.35, 31.7],
  [-3.65, 30.9],
  [-4.9, 30.5],
  [-5.55, 29.55],
  [-7.05, 29.3],
  [-8.3, 28.75],
  [-8.67, 28.3],
  [-8.67, 27.67],
];

/** Morocco's Mediterranean coast, from Ceuta east to Saïdia. */
const maMediterranean: Ring = [
  [-5.32, 35.9],
  [-4.7, 35.2],
  [-3.93, 35.25],
  [-2.93, 35.25],
  [-2.21, 35.09],
];

/** Morocco's Atlantic coast, from Cap Spartel south to 27.67° N. */
const maAtlantic: Ring = [
  [-5.92, 35.79],
  [-6.16, 35.19],
  [-6.58, 34.26],
  [-6.84, 34.03],
  [-7.62, 33.6],
  [-8.5, 33.25],
  [-9.24, 32.3],
  [-9.77, 31.51],
  [-9.89, 30.63],
  [-9.6, 30.42],
  [-10.17, 29.38],
  [-11.1, 28.5],
  [-12.2, 28.05],
  [-12.92, 27.94],
  [-13.17, 27.67],
];

/** Algeria's coast, west to east. */
const dzCoast: Ring = [
  [-1.87, 35.1],
  [-0.64, 35.72],
  [0.1, 35.93],
  [1.33, 36.52],
  [2.2, 36.61],
  [3.06, 36.79],
  [3.92, 36.93],
  [5.08, 36.76],
  [5.77, 36.83],
  [6.56, 37.09],
  [6.93, 36.9],
  [7.77, 36.95],
  [8.62, 36.94],
];

/** Tunisia's and then Libya's coast to the frame's east edge. */
const eastCoast: Ring = [
  [9.85, 37.33],
  [10.35, 36.85],
  [11.05, 37.08],
  [10.55, 36.4],
  [10.65, 35.8],
  [11.05, 35.5],
  [10.75, 34.75],
  [10.0, 34.2],
  [10.9, 33.7],
  [11.55, 33.15],
  [12.0, 32.87],
];

/** The Atlantic coast south of 27.67° N, down to the frame's south edge. */
const southwestCoast: Ring = [
  [-13.4, 27.1],
  [-14.5, 26.13],
  [-14.9, 24.7],
  [-15.93, 23.7],
  [-16.5, 22.3],
  [-17.05, 20.85],
  [-16.45, 20.3],
  [-16.2, 19.0],
];

/** Southern Iberia, from the frame's north edge on the Atlantic side round to the Mediterranean side. */
const iberiaAtlantic: Ring = [
  [-8.85, 38.0],
  [-8.99, 37.02],
  [-7.93, 37.0],
  [-6.95, 37.2],
  [-6.3, 36.5],
  [-5.6, 36.0],
];
const iberiaMediterranean: Ring = [
  [-5.6, 36.0],
  [-5.2, 36.4],
  [-4.4, 36.7],
  [-3.0, 36.75],
  [-2.2, 36.72],
  [-1.6, 37.3],
  [-1.0, 37.55],
  [-0.7, 37.6],
  [-0.68, 38.0],
];

const algeria: Ring = [
  ...dzCoast,
  [8.45, 36.45],
  [8.35, 35.9],
  [8.28, 35.2],
  [8.25, 34.65],
  [7.85, 34.1],
  [7.5, 33.2],
  [8.1, 32.5],
  [9.05, 31.7],
  [9.55, 30.23],
  [9.85, 28.95],
  [9.8, 27.3],
  [9.45, 26.2],
  [10.25, 24.6],
  [11.55, 24.3],
  [11.99, 23.52],
  [7.45, 20.85],
  [5.8, 19.45],
  [4.25, 19.15],
  [3.25, 19.0],
  [3.1, 19.85],
  [1.1, 20.75],
  [-4.82, 25.0],
  [-8.67, 27.29],
  ...rev(dzMaBorder),
];

const morocco: Ring = [...maMediterranean, ...dzMaBorder, ...rev(maAtlantic)];

/** South of 27.67° N on the Atlantic: neutral and dashed, its status being disputed. */
const southwest: Ring = [
  [-13.17, 27.67],
  [-8.67, 27.67],
  [-8.67, 26.0],
  [-12.0, 26.0],
  [-12.0, 23.45],
  [-13.05, 22.95],
  [-13.0, 21.33],
  [-17.05, 21.33],
  ...rev(southwestCoast.slice(0, 6)),
];

const atlantic: Ring = [[-17, 19], ...rev(southwestCoast), [-13.17, 27.67], ...rev(maAtlantic), ...rev(iberiaAtlantic), [-17, 38]];

const mediterranean: Ring = [[-5.92, 35.79], ...maMediterranean, ...dzCoast, ...eastCoast, [12, 38], ...rev(iberiaMediterranean)];

/** The Canary Islands inside the frame (Lanzarote, Fuerteventura, Gran Canaria, Tenerife). */
const canaries: Ring[] = [
  [
    [-13.85, 29.22],
    [-13.42, 29.2],
    [-13.45, 28.9],
    [-13.87, 28.86],
  ],
  [
    [-14.2, 28.75],
    [-13.83, 28.73],
    [-13.85, 28.25],
    [-14.5, 28.05],
    [-14.3, 28.4],
  ],
  [
    [-15.6, 28.17],
    [-15.37, 28.0],
    [-15.45, 27.75],
    [-15.7, 27.77],
    [-15.83, 28.0],
  ],
  [
    [-16.9, 28.38],
    [-16.15, 28.58],
    [-16.4, 28.15],
    [-16.75, 28.03],
    [-16.9, 28.2],
  ],
];

export type Shape = {
  id: string;
  rings: readonly Ring[];
  kind: "sea" | "land" | "main" | "disputed";
  /** Where the country's name goes (main shapes only). */
  label?: { lon: number; lat: number };
};

/** Drawing order: seas, other land, then the two countries on top. */
export const shapes: readonly Shape[] = [
  { id: "sea", rings: [atlantic, mediterranean], kind: "sea" },
  { id: "islands", rings: canaries, kind: "land" },
  { id: "EH", rings: [southwest], kind: "disputed" },
  { id: "DZ", rings: [algeria], kind: "main", label: { lon: 4.6, lat: 30.2 } },
  { id: "MA", rings: [morocco], kind: "main", label: { lon: -4.6, lat: 33.2 } },
];

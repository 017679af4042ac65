/** Unit symbols as shown (m3 is stored in ASCII). */
export const unitSymbol = (unit: string) => (unit === "m3" ? "m³" : unit);

import "server-only";

/** RFC 5987 / RFC 8187 value: percent-encoded UTF-8, with the characters RFC 3986 reserves too. */
function encodeExtValue(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * `Content-Disposition: attachment` for a download: an ASCII fallback `filename` for old
 * clients and `filename*=UTF-8''…` carrying the real name (accents, Tifinagh, Arabic).
 */
export function attachmentDisposition(filename: string): string {
  const clean = filename.replace(/[\u0000-\u001f\u007f/\\]/g, "_");
  const ascii =
    clean
      .normalize("NFKD")
      .replace(/[^\x20-\x7e]/g, "")
      .replace(/["%;]/g, "_") || "export";
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeExtValue(clean)}`;
}

/** `<base>-YYYY-MM-DD.<ext>`, the date of the export in Africa/Algiers. */
export function datedFilename(base: string, extension: string, at = new Date()): string {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Africa/Algiers", year: "numeric", month: "2-digit", day: "2-digit" }).format(
    at,
  );
  return `${base}-${day}.${extension}`;
}

/** Headers every download shares: never cached, never sniffed. */
export function downloadHeaders(contentType: string, filename: string): Record<string, string> {
  return {
    "content-type": contentType,
    "content-disposition": attachmentDisposition(filename),
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  };
}

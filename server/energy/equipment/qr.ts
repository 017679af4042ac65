import "server-only";
import QRCode from "qrcode";

/**
 * Base of the public links printed on labels: DIHYA_PUBLIC_URL when set (labels outlive a
 * request, so production sets it), else the origin the request came in on.
 */
export function publicBase(headers: Headers): string {
  const configured = process.env.DIHYA_PUBLIC_URL?.trim();
  if (configured) return configured.replace(/\/+$/, "");
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? "localhost:3000";
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? (/^(localhost|127\.|\[::1\])/.test(host) ? "http" : "https");
  return `${proto}://${host}`;
}

/** The public fault-report link of a label. */
export function reportUrl(base: string, qrToken: string): string {
  return `${base}/report/${encodeURIComponent(qrToken)}`;
}

/** The QR code of a text as an SVG document (black on white, quiet zone of 2 modules). */
export async function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2, color: { dark: "#000000", light: "#ffffff" } });
}

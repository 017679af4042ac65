import "server-only";
import { problem, titles } from "@/server/platform/problem";

const tooLarge = (maxBytes: number) => problem(413, "body_too_large", titles[413]!, `The body may not exceed ${maxBytes} bytes.`);

/** Reads the body as UTF-8 text, refusing (413) past `maxBytes` whatever Content-Length claims. */
export async function readBody(request: Request, maxBytes: number): Promise<{ text: string } | Response> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return tooLarge(maxBytes);
  const reader = request.body?.getReader();
  if (!reader) return { text: "" };
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return { text: Buffer.concat(chunks).toString("utf8") };
}

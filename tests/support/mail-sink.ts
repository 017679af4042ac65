import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** A received e-mail, decoded: headers (lower-case names), subject, and its text and HTML parts. */
export type ReceivedMail = {
  headers: Map<string, string>;
  subject: string;
  to: string[];
  text: string | null;
  html: string | null;
  raw: string;
};

const decodeBytes = (s: string) =>
  Buffer.from(
    s.replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    "latin1",
  ).toString("utf8");

/** RFC 2047 encoded words (B and Q); adjacent words are joined without their separating space. */
function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, "$1$2")
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, _charset: string, enc: string, text: string) =>
      enc.toUpperCase() === "B" ? Buffer.from(text, "base64").toString("utf8") : decodeBytes(text.replace(/_/g, " ")),
    );
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const at = line.indexOf(":");
    if (at > 0) headers.set(line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim());
  }
  return headers;
}

function decodeBody(body: string, encoding: string | undefined): string {
  switch ((encoding ?? "7bit").toLowerCase()) {
    case "base64":
      return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
    case "quoted-printable":
      return decodeBytes(body.replace(/=\r?\n/g, ""));
    default:
      return body;
  }
}

function collect(raw: string, into: { text: string | null; html: string | null }): Map<string, string> {
  const split = raw.search(/\r?\n\r?\n/);
  const headers = parseHeaders(split < 0 ? raw : raw.slice(0, split));
  const body = split < 0 ? "" : raw.slice(split).replace(/^\r?\n\r?\n/, "");
  const type = headers.get("content-type") ?? "text/plain";
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary) {
    const parts = body.split(`--${boundary}`).slice(1);
    for (const part of parts) if (!part.startsWith("--")) collect(part.replace(/^\r?\n/, ""), into);
  } else if (/^text\/html/i.test(type)) {
    into.html = decodeBody(body, headers.get("content-transfer-encoding"));
  } else if (/^text\/plain/i.test(type)) {
    into.text = decodeBody(body, headers.get("content-transfer-encoding"));
  }
  return headers;
}

export function parseMail(raw: string, to: string[] = []): ReceivedMail {
  const parts = { text: null as string | null, html: null as string | null };
  const headers = collect(raw, parts);
  return { headers, subject: decodeWords(headers.get("subject") ?? ""), to, ...parts, raw };
}

/** A real SMTP server on 127.0.0.1 (port 0: any free port) that keeps every message it receives. */
export async function startMailSink(port = 0) {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push(
          parseMail(
            Buffer.concat(chunks).toString("utf8"),
            session.envelope.rcptTo.map((r) => r.address),
          ),
        );
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.server.address() as AddressInfo;
  return {
    received,
    url: `smtp://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

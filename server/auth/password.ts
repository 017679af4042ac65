import "server-only";
import { hash, verify } from "@node-rs/argon2";

/** argon2id at the OWASP minimum (m = 19 MiB, t = 2, p = 1); algorithm 2 is Argon2id. */
const options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize("NFC"), options);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password.normalize("NFC"));
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** Spends the same time as a real verification, for unknown accounts (no timing oracle). */
export async function dummyVerify(password: string): Promise<void> {
  dummy ??= hashPassword("dihya-timing-equaliser");
  await verifyPassword(await dummy, password);
}

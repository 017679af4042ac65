import { z } from "zod";

/**
 * Access to a server: who, at which level, with which SSH key (its fingerprint only), until
 * when. Error messages are keys of the `validation` namespace.
 */
export const accessLevels = ["read", "operator", "root"] as const;
export type AccessLevel = (typeof accessLevels)[number];

/** `SHA256:` and 43 unpadded base64 characters, as `ssh-keygen -lf` prints it. */
const sha256Fingerprint = /^SHA256:[A-Za-z0-9+/]{43}$/;
/** The legacy form: 16 hex bytes separated by colons, optionally after `MD5:`. */
const md5Fingerprint = /^(?:MD5:)?([0-9a-f]{2}(?::[0-9a-f]{2}){15})$/i;

/**
 * Whether the text looks like key material rather than a fingerprint: a PEM or OpenSSH
 * block, an `ssh-…`/`ecdsa-…` public key line, or a long base64 blob. Such text is refused
 * (and never stored or echoed back).
 */
export function looksLikeKeyMaterial(text: string): boolean {
  return (
    /-----BEGIN|PRIVATE KEY|OPENSSH/i.test(text) ||
    /(?:^|\s)(?:ssh-(?:rsa|dss|ed25519|ed448)|ecdsa-sha2-nistp\d+|sk-(?:ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com)(?:\s|$)/.test(
      text,
    ) ||
    /AAAA[0-9A-Za-z+/]{40,}/.test(text) ||
    text.length > 120
  );
}

/** The canonical fingerprint (`SHA256:…` as is, MD5 as `MD5:` + lower-case hex), or null when the text is not one. */
export function canonicalFingerprint(text: string): string | null {
  const value = text.trim();
  if (sha256Fingerprint.test(value)) return value;
  const md5 = md5Fingerprint.exec(value);
  return md5 ? `MD5:${md5[1]!.toLowerCase()}` : null;
}

const fingerprint = z
  .string("serverFingerprintInvalid")
  .transform((v, ctx) => {
    const value = v.trim();
    if (value === "") return null;
    if (looksLikeKeyMaterial(value)) {
      ctx.addIssue({ code: "custom", message: "serverKeyMaterialRefused" });
      return z.NEVER;
    }
    const canonical = canonicalFingerprint(value);
    if (!canonical) {
      ctx.addIssue({ code: "custom", message: "serverFingerprintInvalid" });
      return z.NEVER;
    }
    return canonical;
  })
  .nullable()
  .optional();

/** A login name on the host (POSIX-style): a lower-case letter or `_`, then letters, digits, `_ . -`; 32 at most. */
const principalPattern = /^[a-z_][a-z0-9_.-]{0,31}$/;

/**
 * Access to a server: who (login on the host, optionally the Dihya account), at which
 * level, with which key (its fingerprint only), until when (future; none = no end).
 */
export const accessGrantSchema = z.strictObject({
  principal: z.string("serverPrincipalInvalid").trim().regex(principalPattern, "serverPrincipalInvalid"),
  level: z.enum(accessLevels, "serverAccessLevelInvalid").default("operator"),
  userId: z.uuid("invalid").nullable().optional(),
  sshKeyFingerprint: fingerprint,
  expiresAt: z.iso
    .datetime({ offset: true, error: "dateInvalid" })
    .refine((v) => Date.parse(v) > Date.now(), "expiryPast")
    .nullable()
    .optional(),
  reason: z.string("invalid").trim().max(500, "reasonTooLong").default(""),
});
export type AccessGrantInput = z.input<typeof accessGrantSchema>;
export type AccessGrant = z.output<typeof accessGrantSchema>;

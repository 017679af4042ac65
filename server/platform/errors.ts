import "server-only";

export type ErrorCode = "unauthenticated" | "forbidden" | "not_found" | "conflict" | "validation_failed" | "rate_limited" | "last_admin";

const statusOf: Record<ErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  validation_failed: 422,
  rate_limited: 429,
  last_admin: 409,
};

/**
 * An expected failure of a domain rule. Entry points turn it into an action result or a
 * problem+json response; `field` names the input that caused it, `messageKey` is a key of
 * the `errors` namespace shown to users.
 */
export class DomainError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: string,
    readonly field?: string,
  ) {
    super(`${code}: ${messageKey}`);
    this.status = statusOf[code];
  }
}

export const notFound = () => new DomainError("not_found", "notFound");
export const forbiddenError = () => new DomainError("forbidden", "forbidden");

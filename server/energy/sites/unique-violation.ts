import "server-only";

/**
 * Whether a database error is a unique violation (SQLSTATE 23505) of `constraint`, on both
 * drivers; Drizzle may wrap the driver's error in `cause`.
 */
export function uniqueViolation(error: unknown, constraint: string): boolean {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, constraint: name, constraint_name: pgName } = e as { code?: string; constraint?: string; constraint_name?: string };
    if (code === "23505") return (name ?? pgName ?? constraint) === constraint;
  }
  return false;
}

import "server-only";
import { problem, titles } from "./problem";

/** Handlers for the methods a route does not serve: 405 problem+json with Allow. */
export function methodsNotAllowed(allowed: string[]) {
  const handler = async () =>
    problem(405, "method_not_allowed", titles[405]!, `Allowed: ${allowed.join(", ")}.`, undefined, { allow: allowed.join(", ") });
  const all = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
  return Object.fromEntries(all.filter((m) => !allowed.includes(m)).map((m) => [m, handler])) as Partial<
    Record<(typeof all)[number], typeof handler>
  >;
}

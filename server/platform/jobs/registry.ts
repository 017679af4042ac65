import "server-only";
import type { SystemActor } from "@/server/auth/actor";

export type JobContext = {
  jobId: string;
  /** 1 on the first run. */
  attempt: number;
  /** The job fails for good when attempt `maxAttempts` throws. */
  maxAttempts: number;
  /** The actor to audit as: `{ kind: "system", id: "job:<kind>" }`. */
  actor: SystemActor;
  /** Aborted when the lease is lost or the process stops. */
  signal: AbortSignal;
};
export type JobHandler = (payload: Record<string, unknown>, ctx: JobContext) => Promise<void>;

const handlers = new Map<string, JobHandler>();

/** Registers the handler of a job kind; modules that define jobs are imported by ./kinds.ts. */
export function defineJob(kind: string, handler: JobHandler): void {
  handlers.set(kind, handler);
}

export function handlerFor(kind: string): JobHandler | undefined {
  return handlers.get(kind);
}

export function registeredKinds(): string[] {
  return [...handlers.keys()].sort();
}

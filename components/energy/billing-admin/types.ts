/** What a server action built with defineAction answers (kept here so client components import no server code). */
export type ActionResponse =
  { ok: true; data: unknown } | { ok: false; code: string; messageKey: string; fieldErrors?: Record<string, string[]> };

export type ServerAction = (input: unknown) => Promise<ActionResponse>;

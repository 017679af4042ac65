/** Server start-up: migrations and first data, in the process that owns the database. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { bootstrap } = await import("./server/platform/bootstrap");
  await bootstrap();
}

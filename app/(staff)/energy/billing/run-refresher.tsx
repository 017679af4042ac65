"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Re-renders the page every 2 s while a run is queued or running; does nothing once all are done. */
export function RunRefresher({ active }: { active: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(timer);
  }, [active, router]);
  return null;
}

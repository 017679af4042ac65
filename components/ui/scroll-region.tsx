import type { ReactNode } from "react";

/**
 * A horizontally scrollable box (a wide table or code sample at 360 px). It can take the
 * keyboard focus and is named, so keyboard users can scroll it too (axe:
 * scrollable-region-focusable) and screen readers announce what it holds.
 */
export function ScrollRegion({ label, className = "", children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={`relative overflow-x-auto ${className}`}>
      {children}
    </div>
  );
}

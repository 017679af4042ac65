"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";

export type NavGroup = { label: string; items: { href: string; label: string }[] };

/** The staff navigation: groups computed on the server from the role and the templates. */
export function Sidebar({ groups, menuLabel, navLabel }: { groups: NavGroup[]; menuLabel: string; navLabel: string }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  // The one item whose href is the longest prefix of the path: /energy/sites/x lights "Sites", not the overview too.
  const matches = (href: string) => (href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`));
  const activeHref = groups
    .flatMap((g) => g.items.map((i) => i.href))
    .filter(matches)
    .reduce<string | null>((best, href) => (best === null || href.length > best.length ? href : best), null);
  const isActive = (href: string) => href === activeHref;
  return (
    <div className="md:w-60 md:shrink-0">
      <button
        type="button"
        className="m-3 inline-flex min-h-10 items-center gap-2 rounded-md border border-border bg-surface px-3 text-sm md:hidden"
        aria-expanded={open}
        aria-controls="staff-nav"
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true">☰</span> {menuLabel}
      </button>
      <nav
        id="staff-nav"
        aria-label={navLabel}
        className={`${open ? "block" : "hidden"} border-line px-3 pb-4 md:block md:border-e md:pt-4`}
      >
        {groups.map((group) => (
          <div key={group.label} className="mb-4">
            <p className="px-2 pb-1 text-xs font-semibold tracking-wide text-muted">{group.label}</p>
            <ul className="space-y-1">
              {group.items.map((item) => (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    aria-current={isActive(item.href) ? "page" : undefined}
                    onClick={() => setOpen(false)}
                    className="block rounded-md px-2 py-2 text-sm hover:bg-surface-2 aria-[current=page]:bg-surface-2 aria-[current=page]:font-semibold aria-[current=page]:text-primary"
                  >
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>
    </div>
  );
}

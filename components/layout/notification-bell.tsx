"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { latestNotificationsAction, markNotificationsReadAction } from "@/app/(staff)/notifications/actions";
import type { NotificationView } from "@/lib/notification-kinds";

function BellIcon() {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.8">
      <path d="M6 9a6 6 0 1 1 12 0c0 5 2 6.5 2 6.5H4S6 14 6 9Z" strokeLinejoin="round" />
      <path d="M10 19a2 2 0 0 0 4 0" strokeLinecap="round" />
    </svg>
  );
}

/**
 * The header bell: the unread count, kept live by the notifications stream (SSE), and a
 * panel with the five latest, "mark all read" and a link to the full page.
 */
export function NotificationBell({ initialUnread, pageHref }: { initialUnread: number; pageHref: string }) {
  const t = useTranslations("notifications");
  const router = useRouter();
  const [unread, setUnread] = useState(initialUnread);
  const [items, setItems] = useState<NotificationView[] | null>(null);
  const [arrived, setArrived] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [pending, start] = useTransition();
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const source = new EventSource("/api/notifications/stream");
    source.addEventListener("unread", (e) => setUnread((JSON.parse((e as MessageEvent<string>).data) as { count: number }).count));
    source.addEventListener("notification", (e) => {
      const n = JSON.parse((e as MessageEvent<string>).data) as NotificationView;
      setItems((prev) => [n, ...(prev ?? []).filter((x) => x.id !== n.id)].slice(0, 5));
      setArrived(n.title);
    });
    return () => source.close();
  }, []);

  // While open: a click outside closes the panel; Escape closes it and returns to the bell.
  useEffect(() => {
    if (!open) return;
    const outside = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    const escape = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("mousedown", outside);
    document.addEventListener("keydown", escape);
    return () => {
      document.removeEventListener("mousedown", outside);
      document.removeEventListener("keydown", escape);
    };
  }, [open]);

  const toggle = () => {
    setOpen(!open);
    if (!open)
      start(async () => {
        const result = await latestNotificationsAction();
        if (result.ok) setItems(result.data.data);
      });
  };
  const markRead = (input: { ids: string[] } | { all: true }) =>
    start(async () => {
      const result = await markNotificationsReadAction(input);
      if (!result.ok) return;
      setUnread(result.data.unread);
      setItems((prev) => prev?.map((n) => ("all" in input || input.ids.includes(n.id) ? { ...n, read: true } : n)) ?? prev);
      router.refresh();
    });

  return (
    <div ref={root} className="sm:relative">
      <button
        ref={button}
        type="button"
        onClick={toggle}
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={unread > 0 ? t("bell.label", { count: unread }) : t("bell.labelEmpty")}
        className="relative inline-flex min-h-10 min-w-10 items-center justify-center rounded-md border border-border bg-surface px-2 text-fg"
        data-testid="notification-bell"
      >
        <BellIcon />
        {unread > 0 ? (
          <span
            aria-hidden="true"
            data-testid="notification-count"
            className="absolute -end-2 -top-2 min-w-5 rounded-full bg-danger px-1 text-center text-xs leading-5 font-semibold text-white dark:text-bg"
          >
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </button>
      <span role="status" aria-live="polite" className="sr-only">
        {arrived ? t("bell.arrived", { title: arrived }) : ""}
      </span>
      <div
        id={panelId}
        role="region"
        aria-label={t("bell.latest")}
        hidden={!open}
        className="fixed inset-x-2 top-16 z-30 rounded-md border border-line bg-surface shadow-lg sm:absolute sm:inset-x-auto sm:end-0 sm:top-full sm:mt-2 sm:w-80"
        data-testid="notification-panel"
      >
        <h2 className="border-b border-line px-3 py-2 text-sm font-semibold">{t("bell.latest")}</h2>
        {items === null ? (
          <p className="px-3 py-4 text-sm text-muted">{t("bell.loading")}</p>
        ) : items.length === 0 ? (
          <p className="px-3 py-4 text-sm text-muted">{t("bell.empty")}</p>
        ) : (
          <ul className="max-h-96 divide-y divide-line overflow-y-auto">
            {items.map((n) => (
              <li key={n.id}>
                <Link
                  href={n.link ?? pageHref}
                  onClick={() => {
                    if (!n.read) markRead({ ids: [n.id] });
                    setOpen(false);
                  }}
                  className="flex gap-2 px-3 py-2 hover:bg-surface-2"
                  data-testid="notification-panel-item"
                >
                  <span aria-hidden="true" className={`mt-1.5 size-2 shrink-0 rounded-full ${n.read ? "" : "bg-primary"}`} />
                  <span className="min-w-0">
                    <span className={`block text-sm ${n.read ? "" : "font-semibold"}`}>
                      {n.title}
                      {n.read ? null : <span className="sr-only"> ({t("page.unread")})</span>}
                    </span>
                    <span className="block text-xs text-muted">{n.when}</span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
        <div className="flex flex-wrap items-center justify-between gap-2 border-t border-line px-3 py-2">
          <button
            type="button"
            onClick={() => markRead({ all: true })}
            disabled={pending || unread === 0}
            className="rounded px-2 py-1 text-sm font-semibold text-primary hover:bg-surface-2 disabled:cursor-not-allowed disabled:opacity-60"
          >
            {t("bell.markAllRead")}
          </button>
          <Link href={pageHref} onClick={() => setOpen(false)} className="px-2 py-1 text-sm text-primary underline underline-offset-2">
            {t("bell.seeAll")}
          </Link>
        </div>
      </div>
    </div>
  );
}

import type { ReactNode } from "react";

export function Card({
  title,
  children,
  className = "",
  headingLevel = 2,
}: {
  title?: ReactNode;
  children: ReactNode;
  className?: string;
  headingLevel?: 2 | 3;
}) {
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <section className={`rounded-lg border border-line bg-surface p-4 shadow-sm ${className}`}>
      {title ? <H className="mb-3 text-base font-semibold">{title}</H> : null}
      {children}
    </section>
  );
}

export function Badge({
  tone = "neutral",
  children,
}: {
  tone?: "neutral" | "success" | "danger" | "warning" | "info";
  children: ReactNode;
}) {
  const tones = {
    neutral: "border-border text-fg",
    success: "border-success text-success",
    danger: "border-danger text-danger",
    warning: "border-warning text-warning",
    info: "border-info text-info",
  };
  return (
    <span className={`inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-semibold ${tones[tone]}`}>{children}</span>
  );
}

export function PageHeader({ title, description, actions }: { title: string; description?: string; actions?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-start justify-between gap-3">
      <div>
        <h1 className="text-2xl font-semibold">{title}</h1>
        {description ? <p className="mt-1 text-muted">{description}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
    </div>
  );
}

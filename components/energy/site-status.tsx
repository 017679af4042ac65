import type { SiteStatus } from "@/lib/validation/sites";

/**
 * How a site status looks everywhere (badge, map marker, legend): a colour AND a shape,
 * so the status never relies on colour alone. in service ● · maintenance ■ · out of
 * service ▲ · decommissioned ✕.
 */
export const statusTone: Record<SiteStatus, "success" | "warning" | "danger" | "neutral"> = {
  in_service: "success",
  maintenance: "warning",
  out_of_service: "danger",
  decommissioned: "neutral",
};

/** Fill and stroke classes of a status shape (semantic colours: light and dark themes). */
export const statusColour: Record<SiteStatus, string> = {
  in_service: "fill-success stroke-success text-success",
  maintenance: "fill-warning stroke-warning text-warning",
  out_of_service: "fill-danger stroke-danger text-danger",
  decommissioned: "fill-muted stroke-muted text-muted",
};

/**
 * The status shape centred on (cx, cy), `size` wide; drawn inside an <svg>. `halo` draws it
 * in the surface colour instead (under a marker, to detach it from the map).
 */
export function StatusShape({
  status,
  cx,
  cy,
  size,
  halo = false,
}: {
  status: SiteStatus;
  cx: number;
  cy: number;
  size: number;
  halo?: boolean;
}) {
  const h = size / 2;
  const cls = halo ? "fill-surface stroke-surface" : statusColour[status];
  switch (status) {
    case "in_service":
      return <circle cx={cx} cy={cy} r={h} className={cls} />;
    case "maintenance":
      return <rect x={cx - h * 0.9} y={cy - h * 0.9} width={h * 1.8} height={h * 1.8} className={cls} />;
    case "out_of_service":
      return <path d={`M${cx} ${cy - h * 1.1} L${cx + h * 1.05} ${cy + h * 0.8} L${cx - h * 1.05} ${cy + h * 0.8} Z`} className={cls} />;
    case "decommissioned":
      return (
        <path
          d={`M${cx - h} ${cy - h} L${cx + h} ${cy + h} M${cx + h} ${cy - h} L${cx - h} ${cy + h}`}
          className={`${cls} fill-none`}
          strokeWidth={size / 4}
          strokeLinecap="round"
        />
      );
  }
}

/** A small inline glyph of the status shape, for text (badges, legend, lists). Decorative. */
export function StatusGlyph({ status }: { status: SiteStatus }) {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 12 12" className="inline-block size-3 shrink-0">
      <StatusShape status={status} cx={6} cy={6} size={9} />
    </svg>
  );
}

/** The status as a badge: glyph + translated label. */
export function SiteStatusBadge({ status, label }: { status: SiteStatus; label: string }) {
  const tones = {
    success: "border-success text-success",
    warning: "border-warning text-warning",
    danger: "border-danger text-danger",
    neutral: "border-border text-muted",
  };
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full border px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${tones[statusTone[status]]}`}
      data-status={status}
    >
      <StatusGlyph status={status} />
      {label}
    </span>
  );
}

import "server-only";
import { operatorFromEnv } from "@/server/energy/billing/invoice-snapshot";
import PDFDocument from "pdfkit";
import { defaultLocale, direction as localeDirection, isLocale, type Locale } from "@/i18n/config";
import { formatMoney, formatQuantity, formatUnitPrice } from "@/lib/billing/money";
import { translatorFor, type Translate } from "@/server/platform/notifications/render";
import { FontBook } from "@/server/platform/exports/pdf/fonts";
import { Pages } from "@/server/platform/exports/pdf/page-frame";
import { COLORS, PAGE, linesHeight } from "@/server/platform/exports/pdf/theme";
import { Typesetter } from "@/server/platform/exports/pdf/typesetter";
import type { InvoiceDto, InvoiceLineDto } from "./invoice-dto";
import { formatCo2, formatDay, formatInstantDay, formatPeriod, formatRate } from "./invoice-format";
import { INVOICE_STYLES as S, InvoiceCanvas } from "./invoice-pdf-layout";

/**
 * The invoice (or credit note) as an A4 PDF in one language: operator and client identity, number
 * and dates, delivery points, readings and consumption, lines and taxes, totals and due date, the
 * period's CO₂ and the payment reference. Text goes through the report engine's FontBook and
 * Typesetter: Arabic is shaped and laid out right to left (the page is mirrored), Tifinagh and the
 * Kabyle letters get their Noto subsets, and the text layer reads back in logical order.
 *
 * The language is the caller's choice: the client's `clients.locale` for its documents (see the
 * route), another one when staff ask for it. Labels come from the `invoicePdf` messages; line labels
 * from their `labelKey` (falling back to the line kind). Nothing here reads the database.
 */
export async function renderInvoicePdf(
  invoice: InvoiceDto,
  locale: string,
  options: { operator?: Record<string, unknown> | null } = {},
): Promise<Uint8Array> {
  if (options.operator && !isObject(invoice.snapshot?.operator))
    invoice = { ...invoice, snapshot: { ...invoice.snapshot, operator: options.operator } };
  const loc: Locale = isLocale(locale) ? locale : defaultLocale;
  const t = await translator(loc);
  const dir = localeDirection[loc];
  const number = invoice.number ?? t("invoicePdf.draftNumber");
  const title = t(invoice.kind === "credit_note" ? "invoicePdf.titleCreditNote" : "invoicePdf.titleInvoice");

  const doc = new PDFDocument({
    // No default Helvetica: every glyph comes from the FontBook (saves parsing an AFM per document).
    font: null as never,
    size: "A4",
    margins: { top: PAGE.marginTop, bottom: PAGE.marginBottom, left: PAGE.marginX, right: PAGE.marginX },
    bufferPages: true,
    fontLayoutCache: false,
    lang: loc,
    displayTitle: true,
    info: { Title: `${title} ${number}`, Author: operatorOf(invoice).name, Creator: "Dihya", CreationDate: creationDate(invoice) },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });

  const opened = shareFontFaces(doc);
  const ts = new Typesetter(doc, new FontBook(doc));
  const footer = t("invoicePdf.footer", { operator: operatorOf(invoice).name, number });
  const pages = new Pages(doc, ts, footer, dir);
  const c = new InvoiceCanvas(doc, ts, pages, dir);
  draw(c, invoice, loc, t, title, number);
  pages.finish();
  doc.end();
  await finished;
  opened.remember();
  return Buffer.concat(chunks);
}

type FontFace = { layout: unknown; getGlyph: unknown };
/** Parsed fontkit faces by registered name, shared by every invoice document of the process. */
const sharedFaces = new Map<string, FontFace>();

/**
 * Parses each Noto subset once per process instead of once per document (the largest cost of a
 * render): the FontBook registers bytes, and this hands pdfkit (which accepts a fontkit face as a
 * font source) a per-document view of the face parsed by an earlier document. The view inherits the
 * parsed tables, glyph cache and shaping engine; whatever a document patches on its font (see
 * embedded-font.ts) stays on its own view. Faces are remembered after the first document that
 * opened them has been written out.
 */
function shareFontFaces(doc: PDFKit.PDFDocument): { remember: () => void } {
  const register = doc.registerFont.bind(doc);
  const fresh = new Set<string>();
  doc.registerFont = (name: string, src?: PDFKit.Mixins.PDFFontSource, family?: string) => {
    const face = sharedFaces.get(name);
    if (!face) fresh.add(name);
    return register(name, face ? (Object.create(face) as PDFKit.Mixins.PDFFontSource) : src, family);
  };
  return {
    remember() {
      const families = (doc as unknown as { _fontFamilies?: Record<string, { font?: FontFace }> })._fontFamilies ?? {};
      for (const name of fresh) {
        const face = families[name]?.font;
        if (face && typeof face.layout === "function" && !sharedFaces.has(name)) sharedFaces.set(name, face);
      }
    },
  };
}

/** One translator per locale for the life of the process (formats cached inside). */
const translators = new Map<Locale, Promise<Translate>>();
function translator(locale: Locale): Promise<Translate> {
  let t = translators.get(locale);
  if (!t) {
    t = translatorFor(locale);
    translators.set(locale, t);
  }
  return t;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

type Operator = { name: string; lines: string[]; taxNumber: string | null };

/** The operator identity frozen in the invoice at issue (or passed for a draft), else the environment's, else "Dihya Énergie". */
function operatorOf(invoice: InvoiceDto): Operator {
  const frozen = (invoice.snapshot?.operator ?? null) as Record<string, unknown> | null;
  const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);
  if (frozen && str(frozen.name)) {
    return {
      name: str(frozen.name)!,
      lines: [
        str(frozen.addressLine),
        [str(frozen.postalCode), str(frozen.city)].filter(Boolean).join(" "),
        str(frozen.email),
        str(frozen.phone),
      ].filter((l): l is string => !!l),
      taxNumber: str(frozen.taxNumber),
    };
  }
  const env = operatorFromEnv();
  return { name: env.name!, lines: [env.addressLine, env.email].filter((l): l is string => !!l), taxNumber: env.taxNumber ?? null };
}

function creationDate(invoice: InvoiceDto): Date {
  return new Date(invoice.issuedAt ?? invoice.updatedAt);
}

function lineLabel(line: InvoiceLineDto, t: Translate): string {
  const label = t(line.labelKey, line.labelParams);
  return label && label !== line.labelKey ? label : t(`invoicePdf.lineKinds.${line.kind}`);
}

/** Energy lines grouped by (meters, period): one row per reading period, TOU periods and tiers summed. */
function consumptionRows(invoice: InvoiceDto) {
  const groups = new Map<
    string,
    {
      meters: string;
      from: string | null;
      to: string | null;
      readings: number | null;
      expected: number | null;
      milli: number;
      estimated: boolean;
    }
  >();
  for (const line of invoice.lines) {
    if (line.kind !== "energy") continue;
    const p = line.provenance;
    const meters = (p.meters ?? []).map((m) => m.code).join(", ");
    const from = (typeof p.from === "string" ? p.from : null) ?? line.periodStart;
    const to = (typeof p.to === "string" ? p.to : null) ?? line.periodEnd;
    const key = `${meters}|${from}|${to}`;
    const group = groups.get(key);
    if (group) {
      group.milli += line.quantityMilli;
      group.estimated ||= line.estimated;
    } else {
      groups.set(key, {
        meters,
        from,
        to,
        readings: typeof p.readings === "number" ? p.readings : null,
        expected: typeof p.expected === "number" ? p.expected : null,
        milli: line.quantityMilli,
        estimated: line.estimated,
      });
    }
  }
  return [...groups.values()];
}

function draw(c: InvoiceCanvas, inv: InvoiceDto, loc: Locale, t: Translate, title: string, number: string): void {
  const money = (minor: number) => formatMoney(minor, inv.currency, loc);
  const operator = operatorOf(inv);
  const half = (c.width - 16) / 2;

  // Header: operator at the start side, document title, number and dates at the end side.
  c.band(c.y);
  c.y += 10;
  const top = c.y;
  const left = c.stack(
    [
      { text: operator.name, style: S.operator },
      ...operator.lines.map((text) => ({ text, style: S.muted })),
      { text: operator.taxNumber ? t("invoicePdf.taxNumber", { value: operator.taxNumber }) : "", style: S.muted },
    ],
    0,
    top,
    half,
  );
  const right = c.stack(
    [
      { text: title, style: S.docTitle },
      { text: t("invoicePdf.number", { number }), style: S.strong },
      {
        text: inv.issuedAt ? t("invoicePdf.issuedOn", { date: formatInstantDay(inv.issuedAt, loc) }) : t("invoicePdf.notIssued"),
        style: S.text,
      },
      { text: inv.dueDate && inv.kind === "invoice" ? t("invoicePdf.dueOn", { date: formatDay(inv.dueDate, loc) }) : "", style: S.strong },
      { text: t("invoicePdf.period", { period: formatPeriod(inv.periodStart, inv.periodEnd, loc) }), style: S.text },
      {
        text: inv.creditedInvoice ? t("invoicePdf.creditFor", { number: inv.creditedInvoice.number ?? t("invoicePdf.draftNumber") }) : "",
        style: S.text,
      },
    ],
    half + 16,
    top,
    half,
    "end",
  );
  c.y = top + Math.max(left, right) + 12;

  // Client and contract boxes.
  const client = inv.client;
  const clientItems = [
    { text: client.name, style: S.strong },
    { text: t("invoicePdf.clientCode", { code: client.code }), style: S.text },
    { text: client.addressLine ?? "", style: S.text },
    { text: [client.postalCode, client.city].filter(Boolean).join(" "), style: S.text },
    { text: client.taxNumber ? t("invoicePdf.taxNumber", { value: client.taxNumber }) : "", style: S.text },
  ];
  const dps = inv.deliveryPoints;
  const contractItems = [
    { text: t("invoicePdf.contract", { number: inv.contract.number }), style: S.strong },
    { text: t("invoicePdf.tariff", { name: inv.contract.tariff.name }), style: S.text },
    ...dps.slice(0, 4).flatMap((dp) => [
      { text: t("invoicePdf.deliveryPoint", { code: dp.code }), style: S.text },
      { text: [dp.addressLine, dp.city].filter(Boolean).join(", "), style: S.muted },
      { text: dp.meters.length ? t("invoicePdf.meters", { codes: dp.meters.map((m) => m.code).join(", ") }) : "", style: S.muted },
    ]),
  ];
  const pad = 6;
  const labelHeight = 12;
  // Measure by drawing into the boxes after their fill: lay out once to know the height.
  const measure = (items: { text: string; style: (typeof S)[keyof typeof S] }[]) =>
    items.reduce((h, i) => h + (i.text.trim() ? linesHeight(i.style, c.layout(i.text, half - 2 * pad, i.style, 2).length) : 0), 0);
  const boxHeight = Math.max(measure(clientItems), measure(contractItems)) + labelHeight + 2 * pad;
  c.need(boxHeight);
  const boxTop = c.y;
  c.fill(0, c.y, half, boxHeight, COLORS.zebra);
  c.fill(half + 16, c.y, half, boxHeight, COLORS.zebra);
  c.text(t("invoicePdf.billedTo"), pad, c.y + pad, half - 2 * pad, S.label, "start", 1);
  c.text(t("invoicePdf.supply"), half + 16 + pad, c.y + pad, half - 2 * pad, S.label, "start", 1);
  c.stack(clientItems, pad, c.y + pad + labelHeight, half - 2 * pad);
  c.stack(contractItems, half + 16 + pad, c.y + pad + labelHeight, half - 2 * pad);
  c.y = boxTop + boxHeight + 14;

  // Readings and consumption.
  const consumption = consumptionRows(inv);
  if (consumption.length) {
    c.section(t("invoicePdf.readingsTitle"));
    const rows: { cells: string[]; strong?: boolean }[] = consumption.map((g) => ({
      cells: [
        g.meters || "—",
        formatPeriod(g.from, g.to, loc, "short"),
        g.readings !== null && g.expected !== null ? t("invoicePdf.readingsCount", { readings: g.readings, expected: g.expected }) : "—",
        `${formatQuantity(g.milli, loc)} kWh`,
        g.estimated ? t("invoicePdf.estimatedYes") : t("invoicePdf.estimatedNo"),
      ],
    }));
    rows.push({
      cells: [
        t("invoicePdf.consumptionTotal"),
        "",
        "",
        `${formatQuantity(inv.consumptionMilli, loc)} kWh`,
        inv.estimated ? t("invoicePdf.estimatedYes") : "",
      ],
      strong: true,
    });
    c.table(
      [
        { header: t("invoicePdf.col.meters"), width: 2 },
        { header: t("invoicePdf.col.period"), width: 2 },
        { header: t("invoicePdf.col.readings"), width: 1.4, align: "end" },
        { header: t("invoicePdf.col.consumption"), width: 1.4, align: "end" },
        { header: t("invoicePdf.col.estimated"), width: 1, align: "end" },
      ],
      rows,
    );
    c.y += 12;
  }

  // Lines.
  c.section(t("invoicePdf.linesTitle"));
  c.table(
    [
      { header: t("invoicePdf.col.label"), width: 3.2 },
      { header: t("invoicePdf.col.period"), width: 2 },
      { header: t("invoicePdf.col.quantity"), width: 1.3, align: "end" },
      { header: t("invoicePdf.col.unitPrice"), width: 1.3, align: "end" },
      { header: t("invoicePdf.col.vat"), width: 0.8, align: "end" },
      { header: t("invoicePdf.col.amount"), width: 1.5, align: "end" },
    ],
    inv.lines.map((line) => ({
      cells: [
        line.estimated ? `${lineLabel(line, t)} (${t("invoicePdf.estimatedMark")})` : lineLabel(line, t),
        formatPeriod(line.periodStart, line.periodEnd, loc, "short"),
        `${formatQuantity(line.quantityMilli, loc)} ${t(`invoicePdf.units.${line.unit}`)}`,
        formatUnitPrice(line.unitPriceMicro, loc),
        formatRate(line.vatBp, loc),
        money(line.amountMinor),
      ],
    })),
  );
  c.y += 12;

  // Taxes (start side) and totals (end side).
  const taxWidth = c.width * 0.5;
  const totalsWidth = c.width * 0.42;
  const totals: { label: string; value: string; strong?: boolean }[] = [
    { label: t("invoicePdf.subtotal"), value: money(inv.subtotalMinor) },
    { label: t("invoicePdf.tax"), value: money(inv.taxMinor) },
    { label: t("invoicePdf.total"), value: money(inv.totalMinor), strong: true },
  ];
  if (inv.kind === "invoice") {
    totals.push({ label: t("invoicePdf.paid"), value: money(inv.paidMinor) });
    totals.push({ label: t("invoicePdf.balance"), value: money(Math.max(0, inv.totalMinor - inv.paidMinor)), strong: true });
  }
  const rowHeight = 14;
  c.need(Math.max(totals.length * rowHeight + 8, (inv.taxes.length + 1) * 16) + 4);
  const blockTop = c.y;
  c.table(
    [
      { header: t("invoicePdf.col.vatRate"), width: 1 },
      { header: t("invoicePdf.col.base"), width: 1.5, align: "end" },
      { header: t("invoicePdf.col.taxAmount"), width: 1.5, align: "end" },
    ],
    inv.taxes.map((x) => ({ cells: [formatRate(x.vatBp, loc), money(x.baseMinor), money(x.taxMinor)] })),
    0,
    taxWidth,
  );
  const taxBottom = c.y;
  let y = blockTop;
  const totalsXs = c.width - totalsWidth;
  for (const row of totals) {
    const style = row.strong ? S.total : S.text;
    if (row.strong) c.fill(totalsXs, y, totalsWidth, rowHeight + 2, COLORS.zebra);
    c.text(row.label, totalsXs + 4, y + 2, totalsWidth * 0.55 - 4, style, "start", 1);
    c.text(row.value, totalsXs + totalsWidth * 0.45, y + 2, totalsWidth * 0.55 - 4, style, "end", 1);
    y += rowHeight + 2;
  }
  c.y = Math.max(taxBottom, y) + 14;

  // Payment, environment and notes.
  const notes: { text: string; style: (typeof S)[keyof typeof S] }[] = [];
  if (inv.kind === "invoice") {
    notes.push({ text: t("invoicePdf.paymentReference", { reference: inv.paymentReference ?? inv.number ?? "—" }), style: S.strong });
    if (inv.dueDate)
      notes.push({
        text: t("invoicePdf.payBefore", { date: formatDay(inv.dueDate, loc), amount: money(Math.max(0, inv.totalMinor - inv.paidMinor)) }),
        style: S.text,
      });
  }
  if (inv.co2Grams !== null) notes.push({ text: t("invoicePdf.co2", { value: formatCo2(inv.co2Grams, loc) }), style: S.text });
  const reason = inv.kind === "credit_note" && typeof inv.snapshot?.reason === "string" ? inv.snapshot.reason : null;
  if (reason) notes.push({ text: t("invoicePdf.creditReason", { reason }), style: S.text });
  if (inv.estimated) notes.push({ text: t("invoicePdf.estimatedNote"), style: S.muted });
  if (!inv.number) notes.push({ text: t("invoicePdf.draftNote"), style: S.muted });
  const noteHeight = notes.reduce((h, n) => h + linesHeight(n.style, c.layout(n.text, c.width - 16, n.style, 3).length), 0) + 12;
  c.need(noteHeight);
  c.rule(c.y, 0, c.width, COLORS.headerFill, 0.8);
  c.y += 6;
  c.y += c.stack(
    notes.map((n) => ({ ...n, maxLines: 3 })),
    8,
    c.y,
    c.width - 16,
  );
}

import "server-only";
import { notFound } from "next/navigation";
import { parseEnabledTemplates, templates, type Template, type TemplateId } from "@/lib/templates";

/** Templates served by this instance, from DIHYA_TEMPLATES (default: all). */
export function enabledTemplates(): Template[] {
  return parseEnabledTemplates(process.env.DIHYA_TEMPLATES).map((id) => templates[id]);
}

export function isTemplateEnabled(id: TemplateId): boolean {
  return parseEnabledTemplates(process.env.DIHYA_TEMPLATES).includes(id);
}

/** For a template's pages: 404 when the template is disabled. */
export function requireTemplate(id: TemplateId): void {
  if (!isTemplateEnabled(id)) notFound();
}

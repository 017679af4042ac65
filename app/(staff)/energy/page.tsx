import { TemplateOverview, templateMetadata } from "@/components/templates/template-overview";

export const generateMetadata = () => templateMetadata("energy");

export default function EnergyPage() {
  return <TemplateOverview id="energy" />;
}

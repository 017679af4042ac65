import { TemplateOverview, templateMetadata } from "@/components/templates/template-overview";

export const generateMetadata = () => templateMetadata("devops");

export default function DevopsPage() {
  return <TemplateOverview id="devops" />;
}

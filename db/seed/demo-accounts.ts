import type { Role } from "@/lib/permissions";

/** The demo accounts of architecture.md; one per role, password `Dihya-demo-2026`. */
export const demoPassword = "Dihya-demo-2026";
export const demoPartnerKey = "dihya_demo_0123456789abcdef0123456789abcdef";

export const demoAccounts: { email: string; name: string; role: Role; locale: string }[] = [
  { email: "admin@demo.dihya.dz", name: "Amina Benali", role: "admin", locale: "fr" },
  { email: "technicien@demo.dihya.dz", name: "Yacine Haddad", role: "technician", locale: "fr" },
  { email: "devops@demo.dihya.dz", name: "Karim Aït Ahmed", role: "devops", locale: "fr" },
  { email: "agent@demo.dihya.dz", name: "Salma El Idrissi", role: "user", locale: "fr" },
  { email: "client@demo.dihya.dz", name: "Nadia Boumediene", role: "client", locale: "fr" },
  { email: "invite@demo.dihya.dz", name: "Youssef Amrani", role: "guest", locale: "fr" },
];

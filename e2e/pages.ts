import type { Permission } from "../lib/permissions";

/** Every page of the app with the permission it requires (the role matrix walks these). */
export const pages: { path: string; permission: Permission; heading: RegExp }[] = [
  { path: "/", permission: "staff.home", heading: /Bonjour/ },
  { path: "/energy", permission: "energy.view", heading: /Énergie/ },
  { path: "/devops", permission: "devops.view", heading: /IT\/DevOps/ },
  { path: "/admin/users", permission: "users.read", heading: /Utilisateurs/ },
  { path: "/admin/users/new", permission: "users.write", heading: /Créer un utilisateur/ },
  { path: "/admin/users/{adminId}", permission: "users.read", heading: /Amina Benali/ },
  { path: "/profile", permission: "profile.self", heading: /Mon profil/ },
  { path: "/client", permission: "client.home", heading: /Bonjour/ },
];

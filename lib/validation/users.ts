import { z } from "zod";
import { locales } from "@/i18n/config";
import { roles } from "@/lib/permissions";

/** Error messages are keys of the `validation` namespace in messages/*.json. */
const name = z.string().trim().min(2, "nameTooShort").max(120, "nameTooLong");
const email = z.string().trim().toLowerCase().pipe(z.email("emailInvalid")).pipe(z.string().max(254, "emailInvalid"));
export const newPassword = z
  .string()
  .min(12, "passwordTooShort")
  .max(128, "passwordTooLong")
  .refine((p) => !commonPasswords.has(p.toLowerCase()), "passwordCommon");

export const themes = ["light", "dark", "system"] as const;

/** A few of the most breached passwords plus product words; NIST-style policy otherwise. */
const commonPasswords = new Set([
  "123456789012",
  "password1234",
  "motdepasse123",
  "azertyuiop12",
  "qwertyuiop12",
  "dihyadihya12",
  "administrator",
  "passwordpassword",
  "111111111111",
  "000000000000",
]);

export const createUserSchema = z.strictObject({
  name,
  email,
  role: z.enum(roles, "roleInvalid"),
  locale: z.enum(locales, "localeInvalid").default("fr"),
  password: newPassword,
});
export type CreateUserInput = z.input<typeof createUserSchema>;

export const updateUserSchema = z
  .strictObject({
    name: name.optional(),
    role: z.enum(roles, "roleInvalid").optional(),
    locale: z.enum(locales, "localeInvalid").optional(),
    disabled: z.boolean().optional(),
    password: newPassword.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, "nothingToChange");
export type UpdateUserInput = z.input<typeof updateUserSchema>;

export const listUsersQuery = z.strictObject({
  q: z.string().trim().max(120).optional(),
  role: z.enum(roles).optional(),
  status: z.enum(["active", "disabled"]).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const profileSchema = z.strictObject({
  name,
  locale: z.enum(locales, "localeInvalid"),
  theme: z.enum(themes, "themeInvalid"),
});
export type ProfileInput = z.input<typeof profileSchema>;

export const changePasswordSchema = z
  .strictObject({
    current: z.string().min(1, "required").max(256),
    password: newPassword,
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { message: "passwordMismatch", path: ["confirm"] });
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

export const idSchema = z.uuid();

/** The one-time setup page: the first admin, with the token printed in the server log. */
export const setupSchema = z
  .strictObject({
    token: z.string().trim().min(1, "required").max(200),
    name,
    email,
    locale: z.enum(locales, "localeInvalid").default("fr"),
    password: newPassword,
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { message: "passwordMismatch", path: ["confirm"] });
export type SetupInput = z.input<typeof setupSchema>;

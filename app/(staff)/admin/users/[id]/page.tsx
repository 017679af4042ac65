import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { isLocale } from "@/i18n/config";
import { idSchema } from "@/lib/validation/users";
import { requireUser } from "@/server/auth/guards";
import { DomainError } from "@/server/platform/errors";
import { getUser } from "@/server/users/users-service";
import { ResetPasswordForm, UserDetailsForm, UserStatusControl } from "./edit-user-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("users") };
}

export default async function UserPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ created?: string }>;
}) {
  const actor = await requireUser("users.read");
  const { id } = await params;
  if (!idSchema.safeParse(id).success) notFound();
  const user = await getUser(await getDb(), actor, id).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === "not_found") notFound();
    throw e;
  });
  const t = await getTranslations();
  const format = await getFormatter();
  const created = (await searchParams).created;
  return (
    <div className="max-w-2xl space-y-6">
      <PageHeader title={user.name} description={`${user.email} · ${t(`roles.${user.role}`)}`} />
      {created ? (
        <p role="status" className="rounded-md border border-success p-3 text-sm text-success">
          {t("users.created")}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2 text-sm">
        {user.disabled ? <Badge tone="danger">{t("users.disabled")}</Badge> : <Badge tone="success">{t("users.active")}</Badge>}
        {user.locked ? <Badge tone="warning">{t("users.locked")}</Badge> : null}
        <span className="text-muted">
          {t("users.lastSignIn")}:{" "}
          {user.lastSignInAt ? format.dateTime(new Date(user.lastSignInAt), { dateStyle: "medium", timeStyle: "short" }) : t("users.never")}
        </span>
      </div>
      <Card title={t("users.details")}>
        <UserDetailsForm id={user.id} initial={{ name: user.name, role: user.role, locale: isLocale(user.locale) ? user.locale : "fr" }} />
      </Card>
      <Card title={t("users.access")}>
        <UserStatusControl id={user.id} disabled={user.disabled} />
      </Card>
      <Card title={t("users.resetPassword")}>
        <ResetPasswordForm id={user.id} />
      </Card>
    </div>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { inputClass } from "@/components/ui/field";
import { equipmentStates, type EquipmentState } from "@/lib/validation/equipment";
import { changeEquipmentStateAction, deleteEquipmentAction } from "../actions";
import { ConfirmDialog } from "@/components/ui/confirm-action";

/** Change the state: pick it, give an optional reason, then confirm (failed alerts the admins). */
export function StateControl({ id, state }: { id: string; state: EquipmentState }) {
  const t = useTranslations("energy");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const uid = useId();
  const [next, setNext] = useState<EquipmentState>(state);
  const [reason, setReason] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const apply = () =>
    start(async () => {
      const result = await changeEquipmentStateAction({ id, state: next, reason: reason || undefined });
      setConfirming(false);
      if (!result.ok) {
        setError(tErrors.has(result.messageKey) ? tErrors(result.messageKey) : tErrors("internal"));
        return;
      }
      setError(null);
      setReason("");
      setDone(t("equipment.stateChanged", { state: t(`equipmentStates.${next}`) }));
      router.refresh();
    });
  return (
    <div className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor={`${uid}-state`} className="mb-1 block text-sm font-semibold">
            {t("equipment.newState")}
          </label>
          <select
            id={`${uid}-state`}
            className={inputClass}
            value={next}
            onChange={(e) => {
              setNext(e.target.value as EquipmentState);
              setConfirming(false);
              setDone(null);
            }}
          >
            {equipmentStates.map((s) => (
              <option key={s} value={s}>
                {t(`equipmentStates.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${uid}-reason`} className="mb-1 block text-sm font-semibold">
            {t("equipment.stateReason")}
          </label>
          <input id={`${uid}-reason`} className={inputClass} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
        </div>
      </div>
      {confirming ? (
        <ConfirmDialog
          question={next === "failed" ? t("equipment.confirmFailed") : t("equipment.confirmState", { state: t(`equipmentStates.${next}`) })}
          variant={next === "failed" ? "danger" : "primary"}
          pending={pending}
          onConfirm={apply}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <Button variant="secondary" disabled={next === state} onClick={() => setConfirming(true)}>
          {t("equipment.changeState")}
        </Button>
      )}
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
      {done ? (
        <p role="status" className="text-sm text-success">
          {done}
        </p>
      ) : null}
    </div>
  );
}

/** Delete after confirmation; refused (with the reason shown) when the equipment has history. */
export function DeleteControl({ id }: { id: string }) {
  const t = useTranslations("energy.equipment");
  const router = useRouter();
  return (
    <ConfirmAction
      label={t("delete")}
      question={t("confirmDelete")}
      action={() => deleteEquipmentAction({ id })}
      onDone={() => {
        router.push("/energy/equipment?deleted=1");
        router.refresh();
      }}
    />
  );
}

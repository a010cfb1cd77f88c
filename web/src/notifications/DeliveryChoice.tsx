import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ProblemAlert } from "../components/ProblemAlert";
import { usePreferences, useSetDelivery } from "./api";
import { DELIVERY_MODES, type DeliveryMode } from "./types";

/** The person's own choice: every notification as it comes, or one digest each morning. */
export function DeliveryChoice() {
  const { t } = useTranslation();
  const prefs = usePreferences();
  const save = useSetDelivery();
  // Held in this component, set in the click itself: the mutation's pending state arrives a
  // tick later, and meanwhile React would put the radio back to the old choice.
  const [picked, setPicked] = useState<DeliveryMode | null>(null);
  if (!prefs.data) return null;
  const time = prefs.data.digestTime.replace(":", t("notifications.timeSeparator"));
  const chosen = picked ?? prefs.data.delivery;
  const choose = (mode: DeliveryMode) => {
    setPicked(mode);
    // Saved, the preferences say it; refused, the saved choice shows again.
    save.mutate(mode, { onSettled: () => setPicked(null) });
  };
  return (
    <fieldset className="notification-delivery">
      <legend className="form-label">{t("notifications.delivery.legend")}</legend>
      <p className="form-hint" id="notification-delivery-hint">
        {t("notifications.delivery.hint")}
      </p>
      {DELIVERY_MODES.map((mode) => (
        <div className="form-group-radio" key={mode}>
          <input
            type="radio"
            className="form-radio"
            id={`notification-delivery-${mode}`}
            name="notification-delivery"
            value={mode}
            checked={chosen === mode}
            disabled={save.isPending}
            aria-describedby="notification-delivery-hint"
            onChange={() => choose(mode)}
          />
          <label htmlFor={`notification-delivery-${mode}`}>
            {t(`notifications.delivery.${mode}`, { time })}
          </label>
        </div>
      ))}
      <div aria-live="polite">
        {save.isError && <ProblemAlert error={save.error} />}
        {save.isSuccess && <p className="form-hint">{t("notifications.delivery.saved")}</p>}
      </div>
    </fieldset>
  );
}

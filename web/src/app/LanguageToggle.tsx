import { useTranslation } from "react-i18next";
import { currentLanguage } from "../i18n";

/** Switches between Danish and English; the button names the other language in that language. */
export function LanguageToggle() {
  const { t, i18n } = useTranslation();
  const other = currentLanguage() === "da" ? "en" : "da";
  return (
    <button
      type="button"
      className="function-link language-toggle"
      lang={other}
      aria-label={t("app.switchLanguageLabel")}
      onClick={() => void i18n.changeLanguage(other)}
    >
      {t("app.switchLanguage")}
    </button>
  );
}

import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { danish, english } from "./bundles";

export const languages = ["da", "en"] as const;
export type Language = (typeof languages)[number];

const storageKey = "tovholder.language";

export const resources = {
  da: { translation: danish },
  en: { translation: english },
} as const;

function isLanguage(value: string | null): value is Language {
  return value !== null && (languages as readonly string[]).includes(value);
}

/** The language chosen earlier in this browser; Danish otherwise. */
function storedLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(storageKey);
    return isLanguage(stored) ? stored : "da";
  } catch {
    return "da";
  }
}

function rememberLanguage(language: string): void {
  document.documentElement.lang = language;
  try {
    window.localStorage.setItem(storageKey, language);
  } catch {
    // Storage may be disabled; the choice then lasts for this page only.
  }
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : "da";
}

export async function initI18n(): Promise<typeof i18next> {
  i18next.on("languageChanged", rememberLanguage);
  await i18next.use(initReactI18next).init({
    resources,
    lng: storedLanguage(),
    fallbackLng: "da",
    supportedLngs: languages,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
  return i18next;
}

import "i18next";
import type { danish } from "./bundles";

// Translation keys are checked at compile time against the Danish strings (the reference language).
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof danish };
  }
}

import "i18next";
import type accessDa from "./access.da.json";
import type da from "./da.json";

// Translation keys are checked at compile time against the Danish file (the reference language).
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof da & typeof accessDa };
  }
}

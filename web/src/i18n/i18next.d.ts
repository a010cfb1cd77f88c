import "i18next";
import type { NamedStrings } from "./bundles";

// Translation keys named in the code are checked at compile time against the Danish strings
// (the reference language); see bundles.ts for the problem texts, which are not.
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: NamedStrings };
  }
}

// `npm run api:types`: writes the OpenAPI document and the web's types made from it.
// `npm run api:types -- --check` only says whether the committed ones are current.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { apiFiles, apiFileTexts, staleApiFiles } from "../src/app/openapi.ts";
import { projectRoot } from "../src/app/server.ts";

if (process.argv.includes("--check")) {
  const stale = await staleApiFiles();
  if (stale.length > 0) {
    console.error(`${stale.join(" and ")} differ from the server's routes: run npm run api:types`);
    process.exit(1);
  }
  console.log("The web's API types match the server's routes.");
} else {
  const texts = await apiFileTexts();
  for (const which of ["document", "types"] as const) {
    await writeFile(apiFiles[which], texts[which]);
    console.log(`wrote ${path.relative(projectRoot, apiFiles[which])}`);
  }
}

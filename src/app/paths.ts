import path from "node:path";
import { fileURLToPath } from "node:url";

/** Where the project's own files are, wherever it runs from: the web build, the data. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const defaultWebDist = path.join(projectRoot, "web/dist");
export const defaultGeojsonFile = path.join(projectRoot, "data/denmark-municipalities.geojson");

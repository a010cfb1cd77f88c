import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const webRoot = fileURLToPath(new URL(".", import.meta.url));
const apiServer = "http://127.0.0.1:3000";

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  resolve: {
    alias: {
      // dkfds only exports its JS; its CSS, fonts and icons are reached through this alias so
      // that Vite rewrites the stylesheet's relative url()s and copies the assets into dist.
      "@dkfds": fileURLToPath(new URL("../node_modules/dkfds/dist", import.meta.url)),
    },
  },
  build: {
    outDir: fileURLToPath(new URL("dist", import.meta.url)),
    emptyOutDir: true,
    // The app shell is small; ECharts is loaded with the map, in its own chunk.
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: {
      "/api": apiServer,
      "/healthz": apiServer,
      "/fhir": apiServer,
    },
  },
});

import { describe, expect, it } from "vitest";
import { staleApiFiles } from "../../src/app/openapi.ts";

/**
 * The web's API types (web/src/api/schema.ts) are generated from the OpenAPI
 * document that the server's route schemas make (web/src/api/openapi.json).
 * Both are committed; this fails when a route's schema changed and they were
 * not generated again, so the web cannot compile against shapes the server
 * no longer sends.
 */
describe("the web's API types", () => {
  it("are generated from the server's current OpenAPI document", async () => {
    const stale = await staleApiFiles();
    expect(
      stale,
      `${stale.join(" and ")} differ from what the server's routes describe: run npm run api:types`,
    ).toEqual([]);
  });
});

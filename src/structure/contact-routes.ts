import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { contextOf } from "../access/authenticate.ts";
import { contactInputSchema } from "./contact-model.ts";
import type { ContactService } from "./contact-service.ts";

const tags = ["organisation register"];
const params = z.object({
  organisationId: z.uuid({ error: "must be an organisation id (uuid)" }),
});

const contactView = z.object({
  organisationId: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  openingHours: z.string().nullable(),
  webUrl: z.string().nullable(),
  updatedAt: z.string().nullable(),
  /** Set when the organisation has none of its own and these are its parent's (a department's hospital). */
  inheritedFrom: z.object({ organisationId: z.string(), name: z.string() }).nullable(),
});

/** How to reach an organisation: read by anyone signed in, set by its own administrators. */
export const contactRoutes: FastifyPluginAsyncZod<{ contacts: ContactService }> = async (
  app,
  { contacts },
) => {
  app.get(
    "/api/organisations/:organisationId/contact",
    {
      config: { access: { actors: ["staff", "citizen", "relative"] } },
      schema: {
        tags,
        summary:
          "An organisation's phone, email, opening hours and web address (its parent's where it has none)",
        params,
        response: { 200: contactView },
      },
    },
    async (request) => contacts.contactOf(request.params.organisationId),
  );

  app.put(
    "/api/organisations/:organisationId/contact",
    {
      config: { access: { actors: ["staff"], roles: ["administrator"] } },
      schema: {
        tags,
        summary:
          "Set an organisation's contact details (administrators acting for that organisation)",
        params,
        body: contactInputSchema,
        response: { 200: contactView },
      },
    },
    async (request) =>
      contacts.setContact(contextOf(request), request.params.organisationId, request.body),
  );
};

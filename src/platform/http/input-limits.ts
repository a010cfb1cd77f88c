/**
 * The documented limits on what the API accepts, in one place (README, "API").
 * Every Zod schema of a name or a free text takes its maximum from here, and
 * the JSON body parser its nesting depth.
 */
export const TEXT_LIMITS = {
  /** A login name: usernames, a relative's username. */
  username: 100,
  /** A password as typed. */
  password: 200,
  /** A person's or a thing's name: display names, unit names, token names. */
  name: 200,
  /** A search term typed into a box (a citizen's name, a unit's name). */
  searchTerm: 100,
  /** A short free text: a webhook's description, a purpose given for a read. */
  shortText: 200,
  /** A reason that must be stated: an emergency access. */
  reason: 500,
  /** A paragraph of free text: opening hours. */
  paragraph: 500,
  /** A note between wards and receivers: a handover's note, a discharge note. */
  note: 2000,
  /** An email address. */
  email: 200,
  /** An organisation's web address, shown to people. */
  webAddress: 500,
  /** A URL a machine calls (webhooks). */
  url: 2000,
  /** An identifier given in a path or a query (body ids, hospital ids). */
  identifier: 100,
} as const;

/**
 * How deep a JSON body may nest ({ and [ inside each other). Real bodies go
 * about ten deep (a MedCom Bundle's extensions); the limit is checked by an
 * iterative scan before the body is parsed, so nothing recursive meets a deeper one.
 */
export const MAX_JSON_DEPTH = 64;

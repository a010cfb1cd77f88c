// Generated from openapi.json by `npm run api:types` (src/app/openapi-types.ts). Do not edit:
// change the server's route schemas and generate again.

export interface paths {
  "/api/admin/messages": {
    /** Received messages, newest first, with their outcome (never their content) */
    get: {
      parameters: {
        query?: {
          status?: "applied" | "rejected" | "dead_letter";
          limit?: number;
          cursor?: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              counts: Record<string, number>;
              messages: {
                activityCode: string | null;
                appliedAt: string | null;
                attempts: number;
                bundleId: string | null;
                eventAt: string | null;
                id: string;
                messageHeaderId: string | null;
                messageType: string | null;
                problems: {
                  code?: string;
                  expression: string;
                  rule: string;
                  severity: string;
                }[];
                receivedAt: string;
                receivedVia: string;
                receiverName: string | null;
                receiverSor: string | null;
                responseCode: string;
                senderName: string | null;
                senderSor: string | null;
                status: "applied" | "rejected" | "dead_letter";
              }[];
              nextCursor: string | null;
            };
          };
        };
      };
    };
  };
  "/api/admin/messages/{id}/reapply": {
    /** Apply a dead letter again, e.g. after registering its sender's SOR code */
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              problems: unknown[];
              status: "applied" | "rejected" | "dead_letter";
            };
          };
        };
      };
    };
  };
  "/api/admin/organisation-units": {
    /** SOR-coded units: hospital departments, municipal units, general practices */
    get: {
      parameters: {
        query?: {
          kind?: "hospital_department" | "municipal_unit" | "general_practice";
          municipalityCode?: string;
          hospitalId?: string;
          q?: string;
          limit?: number;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              gln: string | null;
              hospitalId: string | null;
              hospitalName: string | null;
              id: string;
              kind: string;
              municipalityCode: string | null;
              municipalityName: string | null;
              name: string;
              providerNumber: string | null;
              sorCode: string | null;
              synthetic: boolean;
              unitType: string | null;
            }[];
          };
        };
      };
    };
    /** Register a SOR-coded unit */
    post: {
      parameters: Record<string, never>;
      requestBody: {
        content: {
          "application/json": {
            gln?: string;
            hospitalId?: string;
            kind: "hospital_department" | "municipal_unit" | "general_practice";
            municipalityCode?: string;
            name: string;
            providerNumber?: string;
            sorCode: string;
            synthetic?: boolean | ("true" | "false");
            unitType?: "hospital_department" | "home_care" | "home_nursing" | "care_centre" | "visitation" | "rehabilitation" | "general_practice" | "other";
          };
        };
      };
      responses: {
        /** Default Response */
        201: {
          content: {
            "application/json": {
              kind: string;
              name: string;
              organisationId: string;
              sorCode: string;
            };
          };
        };
      };
    };
  };
  "/api/admin/organisation-units/import": {
    /** Import a CSV or JSON file of units; all or nothing */
    post: {
      parameters: Record<string, never>;
      requestBody: {
        content: {
          "application/json": {
            content: string;
            format: "csv" | "json";
          };
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              added: number;
              unchanged: number;
              updated: number;
            };
          };
        };
      };
    };
  };
  "/api/admin/organisations": {
    /** Organisations to grant memberships in: the acting one and the units under it */
    get: {
      parameters: Record<string, never>;
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              id: string;
              kind: string;
              name: string;
            }[];
          };
        };
      };
    };
  };
  "/api/admin/tokens": {
    /** The integration tokens of the organisations administered (never their values) */
    get: {
      parameters: Record<string, never>;
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              createdAt: string;
              expiresAt: string | null;
              id: string;
              lastUsedAt: string | null;
              name: string;
              organisationName: string;
              revokedAt: string | null;
              scopes: string[];
            }[];
          };
        };
      };
    };
    /** Create an integration token; its value is shown once */
    post: {
      parameters: Record<string, never>;
      requestBody: {
        content: {
          "application/json": {
            expiresAt?: string;
            name: string;
            organisationId: string;
            scopes: ("messages:write" | "fhir:read" | "tasks:write")[];
          };
        };
      };
      responses: {
        /** Default Response */
        201: {
          content: {
            "application/json": {
              id: string;
              scopes: string[];
              token: string;
            };
          };
        };
      };
    };
  };
  "/api/admin/tokens/{id}/revoke": {
    /** Revoke an integration token */
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** Default Response */
        204: {
          content: {
            "application/json": null;
          };
        };
      };
    };
  };
  "/api/admin/users": {
    /** Users and their active memberships */
    get: {
      parameters: Record<string, never>;
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              demo: boolean;
              disabled: boolean;
              displayName: string;
              id: string;
              kind: string;
              memberships: {
                membershipId: string;
                organisationId: string;
                organisationName: string;
                role: string;
              }[];
              username: string;
            }[];
          };
        };
      };
    };
    /** Create a staff or relative user */
    post: {
      parameters: Record<string, never>;
      requestBody: {
        content: {
          "application/json": {
            displayName: string;
            kind: "staff" | "relative";
            password?: string;
            reason?: string;
            username: string;
          };
        };
      };
      responses: {
        /** Default Response */
        201: {
          content: {
            "application/json": {
              displayName: string;
              id: string;
              kind: string;
              username: string;
            };
          };
        };
      };
    };
  };
  "/api/admin/users/{username}/disable": {
    /** Disable a user of my organisation: no login, and their sessions end */
    post: {
      parameters: {
        path: {
          username: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            reason: string;
          };
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              disabled: boolean;
              username: string;
            };
          };
        };
      };
    };
  };
  "/api/admin/users/{username}/enable": {
    /** Enable a disabled user of my organisation again */
    post: {
      parameters: {
        path: {
          username: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              disabled: boolean;
              username: string;
            };
          };
        };
      };
    };
  };
  "/api/admin/users/{username}/memberships": {
    /** Grant a role in an organisation */
    post: {
      parameters: {
        path: {
          username: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            organisationId: string;
            reason?: string;
            role: "clinician" | "coordinator" | "body_lead" | "committee_member" | "administrator" | "citizen_representative";
          };
        };
      };
      responses: {
        /** Default Response */
        201: {
          content: {
            "application/json": {
              organisation: string;
              role: string;
              username: string;
            };
          };
        };
      };
    };
  };
  "/api/admin/users/{username}/memberships/revoke": {
    /** Revoke a role in an organisation */
    post: {
      parameters: {
        path: {
          username: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            organisationId: string;
            reason?: string;
            role: "clinician" | "coordinator" | "body_lead" | "committee_member" | "administrator" | "citizen_representative";
          };
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              role: string;
              username: string;
            };
          };
        };
      };
    };
  };
  "/api/admin/users/{username}/password": {
    /** Set a new password for a user of my organisation; their sessions end */
    post: {
      parameters: {
        path: {
          username: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            password: string;
          };
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              username: string;
            };
          };
        };
      };
    };
  };
  "/api/agreements/{id}": {
    /** An agreement: its current version, versions, steps and comments */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              body: {
                id: string;
                kind: string;
                name: string;
              };
              changedAt: string;
              comments: {
                at: string;
                byName: string;
                byOrganisation: string;
                id: string;
                text: string;
                version: number;
              }[];
              commitmentCount: number;
              commitments: {
                from: string;
                handoverRule: {
                  rule: {
                    deadlineMinutes: number;
                    hours: {
                      weekday: {
                        end: string;
                        start: string;
                      } | null;
                      weekend: {
                        end: string;
                        start: string;
                      } | null;
                    };
                    ladder: {
                      afterMinutes: number;
                      target: "receiver" | "body-coordinator" | "discharging-department";
                    }[];
                  };
                  sector: "municipality" | "general-practice";
                } | null;
                indicatorIds: string[];
                resources: ({
                  amountOre: number;
                  currency: "DKK";
                  from: {
                    organisation: string | null;
                    sector: "region" | "hospital" | "municipality" | "general-practice";
                  };
                  kind: "money";
                  to: {
                    organisation: string | null;
                    sector: "region" | "hospital" | "municipality" | "general-practice";
                  };
                } | {
                  from: {
                    organisation: string | null;
                    sector: "region" | "hospital" | "municipality" | "general-practice";
                  };
                  fteHundredths: number;
                  kind: "staff";
                  to: {
                    organisation: string | null;
                    sector: "region" | "hospital" | "municipality" | "general-practice";
                  };
                })[];
                responsible: {
                  organisation: string | null;
                  sector: "region" | "hospital" | "municipality" | "general-practice";
                };
                task: string;
                until: string | null;
              }[];
              id: string;
              may: {
                comment: boolean;
                edit: boolean;
                step: "draft" | "consultation" | "approved" | "adopted" | "in-force" | "ended" | null;
              };
              public: boolean;
              status: "draft" | "consultation" | "approved" | "adopted" | "in-force" | "ended";
              steps: {
                at: string;
                byName: string | null;
                byOrganisation: string | null;
                byRole: string | null;
                status: "draft" | "consultation" | "approved" | "adopted" | "in-force" | "ended";
                version: number;
              }[];
              summary: string;
              title: string;
              version: number;
              versions: {
                at: string;
                byName: string | null;
                byOrganisation: string | null;
                byRole: string | null;
                change: "created" | "edited" | "step";
                status: "draft" | "consultation" | "approved" | "adopted" | "in-force" | "ended";
                title: string;
                version: number;
              }[];
            };
          };
        };
      };
    };
    /** A new version of a draft or an agreement in consultation (409 on a stale version) */
    put: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            commitments: {
              from: string;
              handoverRule: {
                rule: {
                  deadlineMinutes: number;
                  hours: {
                    weekday: {
                      end: string;
                      start: string;
                    } | null;
                    weekend: {
                      end: string;
                      start: string;
                    } | null;
                  };
                  ladder: {
                    afterMinutes: number;
                    target: "receiver" | "body-coordinator" | "discharging-department";
                  }[];
                };
                sector: "municipality" | "general-practice";
              } | null;
              indicatorIds: string[];
              resources: ({
                amount: string | number;
                currency: string;
                from: {
                  organisation: string | null;
                  sector: "region" | "hospital" | "municipality" | "general-practice";
                };
                kind: "money";
                to: {
                  organisation: string | null;
                  sector: "region" | "hospital" | "municipality" | "general-practice";
                };
              } | {
                from: {
                  organisation: string | null;
                  sector: "region" | "hospital" | "municipality" | "general-practice";
                };
                fte: string | number;
                kind: "staff";
                to: {
                  organisation: string | null;
                  sector: "region" | "hospital" | "municipality" | "general-practice";
                };
              })[];
              responsible: {
                organisation: string | null;
                sector: "region" | "hospital" | "municipality" | "general-practice";
              };
              task: string;
              until: string | null;
            }[];
            public: boolean;
            summary: string;
            title: string;
            version: number;
          };
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              body: {
                id: string;
                kind: string;
                name: string;
              };
              changedAt: string;
              comments: {
                at: string;
                byName: string;
                byOrganisation: string;
                id: string;
                text: string;
                version: number;
              }[];
              commitmentCount: number;
              commitments: {
                from: string;
                handoverRule: {
                  rule: {
                    deadlineMinutes: number;
                    hours: {
                      weekday: {
                        end: string;
                        start: string;
                      } | null;
                      weekend: {
                        end: string;
                        start: string;
                      } | null;
                    };
                    ladder: {
                      afterMinutes: number;
                      target: "receiver" | "body-coordinator" | "discharging-department";
                    }[];
                  };
                  sector: "municipality" | "general-practice";
                } | null;
                indicatorIds: string[];
                resources: ({
                  amountOre: number;
                  currency: "DKK";
                  from: {
                    organisation: string | null;
                    sector: "region" | "hospital" | "municipality" | "general-practice";
                  };
                  kind: "money";
                  to: {
                    organisation: string | null;
                    sector: "region" | "hospital" | "municipality" | "general-practice";
                  };
                } | {
                  from: {
                    organisation: string | null;
                    sector: "region" | "hospital" | "municipality" | "general-practice";
                  };
                  fteHundredths: number;
                  kind: "staff";
                  to: {
                    organisation: string | null;
                    sector: "region" | "hospital" | "municipality" | "general-practice";
                  };
                })[];
                responsible: {
                  organisation: string | null;
                  sector: "region" | "hospital" | "municipality" | "general-practice";
                };
                task: string;
                until: string | null;
              }[];
              id: string;
              may: {
                comment: boolean;
                edit: boolean;
                step: "draft" | "consultation" | "approved" | "adopted" | "in-force" | "ended" | null;
              };
              public: boolean;
              status: "draft" | "consultation" | "approved" | "adopted" | "in-force" | "ended";
              steps: {
                at: string;
                byName: string | null;
                byOrganisation: string | null;
                byRole: string | null;
                status: "draft" | "consultation" | "approved" | "adopted" | "in-force" | "ended";
                version: number;
              }[];
              summary: string;
              title: string;
              version: number;
              versions: {
                at: string;
                byName: string | null;
                byOrganisation: string | null;
                byRole: string | null;
                change: "created" | "edited" | "step";
                status: "draft" | "consultation" | "approved" | "adopted" | "in-force" | "ended";
                title: string;
                version: number;
              }[];
            };
          };
        };
      };
    };
  };
  "/api/agreements/{id}/comments": {
    /** A member's comment during consultation, kept with the version read */
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            text: string;
            version: number;
          };
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              body: {
                id: string;
                kind: string;
                name: string;
              };
              changedAt: string;
              comments: {
                at: string;
                byName: string;
                byOrganisation: string;
                id: string;
                text: string;
                version: number;
              }[];
              commitmentCount: number;
              commitments: {
                from: string;
                handoverRule: {
                  rule: {
                    deadlineMinutes: number;
                    hours: {
                      weekday: {
                        end: string;
                        start: string;
                      } | null;
                      weekend: {
                        end: string;
                        start: string;
                      } | null;
                    };
                    ladder: {
                      afterMinutes: number;
                      target: "receiver" | "body-coordinator" | "discharging-department";
                    }[];
                  };
                  sector: "municipality" | "general-practice";
                } | null;
                indicatorIds: string[];
                resources: ({
                  amountOre: number;
                  currency: "DKK";
                  from: {
                    organisation: string | null;
                    sector: "region" | "hospital" | "municipality" | "general-practice";
                  };
                  kind: "money";
                  to: {
                    organisation: string | null;
                    sector: "region" | "hospital" | "municipality" | "general-practice";
                  };
                } | {
                  from: {
                    organisation: string | null;
                    sector: "region" | "hospital" | "municipality" | "general-practice";
                  };
                  fteHundredths: number;
                  kind: "staff";
                  to: {
                    organisation: string | null;
                    sector: "region" | "hospital" | "municipality" | "general-practice";
                  };
                })[];
                responsible: {
                  organisation: string | null;
                  sector: "region" | "hospital" | "municipality" | "general-practice";
                };
                task: string;
                until: string | null;
              }[];
              id: string;
              may: {
                comment: boolean;
                edit: boolean;
                step: "draft" | "consultation" | "approved" | "adopted" | "in-force" | "ended" | null;
              };
              public: boolean;
              status: "draft" | "consultation" | "approved" | "adopted" | "in-force" | "ended";
              steps: {
                at: string;
                byName: string | null;
                byOrganisation: string | null;
                byRole: string | null;
                status: "draft" | "consultation" | "approved" | "adopted" | "in-force" | "ended";
                version: number;
              }[];
              summary: string;
              title: string;
              version: number;
              versions: {
                at: string;
                byName: string | null;
                byOrganisation: string | null;
                byRole: string | null;
                change: "created" | "edited" | "step";
                status: "draft" | "consultation" | "approved" | "adopted" | "in-force" | "ended";
                title: string;
                version: number;
              }[];
            };
          };
        };
      };
    };
  };
  "/api/agreements/{id}/decisions": {
    /** The decisions made at meetings on an agreement, signed in */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              decisions: {
                decidedAt: string;
                id: string;
                meeting: {
                  date: string;
                  id: string;
                  title: string;
                };
                present: {
                  name: string;
                  organisation: string;
                }[];
                subjectId: string;
                subjectKind: "agreement" | "initiative";
                text: string;
              }[];
            };
          };
        };
      };
    };
  };
  "/api/agreements/{id}/steps": {
    /** The next step: consultation, approved (professional), adopted (political), in force, ended */
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            to: "draft" | "consultation" | "approved" | "adopted" | "in-force" | "ended";
            version: number;
          };
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              body: {
                id: string;
                kind: string;
                name: string;
              };
              changedAt: string;
              comments: {
                at: string;
                byName: string;
                byOrganisation: string;
                id: string;
                text: string;
                version: number;
              }[];
              commitmentCount: number;
              commitments: {
                from: string;
                handoverRule: {
                  rule: {
                    deadlineMinutes: number;
                    hours: {
                      weekday: {
                        end: string;
                        start: string;
                      } | null;
                      weekend: {
                        end: string;
                        start: string;
                      } | null;
                    };
                    ladder: {
                      afterMinutes: number;
                      target: "receiver" | "body-coordinator" | "discharging-department";
                    }[];
                  };
                  sector: "municipality" | "general-practice";
                } | null;
                indicatorIds: string[];
                resources: ({
                  amountOre: number;
                  currency: "DKK";
                  from: {
                    organisation: string | null;
                    sector: "region" | "hospital" | "municipality" | "general-practice";
                  };
                  kind: "money";
                  to: {
                    organisation: string | null;
                    sector: "region" | "hospital" | "municipality" | "general-practice";
                  };
                } | {
                  from: {
                    organisation: string | null;
                    sector: "region" | "hospital" | "municipality" | "general-practice";
                  };
                  fteHundredths: number;
                  kind: "staff";
                  to: {
                    organisation: string | null;
                    sector: "region" | "hospital" | "municipality" | "general-practice";
                  };
                })[];
                responsible: {
                  organisation: string | null;
                  sector: "region" | "hospital" | "municipality" | "general-practice";
                };
                task: string;
                until: string | null;
              }[];
              id: string;
              may: {
                comment: boolean;
                edit: boolean;
                step: "draft" | "consultation" | "approved" | "adopted" | "in-force" | "ended" | null;
              };
              public: boolean;
              status: "draft" | "consultation" | "approved" | "adopted" | "in-force" | "ended";
              steps: {
                at: string;
                byName: string | null;
                byOrganisation: string | null;
                byRole: string | null;
                status: "draft" | "consultation" | "approved" | "adopted" | "in-force" | "ended";
                version: number;
              }[];
              summary: string;
              title: string;
              version: number;
              versions: {
                at: string;
                byName: string | null;
                byOrganisation: string | null;
                byRole: string | null;
                change: "created" | "edited" | "step";
                status: "draft" | "consultation" | "approved" | "adopted" | "in-force" | "ended";
                title: string;
                version: number;
              }[];
            };
          };
        };
      };
    };
  };
  "/api/auth/config": {
    /** How one can log in here */
    get: {
      parameters: Record<string, never>;
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              demo: boolean;
              oidc: boolean;
            };
          };
        };
      };
    };
  };
  "/api/auth/demo-users": {
    /** Demo users, one per role (demo mode only) */
    get: {
      parameters: Record<string, never>;
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              displayName: string;
              kind: string;
              username: string;
            }[];
          };
        };
      };
    };
  };
  "/api/auth/login": {
    /** Log in with username and password; sets the session cookie */
    post: {
      parameters: Record<string, never>;
      requestBody: {
        content: {
          "application/json": {
            password: string;
            username: string;
          };
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              activeMembershipId: string | null;
              csrfToken: string;
              memberships: {
                membershipId: string;
                organisation: {
                  bodyId: string | null;
                  hospitalId: string | null;
                  id: string;
                  kind: string;
                  name: string;
                  regionCode: string | null;
                };
                role: string;
              }[];
              user: {
                displayName: string;
                id: string;
                kind: "staff" | "citizen" | "relative";
                username: string;
              };
            };
          };
        };
      };
    };
  };
  "/api/auth/logout": {
    /** End the session */
    post: {
      parameters: Record<string, never>;
      responses: {
        /** Default Response */
        204: {
          content: {
            "application/json": null;
          };
        };
      };
    };
  };
  "/api/auth/oidc/callback": {
    /** OpenID Connect callback (302) */
    get: {
      parameters: Record<string, never>;
      responses: {
        /** Default Response */
        200: {
          content?: never;
        };
      };
    };
  };
  "/api/auth/oidc/start": {
    /** Start OpenID Connect login (302) */
    get: {
      parameters: Record<string, never>;
      responses: {
        /** Default Response */
        200: {
          content?: never;
        };
      };
    };
  };
  "/api/bodies": {
    /** The local health bodies (clusters or councils) on a date */
    get: {
      parameters: {
        query?: {
          /** The date to answer for (YYYY-MM-DD); default today in Denmark */
          date?: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              acuteHospitals: {
                id: string;
                name: string;
                sorCode: string | null;
              }[];
              aliases: string[];
              id: string;
              kind: "sundhedsklynge" | "sundhedsraad";
              municipalityCodes: string[];
              name: string;
              partialMunicipalityCodes: string[];
              regionCode: string;
              validFrom: string;
              validTo: string | null;
              verification: Record<string, boolean>;
              verified: boolean;
            }[];
          };
        };
      };
    };
  };
  "/api/bodies/{bodyId}/agreements": {
    /** A body's agreements (and its predecessors'), as the signed-in reader may see them */
    get: {
      parameters: {
        path: {
          bodyId: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              agreements: {
                body: {
                  id: string;
                  kind: string;
                  name: string;
                };
                changedAt: string;
                commitmentCount: number;
                id: string;
                public: boolean;
                status: "draft" | "consultation" | "approved" | "adopted" | "in-force" | "ended";
                summary: string;
                title: string;
                version: number;
              }[];
              body: {
                id: string;
                kind: string;
                name: string;
              };
              mayDraft: boolean;
            };
          };
        };
      };
    };
    /** Draft a new agreement (the body's coordinators and lead) */
    post: {
      parameters: {
        path: {
          bodyId: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            commitments: {
              from: string;
              handoverRule: {
                rule: {
                  deadlineMinutes: number;
                  hours: {
                    weekday: {
                      end: string;
                      start: string;
                    } | null;
                    weekend: {
                      end: string;
                      start: string;
                    } | null;
                  };
                  ladder: {
                    afterMinutes: number;
                    target: "receiver" | "body-coordinator" | "discharging-department";
                  }[];
                };
                sector: "municipality" | "general-practice";
              } | null;
              indicatorIds: string[];
              resources: ({
                amount: string | number;
                currency: string;
                from: {
                  organisation: string | null;
                  sector: "region" | "hospital" | "municipality" | "general-practice";
                };
                kind: "money";
                to: {
                  organisation: string | null;
                  sector: "region" | "hospital" | "municipality" | "general-practice";
                };
              } | {
                from: {
                  organisation: string | null;
                  sector: "region" | "hospital" | "municipality" | "general-practice";
                };
                fte: string | number;
                kind: "staff";
                to: {
                  organisation: string | null;
                  sector: "region" | "hospital" | "municipality" | "general-practice";
                };
              })[];
              responsible: {
                organisation: string | null;
                sector: "region" | "hospital" | "municipality" | "general-practice";
              };
              task: string;
              until: string | null;
            }[];
            public: boolean;
            summary: string;
            title: string;
          };
        };
      };
      responses: {
        /** Default Response */
        201: {
          content: {
            "application/json": {
              body: {
                id: string;
                kind: string;
                name: string;
              };
              changedAt: string;
              comments: {
                at: string;
                byName: string;
                byOrganisation: string;
                id: string;
                text: string;
                version: number;
              }[];
              commitmentCount: number;
              commitments: {
                from: string;
                handoverRule: {
                  rule: {
                    deadlineMinutes: number;
                    hours: {
                      weekday: {
                        end: string;
                        start: string;
                      } | null;
                      weekend: {
                        end: string;
                        start: string;
                      } | null;
                    };
                    ladder: {
                      afterMinutes: number;
                      target: "receiver" | "body-coordinator" | "discharging-department";
                    }[];
                  };
                  sector: "municipality" | "general-practice";
                } | null;
                indicatorIds: string[];
                resources: ({
                  amountOre: number;
                  currency: "DKK";
                  from: {
                    organisation: string | null;
                    sector: "region" | "hospital" | "municipality" | "general-practice";
                  };
                  kind: "money";
                  to: {
                    organisation: string | null;
                    sector: "region" | "hospital" | "municipality" | "general-practice";
                  };
                } | {
                  from: {
                    organisation: string | null;
                    sector: "region" | "hospital" | "municipality" | "general-practice";
                  };
                  fteHundredths: number;
                  kind: "staff";
                  to: {
                    organisation: string | null;
                    sector: "region" | "hospital" | "municipality" | "general-practice";
                  };
                })[];
                responsible: {
                  organisation: string | null;
                  sector: "region" | "hospital" | "municipality" | "general-practice";
                };
                task: string;
                until: string | null;
              }[];
              id: string;
              may: {
                comment: boolean;
                edit: boolean;
                step: "draft" | "consultation" | "approved" | "adopted" | "in-force" | "ended" | null;
              };
              public: boolean;
              status: "draft" | "consultation" | "approved" | "adopted" | "in-force" | "ended";
              steps: {
                at: string;
                byName: string | null;
                byOrganisation: string | null;
                byRole: string | null;
                status: "draft" | "consultation" | "approved" | "adopted" | "in-force" | "ended";
                version: number;
              }[];
              summary: string;
              title: string;
              version: number;
              versions: {
                at: string;
                byName: string | null;
                byOrganisation: string | null;
                byRole: string | null;
                change: "created" | "edited" | "step";
                status: "draft" | "consultation" | "approved" | "adopted" | "in-force" | "ended";
                title: string;
                version: number;
              }[];
            };
          };
        };
      };
    };
  };
  "/api/bodies/{bodyId}/gp-capacity": {
    /** GP capacity per municipality of a body, with thin flags (Accept: text/csv for CSV) */
    get: {
      parameters: {
        path: {
          bodyId: string;
        };
        query?: {
          date?: string;
          format?: "json" | "csv";
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              body: {
                id: string;
                kind: string;
                name: string;
              };
              date: string;
              may: {
                setRule: boolean;
              };
              region: {
                capacity: {
                  closedPractices: number | null;
                  doctors: number | null;
                  listedPatients: number | null;
                  newestAsOf: string | null;
                  oldestAsOf: string | null;
                  patientsPerDoctor: number | null;
                  practices: number | null;
                  sources: ("register" | "csv-import" | "synthetic")[];
                  synthetic: boolean;
                };
                code: string;
                name: string;
                thin: boolean;
              };
              rows: {
                capacity: {
                  closedPractices: number | null;
                  doctors: number | null;
                  listedPatients: number | null;
                  newestAsOf: string | null;
                  oldestAsOf: string | null;
                  patientsPerDoctor: number | null;
                  practices: number | null;
                  sources: ("register" | "csv-import" | "synthetic")[];
                  synthetic: boolean;
                };
                membership: "primary" | "partial";
                municipalityCode: string;
                municipalityName: string;
                thin: boolean;
              }[];
              threshold: {
                isDefault: boolean;
                maxPatientsPerDoctor: number;
                setAt: string | null;
              };
              total: {
                capacity: {
                  closedPractices: number | null;
                  doctors: number | null;
                  listedPatients: number | null;
                  newestAsOf: string | null;
                  oldestAsOf: string | null;
                  patientsPerDoctor: number | null;
                  practices: number | null;
                  sources: ("register" | "csv-import" | "synthetic")[];
                  synthetic: boolean;
                };
                thin: boolean;
              };
            };
          };
        };
      };
    };
  };
  "/api/bodies/{bodyId}/gp-capacity/import": {
    /** Import practices' capacity facts (text/csv: provider_number, doctors, listed_patients, closed_to_new, as_of); all or nothing */
    post: {
      parameters: {
        path: {
          bodyId: string;
        };
      };
      requestBody: {
        content: {
          "application/json": string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              facts: number;
              newestAsOf: string | null;
              oldestAsOf: string | null;
              practices: number;
            };
          };
        };
      };
    };
  };
  "/api/bodies/{bodyId}/gp-capacity/rule": {
    /** The body's thin-area rule: more listed patients per doctor than this is thin */
    put: {
      parameters: {
        path: {
          bodyId: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            maxPatientsPerDoctor: number;
          };
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              body: {
                id: string;
                kind: string;
                name: string;
              };
              date: string;
              may: {
                setRule: boolean;
              };
              region: {
                capacity: {
                  closedPractices: number | null;
                  doctors: number | null;
                  listedPatients: number | null;
                  newestAsOf: string | null;
                  oldestAsOf: string | null;
                  patientsPerDoctor: number | null;
                  practices: number | null;
                  sources: ("register" | "csv-import" | "synthetic")[];
                  synthetic: boolean;
                };
                code: string;
                name: string;
                thin: boolean;
              };
              rows: {
                capacity: {
                  closedPractices: number | null;
                  doctors: number | null;
                  listedPatients: number | null;
                  newestAsOf: string | null;
                  oldestAsOf: string | null;
                  patientsPerDoctor: number | null;
                  practices: number | null;
                  sources: ("register" | "csv-import" | "synthetic")[];
                  synthetic: boolean;
                };
                membership: "primary" | "partial";
                municipalityCode: string;
                municipalityName: string;
                thin: boolean;
              }[];
              threshold: {
                isDefault: boolean;
                maxPatientsPerDoctor: number;
                setAt: string | null;
              };
              total: {
                capacity: {
                  closedPractices: number | null;
                  doctors: number | null;
                  listedPatients: number | null;
                  newestAsOf: string | null;
                  oldestAsOf: string | null;
                  patientsPerDoctor: number | null;
                  practices: number | null;
                  sources: ("register" | "csv-import" | "synthetic")[];
                  synthetic: boolean;
                };
                thin: boolean;
              };
            };
          };
        };
      };
    };
  };
  "/api/bodies/{bodyId}/handover-rules": {
    /** A body's handover deadlines and escalation ladders, per receiving sector */
    get: {
      parameters: {
        path: {
          bodyId: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              carriedOverFrom: {
                endedOn: string | null;
                id: string;
                kind: string;
                name: string;
              } | null;
              confirmedAt: string | null;
              isDefault: boolean;
              needsConfirmation: boolean;
              rule: {
                deadlineMinutes: number;
                hours: {
                  weekday: {
                    end: string;
                    start: string;
                  } | null;
                  weekend: {
                    end: string;
                    start: string;
                  } | null;
                };
                ladder: {
                  afterMinutes: number;
                  target: "receiver" | "body-coordinator" | "discharging-department";
                }[];
              };
              sector: "municipality" | "general-practice";
              setByAgreement: {
                id: string;
                title: string;
                version: number;
              } | null;
            }[];
          };
        };
      };
    };
  };
  "/api/bodies/{bodyId}/handover-rules/{sector}": {
    /** Set a body's rule for one receiving sector (the body's coordinators only) */
    put: {
      parameters: {
        path: {
          bodyId: string;
          sector: "municipality" | "general-practice";
        };
      };
      requestBody: {
        content: {
          "application/json": {
            deadlineMinutes: number;
            hours: {
              weekday: {
                end: string;
                start: string;
              } | null;
              weekend: {
                end: string;
                start: string;
              } | null;
            };
            ladder: {
              afterMinutes: number;
              target: "receiver" | "body-coordinator" | "discharging-department";
            }[];
          };
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              carriedOverFrom: {
                endedOn: string | null;
                id: string;
                kind: string;
                name: string;
              } | null;
              confirmedAt: string | null;
              isDefault: boolean;
              needsConfirmation: boolean;
              rule: {
                deadlineMinutes: number;
                hours: {
                  weekday: {
                    end: string;
                    start: string;
                  } | null;
                  weekend: {
                    end: string;
                    start: string;
                  } | null;
                };
                ladder: {
                  afterMinutes: number;
                  target: "receiver" | "body-coordinator" | "discharging-department";
                }[];
              };
              sector: "municipality" | "general-practice";
              setByAgreement: {
                id: string;
                title: string;
                version: number;
              } | null;
            };
          };
        };
      };
    };
  };
  "/api/bodies/{bodyId}/handover-rules/{sector}/confirm": {
    /** Confirm a rule carried over to the body from the bodies before it, as it is (the body's coordinators only) */
    post: {
      parameters: {
        path: {
          bodyId: string;
          sector: "municipality" | "general-practice";
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              carriedOverFrom: {
                endedOn: string | null;
                id: string;
                kind: string;
                name: string;
              } | null;
              confirmedAt: string | null;
              isDefault: boolean;
              needsConfirmation: boolean;
              rule: {
                deadlineMinutes: number;
                hours: {
                  weekday: {
                    end: string;
                    start: string;
                  } | null;
                  weekend: {
                    end: string;
                    start: string;
                  } | null;
                };
                ladder: {
                  afterMinutes: number;
                  target: "receiver" | "body-coordinator" | "discharging-department";
                }[];
              };
              sector: "municipality" | "general-practice";
              setByAgreement: {
                id: string;
                title: string;
                version: number;
              } | null;
            };
          };
        };
      };
    };
  };
  "/api/bodies/{bodyId}/initiatives": {
    /** A body's initiatives (and its predecessors'), signed in */
    get: {
      parameters: {
        path: {
          bodyId: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              body: {
                id: string;
                kind: string;
                name: string;
              };
              initiatives: {
                body: {
                  id: string;
                  kind: string;
                  name: string;
                };
                changedAt: string;
                end: string;
                goal: string;
                id: string;
                indicatorId: string;
                public: boolean;
                start: string;
                status: "planned" | "running" | "finished";
                title: string;
                version: number;
              }[];
              mayCreate: boolean;
            };
          };
        };
      };
    };
    /** Plan a new initiative (the body's coordinators and lead) */
    post: {
      parameters: {
        path: {
          bodyId: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            ageBand: string | null;
            baseline: string | number;
            budget: {
              amount: string | number;
              currency: string;
              party: string;
            }[];
            end: string;
            goal: string;
            indicatorId: string | null;
            milestones: {
              done: boolean;
              due: string;
              title: string;
            }[];
            municipalityCodes: string[];
            practices: string[];
            public: boolean;
            start: string;
            target: string | number;
            title: string;
          };
        };
      };
      responses: {
        /** Default Response */
        201: {
          content: {
            "application/json": {
              ageBand: string | null;
              baseline: number;
              body: {
                id: string;
                kind: string;
                name: string;
              };
              budget: {
                amountOre: number;
                currency: "DKK";
                party: string;
              }[];
              budgetTotalOre: number;
              changedAt: string;
              end: string;
              evaluation: {
                outcome: "kept" | "spread" | "stopped";
                text: string;
              } | null;
              goal: string;
              id: string;
              indicatorId: string;
              may: {
                edit: boolean;
                step: "planned" | "running" | "finished" | null;
              };
              milestones: {
                done: boolean;
                due: string;
                title: string;
              }[];
              municipalityCodes: string[];
              practices: string[];
              public: boolean;
              start: string;
              status: "planned" | "running" | "finished";
              target: number;
              title: string;
              version: number;
              versions: {
                at: string;
                byName: string | null;
                byOrganisation: string | null;
                byRole: string | null;
                change: "created" | "edited" | "status";
                status: "planned" | "running" | "finished";
                version: number;
              }[];
            };
          };
        };
      };
    };
  };
  "/api/bodies/{bodyId}/ledger": {
    /** A body's ledger of a year: money and staff per party and between sectors, signed in (Accept: text/csv for CSV) */
    get: {
      parameters: {
        path: {
          bodyId: string;
        };
        query?: {
          year?: string;
          format?: "json" | "csv";
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              body: {
                id: string;
                kind: string;
                name: string;
              };
              computedOn: string;
              flows: {
                amountOre: number;
                from: "region" | "hospital" | "municipality" | "general-practice" | null;
                fteYearHundredths: number;
                to: "region" | "hospital" | "municipality" | "general-practice" | null;
              }[];
              parties: {
                amountOre: number;
                fteYearHundredths: number;
                party: {
                  organisation: string | null;
                  sector: "region" | "hospital" | "municipality" | "general-practice" | null;
                };
              }[];
              rows: {
                amountOre: number | null;
                days: number;
                daysInYear: number;
                direction: "committed" | "transferred";
                fteHundredths: number | null;
                fteYearHundredths: number | null;
                id: string;
                indicatorIds: string[];
                kind: "money" | "staff";
                party: {
                  organisation: string | null;
                  sector: "region" | "hospital" | "municipality" | "general-practice" | null;
                };
                source: "agreement" | "initiative";
                status: "draft" | "consultation" | "approved" | "adopted" | "in-force" | "ended" | "planned" | "running" | "finished";
                task: string | null;
                title: string;
                to: {
                  organisation: string | null;
                  sector: "region" | "hospital" | "municipality" | "general-practice" | null;
                } | null;
              }[];
              year: number;
            };
          };
        };
      };
    };
  };
  "/api/bodies/{bodyId}/meetings": {
    /** A body's meetings (and its predecessors'), signed in */
    get: {
      parameters: {
        path: {
          bodyId: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              body: {
                id: string;
                kind: string;
                name: string;
              };
              mayCreate: boolean;
              meetings: {
                agendaCount: number;
                body: {
                  id: string;
                  kind: string;
                  name: string;
                };
                date: string;
                id: string;
                public: boolean;
                status: "planned" | "held";
                title: string;
                version: number;
              }[];
            };
          };
        };
      };
    };
    /** A new meeting of the body (its secretariat and lead) */
    post: {
      parameters: {
        path: {
          bodyId: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            agenda: {
              public: boolean;
              subject: {
                id: string;
                kind: "agreement" | "initiative";
              } | null;
              text: string | null;
              title: string;
            }[];
            attendees: {
              name: string;
              organisation: string;
            }[];
            date: string;
            public: boolean;
            status: "planned" | "held";
            title: string;
          };
        };
      };
      responses: {
        /** Default Response */
        201: {
          content: {
            "application/json": {
              agenda: {
                public: boolean;
                subject: {
                  id: string;
                  kind: "agreement" | "initiative";
                } | null;
                subjectTitle: string | null;
                text: string | null;
                title: string;
              }[];
              agendaCount: number;
              attendees: {
                name: string;
                organisation: string;
              }[];
              body: {
                id: string;
                kind: string;
                name: string;
              };
              changedAt: string;
              date: string;
              decisions: {
                decidedAt: string;
                id: string;
                meeting: {
                  date: string;
                  id: string;
                  title: string;
                };
                present: {
                  name: string;
                  organisation: string;
                }[];
                subjectId: string;
                subjectKind: "agreement" | "initiative";
                text: string;
              }[];
              id: string;
              may: {
                decide: boolean;
                edit: boolean;
              };
              public: boolean;
              status: "planned" | "held";
              title: string;
              version: number;
            };
          };
        };
      };
    };
  };
  "/api/bodies/{id}": {
    /** One body with its municipalities, hospitals, predecessors and successors */
    get: {
      parameters: {
        path: {
          id: string;
        };
        query?: {
          /** The date to answer for (YYYY-MM-DD); default today in Denmark */
          date?: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              acuteHospitals: {
                id: string;
                name: string;
                sorCode: string | null;
              }[];
              aliases: string[];
              /** The date described: the one asked for, or the body's nearest day */
              date: string;
              hospitals: {
                acute: boolean;
                id: string;
                name: string;
                sorCode: string | null;
              }[];
              id: string;
              kind: "sundhedsklynge" | "sundhedsraad";
              municipalities: {
                code: string;
                membership: "primary" | "partial";
                name: string;
                population: number | null;
                populationYear: number | null;
              }[];
              municipalityCodes: string[];
              name: string;
              notes: string | null;
              partialMunicipalityCodes: string[];
              predecessors: {
                id: string;
                kind: "sundhedsklynge" | "sundhedsraad";
                municipalityCodes: string[];
                name: string;
              }[];
              region: {
                code: string;
                codeVerified: boolean;
                committee: {
                  name: string;
                  verified: boolean;
                } | null;
                name: string;
              };
              regionCode: string;
              sources: string[];
              successors: {
                id: string;
                kind: "sundhedsklynge" | "sundhedsraad";
                municipalityCodes: string[];
                name: string;
              }[];
              validFrom: string;
              validTo: string | null;
              verification: Record<string, boolean>;
              verified: boolean;
            };
          };
        };
      };
    };
  };
  "/api/citizens/search": {
    /** Find a citizen by CPR number (sent in the body, never the URL; audited) */
    post: {
      parameters: Record<string, never>;
      requestBody: {
        content: {
          "application/json": {
            cpr: string;
            purpose?: string;
          };
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              results: {
                id: string;
              }[];
            };
          };
        };
      };
    };
  };
  "/api/citizens/{id}": {
    /** A citizen's basic data (needs a current relation; audited) */
    get: {
      parameters: {
        path: {
          id: string;
        };
        query?: {
          purpose?: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              birthDate: string;
              cpr: string;
              homeMunicipality: {
                code: string;
                name: string;
              } | null;
              id: string;
              listedPractice: {
                id: string;
                name: string;
                providerNumber: string;
              } | null;
              name: string;
              sex: "female" | "male";
              synthetic: boolean;
            };
          };
        };
      };
    };
  };
  "/api/citizens/{id}/break-the-glass": {
    /** Emergency access to a citizen without a relation: needs a reason, expires, flagged */
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            reason: string;
          };
        };
      };
      responses: {
        /** Default Response */
        201: {
          content: {
            "application/json": {
              expiresAt: string;
              id: string;
            };
          };
        };
      };
    };
  };
  "/api/citizens/{id}/pathway": {
    /** A citizen's course of care: timeline, state, who is responsible now, and bodies */
    get: {
      parameters: {
        path: {
          id: string;
        };
        query?: {
          purpose?: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              bodies: {
                date: string;
                differ: boolean;
                generalPractice: {
                  id: string;
                  kind: "sundhedsklynge" | "sundhedsraad";
                  name: string;
                  validTo: string | null;
                  verified: boolean;
                } | null;
                hospital: {
                  id: string;
                  kind: "sundhedsklynge" | "sundhedsraad";
                  name: string;
                  validTo: string | null;
                  verified: boolean;
                }[];
                residence: {
                  id: string;
                  kind: "sundhedsklynge" | "sundhedsraad";
                  name: string;
                  validTo: string | null;
                  verified: boolean;
                } | null;
              };
              citizen: {
                birthDate: string;
                cpr: string;
                deceasedAt: string | null;
                homeMunicipality: {
                  code: string;
                  name: string;
                } | null;
                id: string;
                listedPractice: {
                  id: string;
                  municipalityCode: string;
                  name: string;
                  providerNumber: string;
                } | null;
                name: string;
                sex: "female" | "male";
                synthetic: boolean;
              };
              handovers: {
                body: {
                  id: string;
                  kind: "sundhedsklynge" | "sundhedsraad";
                  name: string;
                  validTo: string | null;
                  verified: boolean;
                } | null;
                deadlineAt: string;
                decidedAt: string | null;
                dischargedAt: string;
                receiverName: string;
                receiverOrganisationId: string;
                sector: "municipality" | "general-practice";
                status: "open" | "confirmed" | "declined" | "closed";
                stayId: string;
              }[];
              responsibility: {
                awaitingConfirmationFrom: {
                  kind: "hospital" | "municipality" | "general-practice";
                  name: string;
                  organisationId: string | null;
                }[];
                medicalFollowUp: {
                  since: string;
                  state: "undecided";
                } | {
                  at: string;
                  kind: "hospital" | "general-practice";
                  name: string;
                  organisationId: string;
                  state: "named";
                } | {
                  at: string;
                  reason: string;
                  state: "not-needed";
                } | null;
                reason: "in-hospital" | "discharged-awaiting-handover" | "handed-over" | "discharged-no-gp" | "handed-over-no-gp" | "deceased" | "no-hospital-stay";
                responsible: {
                  for: "treatment" | "care" | "medical-follow-up";
                  kind: "hospital" | "municipality" | "general-practice";
                  name: string;
                  organisationId: string | null;
                }[];
                since: string | null;
              };
              state: "admitted" | "on-leave" | "discharged" | "deceased" | "no-stay";
              stays: {
                admittedAt: string;
                bodies: {
                  date: string;
                  differ: boolean;
                  generalPractice: {
                    id: string;
                    kind: "sundhedsklynge" | "sundhedsraad";
                    name: string;
                    validTo: string | null;
                    verified: boolean;
                  } | null;
                  hospital: {
                    id: string;
                    kind: "sundhedsklynge" | "sundhedsraad";
                    name: string;
                    validTo: string | null;
                    verified: boolean;
                  }[];
                  residence: {
                    id: string;
                    kind: "sundhedsklynge" | "sundhedsraad";
                    name: string;
                    validTo: string | null;
                    verified: boolean;
                  } | null;
                };
                departmentName: string | null;
                departmentOrganisationId: string | null;
                diedAt: string | null;
                dischargeRefusal: "notStaff" | "role" | "notHospital" | "otherHospital" | "notAdmitted" | null;
                dischargedAt: string | null;
                encounterClass: "inpatient" | "acute-ambulant" | null;
                endedAt: string | null;
                hospitalId: string;
                hospitalName: string;
                id: string;
                status: "admitted" | "on-leave" | "discharged" | "deceased" | "cancelled";
              }[];
              timeline: {
                at: string;
                corrected: boolean;
                kind: string;
                messageType: string;
                organisation: string;
                sector: "hospital" | "municipality" | "general-practice";
                stayId: string;
              }[];
            };
          };
        };
      };
    };
  };
  "/api/clusters": {
    /** The sundhedsklynger on a date (none from 2027-01-01) */
    get: {
      parameters: {
        query?: {
          /** The date to answer for (YYYY-MM-DD); default today in Denmark */
          date?: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              acuteHospitals: {
                id: string;
                name: string;
                sorCode: string | null;
              }[];
              aliases: string[];
              id: string;
              kind: "sundhedsklynge" | "sundhedsraad";
              municipalityCodes: string[];
              name: string;
              partialMunicipalityCodes: string[];
              regionCode: string;
              validFrom: string;
              validTo: string | null;
              verification: Record<string, boolean>;
              verified: boolean;
            }[];
          };
        };
      };
    };
  };
  "/api/clusters/{id}": {
    /** One body with its municipalities, hospitals, predecessors and successors */
    get: {
      parameters: {
        path: {
          id: string;
        };
        query?: {
          /** The date to answer for (YYYY-MM-DD); default today in Denmark */
          date?: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              acuteHospitals: {
                id: string;
                name: string;
                sorCode: string | null;
              }[];
              aliases: string[];
              /** The date described: the one asked for, or the body's nearest day */
              date: string;
              hospitals: {
                acute: boolean;
                id: string;
                name: string;
                sorCode: string | null;
              }[];
              id: string;
              kind: "sundhedsklynge" | "sundhedsraad";
              municipalities: {
                code: string;
                membership: "primary" | "partial";
                name: string;
                population: number | null;
                populationYear: number | null;
              }[];
              municipalityCodes: string[];
              name: string;
              notes: string | null;
              partialMunicipalityCodes: string[];
              predecessors: {
                id: string;
                kind: "sundhedsklynge" | "sundhedsraad";
                municipalityCodes: string[];
                name: string;
              }[];
              region: {
                code: string;
                codeVerified: boolean;
                committee: {
                  name: string;
                  verified: boolean;
                } | null;
                name: string;
              };
              regionCode: string;
              sources: string[];
              successors: {
                id: string;
                kind: "sundhedsklynge" | "sundhedsraad";
                municipalityCodes: string[];
                name: string;
              }[];
              validFrom: string;
              validTo: string | null;
              verification: Record<string, boolean>;
              verified: boolean;
            };
          };
        };
      };
    };
  };
  "/api/follow-ups": {
    /** Discharges without a listed GP: 'Ingen praktiserende læge — hvem følger op?', for the discharging hospital and the body's coordinators */
    get: {
      parameters: {
        query?: {
          status?: "open" | "resolved";
          limit?: number;
          offset?: number;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              items: {
                bodyId: string | null;
                citizenId: string;
                citizenName: string | null;
                closedReason: string | null;
                createdAt: string;
                departmentName: string | null;
                dischargedAt: string;
                dischargingHospitalId: string;
                followUpName: string | null;
                followUpOrganisationId: string | null;
                hospitalName: string;
                id: string;
                reason: string | null;
                resolution: "outpatient-clinic" | "practice" | "not-needed" | null;
                resolvedAt: string | null;
                resolvedByName: string | null;
                status: "open" | "resolved" | "closed";
                stayId: string;
                version: number;
              }[];
              limit: number;
              offset: number;
              total: number;
            };
          };
        };
      };
    };
  };
  "/api/follow-ups/practices": {
    /** General practices of the organisation register by name or provider number */
    get: {
      parameters: {
        query: {
          q: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              id: string;
              municipalityCode: string;
              name: string;
              providerNumber: string;
            }[];
          };
        };
      };
    };
  };
  "/api/follow-ups/{id}": {
    /** One item in any state, for the discharging hospital and the body answering for it: where its notifications lead */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              bodyId: string | null;
              citizenId: string;
              citizenName: string | null;
              closedReason: string | null;
              createdAt: string;
              departmentName: string | null;
              dischargedAt: string;
              dischargingHospitalId: string;
              followUpName: string | null;
              followUpOrganisationId: string | null;
              hospitalName: string;
              id: string;
              reason: string | null;
              resolution: "outpatient-clinic" | "practice" | "not-needed" | null;
              resolvedAt: string | null;
              resolvedByName: string | null;
              status: "open" | "resolved" | "closed";
              stayId: string;
              version: number;
            };
          };
        };
      };
    };
  };
  "/api/follow-ups/{id}/clinics": {
    /** The discharging hospital's own departments, where its outpatient clinics are */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              id: string;
              name: string;
            }[];
          };
        };
      };
    };
  };
  "/api/follow-ups/{id}/resolve": {
    /** Name who follows up (the hospital's own outpatient clinic or a practice), or record why none is needed */
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            resolution: {
              kind: "outpatient-clinic";
              organisationId: string;
            } | {
              kind: "practice";
              organisationId: string;
            } | {
              kind: "not-needed";
              reason: string;
            };
            version: number;
          };
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              id: string;
              resolvedAt: string;
              status: string;
              version: number;
            };
          };
        };
      };
    };
  };
  "/api/geo/municipalities": {
    /** Municipality boundaries (GeoJSON, WGS84), from Geodatastyrelsen DAGI/FOT */
    get: {
      parameters: Record<string, never>;
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              features: {
                geometry: {
                  coordinates: number[][][];
                  type: "Polygon";
                } | {
                  coordinates: number[][][][];
                  type: "MultiPolygon";
                };
                properties: {
                  /** The municipality's Danish name */
                  label_dk: string;
                  /** The municipality's code */
                  lau_1: string;
                };
                type: "Feature";
              }[];
              type: "FeatureCollection";
            };
          };
        };
      };
    };
  };
  "/api/handovers": {
    /** One page of the acting organisation's worklist: a municipality's or GP's handovers to confirm, a hospital's discharges not yet taken over, a body's overdue or declined */
    get: {
      parameters: {
        query?: {
          status?: string;
          overdue?: "true" | "false";
          sector?: "municipality" | "general-practice";
          sort?: "deadline" | "newest";
          group?: "today" | "overdue-day" | "overdue-days" | "overdue-week" | "overdue-older" | "rest" | "unresolved";
          limit?: number;
          offset?: number;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              inHospitalTotal: number;
              items: {
                citizenId: string;
                citizenName: string | null;
                deadlineAt: string;
                declineNote: string | null;
                dischargedAt: string;
                dischargingName: string | null;
                dischargingOrganisationId: string | null;
                escalationStep: number;
                group: "today" | "overdue-day" | "overdue-days" | "overdue-week" | "overdue-older" | "rest" | "unresolved";
                hospitalId: string;
                id: string;
                note: string | null;
                overdue: boolean;
                receiverName: string;
                receiverOrganisationId: string;
                relationScope: "basic" | "full" | null;
                sector: "municipality" | "general-practice";
                status: "open" | "confirmed" | "declined" | "closed";
                statusReason: string | null;
                stayId: string;
                unresolvedAt: string | null;
                version: number;
              }[];
              limit: number;
              offset: number;
              total: number;
            };
          };
        };
      };
    };
  };
  "/api/handovers/events": {
    /** Server-sent events: `changed` whenever the acting organisation's worklist may have changed (refetch it then) */
    get: {
      parameters: Record<string, never>;
      responses: {
        /** Default Response */
        200: {
          content?: never;
        };
      };
    };
  };
  "/api/handovers/grouped": {
    /** The worklist's default view: what needs action today, then the overdue by age, each group's first `limit` rows; and how many every group holds (the rest and the unresolved included) */
    get: {
      parameters: {
        query?: {
          status?: string;
          overdue?: "true" | "false";
          sector?: "municipality" | "general-practice";
          sort?: "deadline" | "newest";
          group?: "today" | "overdue-day" | "overdue-days" | "overdue-week" | "overdue-older" | "rest" | "unresolved";
          limit?: number;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              counts: {
                "overdue-day": number;
                "overdue-days": number;
                "overdue-older": number;
                "overdue-week": number;
                rest: number;
                today: number;
                unresolved: number;
              };
              groups: {
                group: "today" | "overdue-day" | "overdue-days" | "overdue-week" | "overdue-older";
                items: {
                  citizenId: string;
                  citizenName: string | null;
                  deadlineAt: string;
                  declineNote: string | null;
                  dischargedAt: string;
                  dischargingName: string | null;
                  dischargingOrganisationId: string | null;
                  escalationStep: number;
                  group: "today" | "overdue-day" | "overdue-days" | "overdue-week" | "overdue-older" | "rest" | "unresolved";
                  hospitalId: string;
                  id: string;
                  note: string | null;
                  overdue: boolean;
                  receiverName: string;
                  receiverOrganisationId: string;
                  relationScope: "basic" | "full" | null;
                  sector: "municipality" | "general-practice";
                  status: "open" | "confirmed" | "declined" | "closed";
                  statusReason: string | null;
                  stayId: string;
                  unresolvedAt: string | null;
                  version: number;
                }[];
                total: number;
              }[];
              inHospitalTotal: number;
              limit: number;
            };
          };
        };
      };
    };
  };
  "/api/handovers/in-hospital": {
    /** One page of a receiver's citizens in hospital now (admitted or on leave): the discharges to come; empty for hospitals and bodies */
    get: {
      parameters: {
        query?: {
          limit?: number;
          offset?: number;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              items: {
                admittedAt: string;
                citizenId: string;
                citizenName: string | null;
                departmentName: string | null;
                hospitalName: string;
                status: "admitted" | "on-leave";
                stayId: string;
              }[];
              limit: number;
              offset: number;
              total: number;
            };
          };
        };
      };
    };
  };
  "/api/handovers/search": {
    /** Both worklists searched by the citizen's name (in the body, never the URL); only the matches are returned and audited */
    post: {
      parameters: Record<string, never>;
      requestBody: {
        content: {
          "application/json": {
            group?: "today" | "overdue-day" | "overdue-days" | "overdue-week" | "overdue-older" | "rest" | "unresolved";
            name: string;
            overdue?: boolean;
            sector?: "municipality" | "general-practice";
            sort?: "deadline" | "newest";
            status?: string;
          };
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              inHospital: {
                admittedAt: string;
                citizenId: string;
                citizenName: string | null;
                departmentName: string | null;
                hospitalName: string;
                status: "admitted" | "on-leave";
                stayId: string;
              }[];
              items: {
                citizenId: string;
                citizenName: string | null;
                deadlineAt: string;
                declineNote: string | null;
                dischargedAt: string;
                dischargingName: string | null;
                dischargingOrganisationId: string | null;
                escalationStep: number;
                group: "today" | "overdue-day" | "overdue-days" | "overdue-week" | "overdue-older" | "rest" | "unresolved";
                hospitalId: string;
                id: string;
                note: string | null;
                overdue: boolean;
                receiverName: string;
                receiverOrganisationId: string;
                relationScope: "basic" | "full" | null;
                sector: "municipality" | "general-practice";
                status: "open" | "confirmed" | "declined" | "closed";
                statusReason: string | null;
                stayId: string;
                unresolvedAt: string | null;
                version: number;
              }[];
            };
          };
        };
      };
    };
  };
  "/api/handovers/unresolved": {
    /** One page of the unresolved cases the acting organisation may see: a body's coordinators all in its care, a hospital its own discharges, a receiver its own; open until the receiver confirms */
    get: {
      parameters: {
        query?: {
          limit?: number;
          offset?: number;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              items: {
                citizenId: string;
                citizenName: string | null;
                deadlineAt: string;
                declineNote: string | null;
                dischargedAt: string;
                dischargingName: string | null;
                dischargingOrganisationId: string | null;
                escalationStep: number;
                group: "today" | "overdue-day" | "overdue-days" | "overdue-week" | "overdue-older" | "rest" | "unresolved";
                hospitalId: string;
                id: string;
                note: string | null;
                overdue: boolean;
                receiverName: string;
                receiverOrganisationId: string;
                relationScope: "basic" | "full" | null;
                sector: "municipality" | "general-practice";
                status: "open" | "confirmed" | "declined" | "closed";
                statusReason: string | null;
                stayId: string;
                unresolvedAt: string | null;
                version: number;
              }[];
              limit: number;
              offset: number;
              total: number;
            };
          };
        };
      };
    };
  };
  "/api/handovers/{id}": {
    /** One handover as the acting organisation's worklist shows it, whatever its status (a notification leads here); 404 when it is not on that list */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              citizenId: string;
              citizenName: string | null;
              deadlineAt: string;
              declineNote: string | null;
              dischargedAt: string;
              dischargingName: string | null;
              dischargingOrganisationId: string | null;
              escalationStep: number;
              group: "today" | "overdue-day" | "overdue-days" | "overdue-week" | "overdue-older" | "rest" | "unresolved";
              hospitalId: string;
              id: string;
              note: string | null;
              overdue: boolean;
              receiverName: string;
              receiverOrganisationId: string;
              relationScope: "basic" | "full" | null;
              sector: "municipality" | "general-practice";
              status: "open" | "confirmed" | "declined" | "closed";
              statusReason: string | null;
              stayId: string;
              unresolvedAt: string | null;
              version: number;
            };
          };
        };
      };
    };
  };
  "/api/handovers/{id}/confirm": {
    /** Received, we take over: responsibility moves to the acting organisation */
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            note?: string;
            version: number;
          };
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              decidedAt: string;
              id: string;
              status: string;
              undoableUntil: string;
              version: number;
            };
          };
        };
      };
    };
  };
  "/api/handovers/{id}/decline": {
    /** Decline with a reason; it goes straight to the discharging hospital and the body coordinator */
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            note?: string;
            reason: "not-our-citizen" | "citizen-moved" | "needs-different-service" | "other";
            version: number;
          };
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              decidedAt: string;
              id: string;
              status: string;
              undoableUntil: string;
              version: number;
            };
          };
        };
      };
    };
  };
  "/api/handovers/{id}/note": {
    /** The discharging ward's note to the receivers (what the citizen needs, medication changes, follow-up), on an open handover */
    put: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            note: string;
            version: number;
          };
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              id: string;
              status: string;
              version: number;
            };
          };
        };
      };
    };
  };
  "/api/handovers/{id}/receivers": {
    /** Organisations a declined handover can be sent on to (municipalities or practices, by its sector), by name */
    get: {
      parameters: {
        path: {
          id: string;
        };
        query: {
          name: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              id: string;
              kind: string;
              name: string;
            }[];
          };
        };
      };
    };
  };
  "/api/handovers/{id}/reroute": {
    /** Send a declined handover on to another receiver (the discharging hospital or the body's coordinators): it opens again with a new deadline */
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            note?: string;
            receiverOrganisationId: string;
            version: number;
          };
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              id: string;
              status: string;
              version: number;
            };
          };
        };
      };
    };
  };
  "/api/handovers/{id}/undo": {
    /** Take back a confirmation or decline: the organisation that made it, within 10 minutes, while nobody has acted on it since (409 saying why otherwise) */
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            version: number;
          };
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              id: string;
              status: string;
              version: number;
            };
          };
        };
      };
    };
  };
  "/api/health-councils": {
    /** The sundhedsråd on a date (none before 2027-01-01) */
    get: {
      parameters: {
        query?: {
          /** The date to answer for (YYYY-MM-DD); default today in Denmark */
          date?: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              acuteHospitals: {
                id: string;
                name: string;
                sorCode: string | null;
              }[];
              aliases: string[];
              id: string;
              kind: "sundhedsklynge" | "sundhedsraad";
              municipalityCodes: string[];
              name: string;
              partialMunicipalityCodes: string[];
              regionCode: string;
              validFrom: string;
              validTo: string | null;
              verification: Record<string, boolean>;
              verified: boolean;
            }[];
          };
        };
      };
    };
  };
  "/api/health-councils/{id}": {
    /** One body with its municipalities, hospitals, predecessors and successors */
    get: {
      parameters: {
        path: {
          id: string;
        };
        query?: {
          /** The date to answer for (YYYY-MM-DD); default today in Denmark */
          date?: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              acuteHospitals: {
                id: string;
                name: string;
                sorCode: string | null;
              }[];
              aliases: string[];
              /** The date described: the one asked for, or the body's nearest day */
              date: string;
              hospitals: {
                acute: boolean;
                id: string;
                name: string;
                sorCode: string | null;
              }[];
              id: string;
              kind: "sundhedsklynge" | "sundhedsraad";
              municipalities: {
                code: string;
                membership: "primary" | "partial";
                name: string;
                population: number | null;
                populationYear: number | null;
              }[];
              municipalityCodes: string[];
              name: string;
              notes: string | null;
              partialMunicipalityCodes: string[];
              predecessors: {
                id: string;
                kind: "sundhedsklynge" | "sundhedsraad";
                municipalityCodes: string[];
                name: string;
              }[];
              region: {
                code: string;
                codeVerified: boolean;
                committee: {
                  name: string;
                  verified: boolean;
                } | null;
                name: string;
              };
              regionCode: string;
              sources: string[];
              successors: {
                id: string;
                kind: "sundhedsklynge" | "sundhedsraad";
                municipalityCodes: string[];
                name: string;
              }[];
              validFrom: string;
              validTo: string | null;
              verification: Record<string, boolean>;
              verified: boolean;
            };
          };
        };
      };
    };
  };
  "/api/hospitals": {
    /** All hospitals in the structure, acute or not, with their region on a date */
    get: {
      parameters: {
        query?: {
          /** The date to answer for (YYYY-MM-DD); default today in Denmark */
          date?: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              acute: boolean;
              id: string;
              name: string;
              regionCode: string;
              sorCode: string | null;
            }[];
          };
        };
      };
    };
  };
  "/api/indicators": {
    /** The indicators' definition records */
    get: {
      parameters: Record<string, never>;
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              computedAt: string | null;
              indicators: {
                ageBands: string[];
                attributions: ("residence" | "practice" | "hospital")[];
                codeLists: {
                  codes: string[];
                  id: string;
                  label: {
                    da: string;
                    en: string;
                  };
                  source: string | null;
                  verified: boolean;
                }[];
                dayRates: {
                  priceLevel: string;
                  regionalPerDay: number;
                  statePerDayFirstTwo: number;
                  statePerDayFromThird: number;
                  verified: boolean;
                } | null;
                definedBy: "national" | "tovholder";
                denominator: {
                  da: string;
                  en: string;
                };
                exclusions: {
                  applied: boolean;
                  id: string;
                  label: {
                    da: string;
                    en: string;
                  };
                  verified: boolean;
                }[];
                family: "population" | "loop";
                groups: {
                  key: string;
                  label: {
                    da: string;
                    en: string;
                  };
                }[];
                higherIsBetter: boolean | null;
                id: string;
                nationalDifference: {
                  da: string;
                  en: string;
                } | null;
                numerator: {
                  da: string;
                  en: string;
                };
                sectors: string[];
                /** Days after a period's end before its figures are final */
                settlesAfterDays: number;
                sources: {
                  title: string;
                  url: string | null;
                }[];
                standardised: boolean;
                summary: {
                  da: string;
                  en: string;
                };
                title: {
                  da: string;
                  en: string;
                };
                valueKind: "per-1000" | "share" | "hours";
              }[];
            };
          };
        };
      };
    };
  };
  "/api/indicators/dashboard": {
    /** A body's own dashboard: 12 months against its region and the country, and its loop */
    get: {
      parameters: {
        query: {
          body: string;
          /** The last month shown is this date's; default: today */
          to?: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content?: never;
        };
      };
    };
  };
  "/api/indicators/{id}/funnel": {
    /** A funnel plot: each unit against the national value, with 95 % and 99.8 % limits; by default of the last period whose figures are final, and `complete` says whether they are */
    get: {
      parameters: {
        path: {
          id: string;
        };
        query?: {
          unit?: "municipality" | "body";
          period?: "month" | "quarter" | "year";
          at?: string;
          attribution?: "residence" | "practice" | "hospital";
          /** An age band, or * for every band */
          ageBand?: string;
          sector?: "municipality" | "general-practice";
          /** A group key, or * for every group */
          group?: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content?: never;
        };
      };
    };
  };
  "/api/indicators/{id}/values": {
    /** An indicator's values per unit and period (Accept: text/csv for CSV) */
    get: {
      parameters: {
        path: {
          id: string;
        };
        query?: {
          unit?: "municipality" | "body" | "region" | "country" | "practice" | "hospital";
          code?: string;
          period?: "month" | "quarter" | "year";
          /** Periods whose first day is on or after this date; default: 12 periods back */
          from?: string;
          /** Periods whose first day is on or before this date; default: today */
          to?: string;
          attribution?: "residence" | "practice" | "hospital";
          /** An age band, or * for every band */
          ageBand?: string;
          sector?: "municipality" | "general-practice";
          /** A group key, or * for every group */
          group?: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              attribution: "residence" | "practice" | "hospital";
              computedAt: string | null;
              indicator: string;
              period: "month" | "quarter" | "year";
              rows: {
                ageBand: string | null;
                amount?: number | null;
                bodyKind?: "sundhedsklynge" | "sundhedsraad";
                ciHigh: number | null;
                ciLow: number | null;
                code: string;
                /** The period has ended and settlesAfterDays have passed: the figures are final */
                complete: boolean;
                denominator: number | null;
                group: string | null;
                name: string;
                numerator: number | null;
                period: string;
                periodStart: string;
                sector: string | null;
                standardisedValue?: number | null;
                suppressed: boolean;
                unit: "municipality" | "body" | "region" | "country" | "practice" | "hospital";
                value: number | null;
              }[];
              unit: "municipality" | "body" | "region" | "country" | "practice" | "hospital";
            };
          };
        };
      };
    };
  };
  "/api/initiatives/{id}": {
    /** An initiative with its milestones, budget and versions, signed in */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              ageBand: string | null;
              baseline: number;
              body: {
                id: string;
                kind: string;
                name: string;
              };
              budget: {
                amountOre: number;
                currency: "DKK";
                party: string;
              }[];
              budgetTotalOre: number;
              changedAt: string;
              end: string;
              evaluation: {
                outcome: "kept" | "spread" | "stopped";
                text: string;
              } | null;
              goal: string;
              id: string;
              indicatorId: string;
              may: {
                edit: boolean;
                step: "planned" | "running" | "finished" | null;
              };
              milestones: {
                done: boolean;
                due: string;
                title: string;
              }[];
              municipalityCodes: string[];
              practices: string[];
              public: boolean;
              start: string;
              status: "planned" | "running" | "finished";
              target: number;
              title: string;
              version: number;
              versions: {
                at: string;
                byName: string | null;
                byOrganisation: string | null;
                byRole: string | null;
                change: "created" | "edited" | "status";
                status: "planned" | "running" | "finished";
                version: number;
              }[];
            };
          };
        };
      };
    };
    /** A new version of an initiative that is not finished (409 on a stale version) */
    put: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            ageBand: string | null;
            baseline: string | number;
            budget: {
              amount: string | number;
              currency: string;
              party: string;
            }[];
            end: string;
            goal: string;
            indicatorId: string | null;
            milestones: {
              done: boolean;
              due: string;
              title: string;
            }[];
            municipalityCodes: string[];
            practices: string[];
            public: boolean;
            start: string;
            target: string | number;
            title: string;
            version: number;
          };
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              ageBand: string | null;
              baseline: number;
              body: {
                id: string;
                kind: string;
                name: string;
              };
              budget: {
                amountOre: number;
                currency: "DKK";
                party: string;
              }[];
              budgetTotalOre: number;
              changedAt: string;
              end: string;
              evaluation: {
                outcome: "kept" | "spread" | "stopped";
                text: string;
              } | null;
              goal: string;
              id: string;
              indicatorId: string;
              may: {
                edit: boolean;
                step: "planned" | "running" | "finished" | null;
              };
              milestones: {
                done: boolean;
                due: string;
                title: string;
              }[];
              municipalityCodes: string[];
              practices: string[];
              public: boolean;
              start: string;
              status: "planned" | "running" | "finished";
              target: number;
              title: string;
              version: number;
              versions: {
                at: string;
                byName: string | null;
                byOrganisation: string | null;
                byRole: string | null;
                change: "created" | "edited" | "status";
                status: "planned" | "running" | "finished";
                version: number;
              }[];
            };
          };
        };
      };
    };
  };
  "/api/initiatives/{id}/decisions": {
    /** The decisions made at meetings on an initiative, signed in */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              decisions: {
                decidedAt: string;
                id: string;
                meeting: {
                  date: string;
                  id: string;
                  title: string;
                };
                present: {
                  name: string;
                  organisation: string;
                }[];
                subjectId: string;
                subjectKind: "agreement" | "initiative";
                text: string;
              }[];
            };
          };
        };
      };
    };
  };
  "/api/initiatives/{id}/effect": {
    /** The target indicator before and after, participants against comparison, signed in */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              ageBand: string | null;
              baseline: number;
              comparison: {
                after: {
                  denominator: number;
                  high: number | null;
                  low: number | null;
                  numerator: number;
                  rows: number;
                  skipped: number;
                  value: number | null;
                };
                basis: "body" | "region";
                before: {
                  denominator: number;
                  high: number | null;
                  low: number | null;
                  numerator: number;
                  rows: number;
                  skipped: number;
                  value: number | null;
                };
                codes: string[];
              };
              computedAt: string | null;
              indicator: {
                higherIsBetter: boolean;
                id: string;
                valueKind: "share" | "per-1000";
              };
              minDenominator: number;
              participants: {
                after: {
                  denominator: number;
                  high: number | null;
                  low: number | null;
                  numerator: number;
                  rows: number;
                  skipped: number;
                  value: number | null;
                };
                before: {
                  denominator: number;
                  high: number | null;
                  low: number | null;
                  numerator: number;
                  rows: number;
                  skipped: number;
                  value: number | null;
                };
                codes: string[];
              };
              target: number;
              verdict: "too-few-to-tell" | "improved" | "worsened";
              windows: {
                after: string[];
                before: string[];
                notFinal: string[];
              };
            };
          };
        };
      };
    };
  };
  "/api/initiatives/{id}/status": {
    /** The next status: running, then finished with an evaluation */
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            evaluation?: {
              outcome: "kept" | "spread" | "stopped";
              text: string;
            } | null;
            to: "planned" | "running" | "finished";
            version: number;
          };
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              ageBand: string | null;
              baseline: number;
              body: {
                id: string;
                kind: string;
                name: string;
              };
              budget: {
                amountOre: number;
                currency: "DKK";
                party: string;
              }[];
              budgetTotalOre: number;
              changedAt: string;
              end: string;
              evaluation: {
                outcome: "kept" | "spread" | "stopped";
                text: string;
              } | null;
              goal: string;
              id: string;
              indicatorId: string;
              may: {
                edit: boolean;
                step: "planned" | "running" | "finished" | null;
              };
              milestones: {
                done: boolean;
                due: string;
                title: string;
              }[];
              municipalityCodes: string[];
              practices: string[];
              public: boolean;
              start: string;
              status: "planned" | "running" | "finished";
              target: number;
              title: string;
              version: number;
              versions: {
                at: string;
                byName: string | null;
                byOrganisation: string | null;
                byRole: string | null;
                change: "created" | "edited" | "status";
                status: "planned" | "running" | "finished";
                version: number;
              }[];
            };
          };
        };
      };
    };
  };
  "/api/inpatients": {
    /** The hospital's (or the department's) current inpatients, medically ready first: find whom to discharge without a CPR number */
    get: {
      parameters: {
        query?: {
          /** true: only those medically ready for discharge (the expected discharges) */
          ready?: "true" | "false";
          limit?: number;
          offset?: number;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              items: {
                admittedAt: string;
                canDischarge: boolean;
                citizenId: string;
                citizenName: string | null;
                departmentName: string | null;
                medicallyReadyAt: string | null;
                status: "admitted" | "on-leave";
                stayId: string;
              }[];
              limit: number;
              offset: number;
              total: number;
            };
          };
        };
      };
    };
  };
  "/api/me": {
    /** Who I am, my memberships and the one I act in */
    get: {
      parameters: Record<string, never>;
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              activeMembershipId: string | null;
              csrfToken: string;
              memberships: {
                membershipId: string;
                organisation: {
                  bodyId: string | null;
                  hospitalId: string | null;
                  id: string;
                  kind: string;
                  name: string;
                  regionCode: string | null;
                };
                role: string;
              }[];
              user: {
                displayName: string;
                id: string;
                kind: "staff" | "citizen" | "relative";
                username: string;
              };
            };
          };
        };
      };
    };
  };
  "/api/me/access-log": {
    /** Who has looked at my data, and when */
    get: {
      parameters: Record<string, never>;
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              action: string;
              actorKind: string;
              at: string;
              bodyKind: "sundhedsklynge" | "sundhedsraad" | null;
              breakGlass: boolean;
              breakGlassReason: string | null;
              organisationName: string | null;
              outcome: string;
              purpose: string | null;
              relation: string | null;
              resource: string;
              role: string | null;
              roleGrantedByAdministrator: {
                at: string;
                organisationName: string | null;
              } | null;
              userName: string | null;
            }[];
          };
        };
      };
    };
  };
  "/api/me/active-membership": {
    /** Choose the membership (organisation and role) to act in */
    put: {
      parameters: Record<string, never>;
      requestBody: {
        content: {
          "application/json": {
            membershipId: string;
          };
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              activeMembershipId: string | null;
              csrfToken: string;
              memberships: {
                membershipId: string;
                organisation: {
                  bodyId: string | null;
                  hospitalId: string | null;
                  id: string;
                  kind: string;
                  name: string;
                  regionCode: string | null;
                };
                role: string;
              }[];
              user: {
                displayName: string;
                id: string;
                kind: "staff" | "citizen" | "relative";
                username: string;
              };
            };
          };
        };
      };
    };
  };
  "/api/me/citizens": {
    /** The citizens I may act for: myself, or those who gave me consent */
    get: {
      parameters: Record<string, never>;
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              id: string;
            }[];
          };
        };
      };
    };
  };
  "/api/me/consents": {
    /** My consents to relatives */
    get: {
      parameters: Record<string, never>;
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              expiresAt: string | null;
              grantedAt: string;
              id: string;
              relativeName: string;
              relativeUsername: string;
              revokedAt: string | null;
            }[];
          };
        };
      };
    };
    /** Give a relative access to my data */
    post: {
      parameters: Record<string, never>;
      requestBody: {
        content: {
          "application/json": {
            expiresAt?: string;
            relativeUsername: string;
          };
        };
      };
      responses: {
        /** Default Response */
        201: {
          content: {
            "application/json": {
              id: string;
            };
          };
        };
      };
    };
  };
  "/api/me/consents/{id}/revoke": {
    /** Withdraw a consent */
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** Default Response */
        204: {
          content: {
            "application/json": null;
          };
        };
      };
    };
  };
  "/api/me/password": {
    /** Change my password; my other sessions end */
    post: {
      parameters: Record<string, never>;
      requestBody: {
        content: {
          "application/json": {
            currentPassword: string;
            newPassword: string;
          };
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              endedSessions: number;
            };
          };
        };
      };
    };
  };
  "/api/meetings/{id}": {
    /** A meeting with its agenda, attendees and decisions, signed in */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              agenda: {
                public: boolean;
                subject: {
                  id: string;
                  kind: "agreement" | "initiative";
                } | null;
                subjectTitle: string | null;
                text: string | null;
                title: string;
              }[];
              agendaCount: number;
              attendees: {
                name: string;
                organisation: string;
              }[];
              body: {
                id: string;
                kind: string;
                name: string;
              };
              changedAt: string;
              date: string;
              decisions: {
                decidedAt: string;
                id: string;
                meeting: {
                  date: string;
                  id: string;
                  title: string;
                };
                present: {
                  name: string;
                  organisation: string;
                }[];
                subjectId: string;
                subjectKind: "agreement" | "initiative";
                text: string;
              }[];
              id: string;
              may: {
                decide: boolean;
                edit: boolean;
              };
              public: boolean;
              status: "planned" | "held";
              title: string;
              version: number;
            };
          };
        };
      };
    };
    /** The meeting's title, date, agenda, attendees and status (409 on a stale version) */
    put: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            agenda: {
              public: boolean;
              subject: {
                id: string;
                kind: "agreement" | "initiative";
              } | null;
              text: string | null;
              title: string;
            }[];
            attendees: {
              name: string;
              organisation: string;
            }[];
            date: string;
            public: boolean;
            status: "planned" | "held";
            title: string;
            version: number;
          };
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              agenda: {
                public: boolean;
                subject: {
                  id: string;
                  kind: "agreement" | "initiative";
                } | null;
                subjectTitle: string | null;
                text: string | null;
                title: string;
              }[];
              agendaCount: number;
              attendees: {
                name: string;
                organisation: string;
              }[];
              body: {
                id: string;
                kind: string;
                name: string;
              };
              changedAt: string;
              date: string;
              decisions: {
                decidedAt: string;
                id: string;
                meeting: {
                  date: string;
                  id: string;
                  title: string;
                };
                present: {
                  name: string;
                  organisation: string;
                }[];
                subjectId: string;
                subjectKind: "agreement" | "initiative";
                text: string;
              }[];
              id: string;
              may: {
                decide: boolean;
                edit: boolean;
              };
              public: boolean;
              status: "planned" | "held";
              title: string;
              version: number;
            };
          };
        };
      };
    };
  };
  "/api/meetings/{id}/decisions": {
    /** A decision on one of the body's agreements or initiatives (the secretariat) */
    post: {
      parameters: {
        path: {
          id: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            subjectId: string;
            subjectKind: "agreement" | "initiative";
            text: string;
          };
        };
      };
      responses: {
        /** Default Response */
        201: {
          content: {
            "application/json": {
              agenda: {
                public: boolean;
                subject: {
                  id: string;
                  kind: "agreement" | "initiative";
                } | null;
                subjectTitle: string | null;
                text: string | null;
                title: string;
              }[];
              agendaCount: number;
              attendees: {
                name: string;
                organisation: string;
              }[];
              body: {
                id: string;
                kind: string;
                name: string;
              };
              changedAt: string;
              date: string;
              decisions: {
                decidedAt: string;
                id: string;
                meeting: {
                  date: string;
                  id: string;
                  title: string;
                };
                present: {
                  name: string;
                  organisation: string;
                }[];
                subjectId: string;
                subjectKind: "agreement" | "initiative";
                text: string;
              }[];
              id: string;
              may: {
                decide: boolean;
                edit: boolean;
              };
              public: boolean;
              status: "planned" | "held";
              title: string;
              version: number;
            };
          };
        };
      };
    };
  };
  "/api/meetings/{id}/pack": {
    /** The meeting's pack, generated now from the body's figures and work, signed in */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              agenda: {
                public: boolean;
                subject: {
                  id: string;
                  kind: "agreement" | "initiative";
                } | null;
                subjectTitle: string | null;
                text: string | null;
                title: string;
              }[];
              agreements: {
                changedAt: string;
                end: string | null;
                id: string;
                public: boolean;
                start: string | null;
                status: string;
                title: string;
                version: number;
              }[];
              attendees: {
                name: string;
                organisation: string;
              }[] | null;
              body: {
                id: string;
                kind: string;
                name: string;
              };
              generatedAt: string;
              indicators: {
                figures: {
                  denominator: number | null;
                  numerator: number | null;
                  period: string;
                  suppressed: boolean;
                  value: number | null;
                }[];
                higherIsBetter: boolean | null;
                id: string;
                sector: string | null;
                title: {
                  da: string;
                  en: string;
                };
                valueKind: string;
              }[];
              indicatorsComputedAt: string | null;
              initiatives: {
                changedAt: string;
                end: string | null;
                id: string;
                public: boolean;
                start: string | null;
                status: string;
                title: string;
                version: number;
              }[];
              meeting: {
                date: string;
                id: string;
                public: boolean;
                status: string;
                title: string;
              };
              months: string[];
              publicOnly: boolean;
              since: {
                date: string;
                meetingId: string;
              } | null;
              unresolved: {
                count: number;
                groups: {
                  count: number;
                  hospital: string;
                  receiver: string;
                  sector: string;
                }[] | null;
              };
            };
          };
        };
      };
    };
  };
  "/api/meetings/{id}/pack.pdf": {
    /** The meeting's pack printed as PDF (503 when Chromium is missing), signed in */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content?: never;
        };
      };
    };
  };
  "/api/municipalities": {
    /** All municipalities with their body on a date */
    get: {
      parameters: {
        query?: {
          /** The date to answer for (YYYY-MM-DD); default today in Denmark */
          date?: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              bodyId: string | null;
              code: string;
              name: string;
              partialBodyIds: string[];
              population: number | null;
              regionCode: string;
            }[];
          };
        };
      };
    };
  };
  "/api/municipalities/{code}": {
    /** One municipality and the body it belongs to on a date */
    get: {
      parameters: {
        path: {
          code: string;
        };
        query?: {
          /** The date to answer for (YYYY-MM-DD); default today in Denmark */
          date?: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              body: {
                id: string;
                kind: "sundhedsklynge" | "sundhedsraad";
                name: string;
                verified: boolean;
              } | null;
              bodyHistory: {
                id: string;
                kind: "sundhedsklynge" | "sundhedsraad";
                name: string;
                regionCode: string;
                regionName: string;
                validFrom: string;
                validTo: string | null;
                verified: boolean;
              }[];
              code: string;
              date: string;
              name: string;
              partialBodies: {
                id: string;
                name: string;
              }[];
              population: number | null;
              populationYear: number | null;
              region: {
                code: string;
                codeVerified: boolean;
                name: string;
              };
            };
          };
        };
      };
    };
  };
  "/api/notifications": {
    /** The acting organisation's notifications of the last 30 days as this person takes them: cards (one per handover, newest first) or daily digests of cards, with this person's read markers; names only where the organisation has a relation */
    get: {
      parameters: {
        query?: {
          unread?: "true" | "false";
          limit?: number;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              delivery: "single" | "daily-digest";
              digests: {
                cardCount: number;
                cards: {
                  body: {
                    id: string;
                    kind: string;
                    name: string;
                  } | null;
                  bodyKind: string | null;
                  citizenName: string | null;
                  count: number;
                  createdAt: string;
                  deadlineAt: string | null;
                  dischargingName: string | null;
                  followUp: {
                    closedReason: string | null;
                    dischargedAt: string;
                    followUpName: string | null;
                    id: string;
                    resolution: "outpatient-clinic" | "practice" | "not-needed" | null;
                    resolvedAt: string | null;
                    resolvedByName: string | null;
                    resolvedByOrganisationName: string | null;
                    status: "open" | "resolved" | "closed";
                  } | null;
                  followUpId: string | null;
                  handoverId: string | null;
                  history: {
                    createdAt: string;
                    id: string;
                    kind: "handover.created" | "handover.confirmed" | "handover.declined" | "handover.escalated" | "handover.closed" | "handover.undone" | "handover.unresolved" | "follow-up.opened" | "follow-up.resolved" | "follow-up.closed" | "body.rules-to-confirm";
                    reason: string | null;
                    step: number | null;
                    target: "receiver" | "body-coordinator" | "discharging-department" | null;
                  }[];
                  hospitalName: string | null;
                  id: string;
                  kind: "handover.created" | "handover.confirmed" | "handover.declined" | "handover.escalated" | "handover.closed" | "handover.undone" | "handover.unresolved" | "follow-up.opened" | "follow-up.resolved" | "follow-up.closed" | "body.rules-to-confirm";
                  link: string | null;
                  readAt: string | null;
                  reason: string | null;
                  receiverName: string | null;
                  rules: {
                    carriedOverFrom: {
                      id: string;
                      name: string;
                    };
                    sector: "municipality" | "general-practice";
                  }[] | null;
                  sector: "municipality" | "general-practice" | null;
                  status: "open" | "confirmed" | "declined" | "closed" | null;
                  step: number | null;
                  target: "receiver" | "body-coordinator" | "discharging-department" | null;
                }[];
                from: string;
                id: string;
                to: string;
                unread: boolean;
              }[];
              items: {
                body: {
                  id: string;
                  kind: string;
                  name: string;
                } | null;
                bodyKind: string | null;
                citizenName: string | null;
                count: number;
                createdAt: string;
                deadlineAt: string | null;
                dischargingName: string | null;
                followUp: {
                  closedReason: string | null;
                  dischargedAt: string;
                  followUpName: string | null;
                  id: string;
                  resolution: "outpatient-clinic" | "practice" | "not-needed" | null;
                  resolvedAt: string | null;
                  resolvedByName: string | null;
                  resolvedByOrganisationName: string | null;
                  status: "open" | "resolved" | "closed";
                } | null;
                followUpId: string | null;
                handoverId: string | null;
                history: {
                  createdAt: string;
                  id: string;
                  kind: "handover.created" | "handover.confirmed" | "handover.declined" | "handover.escalated" | "handover.closed" | "handover.undone" | "handover.unresolved" | "follow-up.opened" | "follow-up.resolved" | "follow-up.closed" | "body.rules-to-confirm";
                  reason: string | null;
                  step: number | null;
                  target: "receiver" | "body-coordinator" | "discharging-department" | null;
                }[];
                hospitalName: string | null;
                id: string;
                kind: "handover.created" | "handover.confirmed" | "handover.declined" | "handover.escalated" | "handover.closed" | "handover.undone" | "handover.unresolved" | "follow-up.opened" | "follow-up.resolved" | "follow-up.closed" | "body.rules-to-confirm";
                link: string | null;
                readAt: string | null;
                reason: string | null;
                receiverName: string | null;
                rules: {
                  carriedOverFrom: {
                    id: string;
                    name: string;
                  };
                  sector: "municipality" | "general-practice";
                }[] | null;
                sector: "municipality" | "general-practice" | null;
                status: "open" | "confirmed" | "declined" | "closed" | null;
                step: number | null;
                target: "receiver" | "body-coordinator" | "discharging-department" | null;
              }[];
              nextDigestAt: string | null;
              unreadCount: number;
            };
          };
        };
      };
    };
  };
  "/api/notifications/preferences": {
    /** This person's choice: single notifications or a daily digest */
    get: {
      parameters: Record<string, never>;
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              delivery: "single" | "daily-digest";
              digestTime: string;
              nextDigestAt: string;
            };
          };
        };
      };
    };
    /** Choose single notifications or a daily digest (made at 07:00 Danish time, holding the day before) */
    put: {
      parameters: Record<string, never>;
      requestBody: {
        content: {
          "application/json": {
            delivery: "single" | "daily-digest";
          };
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              delivery: "single" | "daily-digest";
              digestTime: string;
              nextDigestAt: string;
            };
          };
        };
      };
    };
  };
  "/api/notifications/read": {
    /** Mark as read for this person: the given cards (by id; each with its earlier history), a digest's period, or all */
    post: {
      parameters: Record<string, never>;
      requestBody: {
        content: {
          "application/json": {
            all: true;
          } | {
            ids: string[];
          } | {
            period: {
              from: string;
              to: string;
            };
          };
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              unreadCount: number;
            };
          };
        };
      };
    };
  };
  "/api/notifications/unread-count": {
    /** How many cards (or, for a person who takes the digest, digests) are unread; names no citizen */
    get: {
      parameters: Record<string, never>;
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              delivery: "single" | "daily-digest";
              unreadCount: number;
            };
          };
        };
      };
    };
  };
  "/api/organisations/{organisationId}/contact": {
    /** An organisation's phone, email, opening hours and web address (its parent's where it has none) */
    get: {
      parameters: {
        path: {
          organisationId: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              email: string | null;
              inheritedFrom: {
                name: string;
                organisationId: string;
              } | null;
              name: string;
              openingHours: string | null;
              organisationId: string;
              phone: string | null;
              updatedAt: string | null;
              webUrl: string | null;
            };
          };
        };
      };
    };
    /** Set an organisation's contact details (administrators acting for that organisation) */
    put: {
      parameters: {
        path: {
          organisationId: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            email?: string | null;
            openingHours?: string | null;
            phone?: string | null;
            webUrl?: string | null;
          };
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              email: string | null;
              inheritedFrom: {
                name: string;
                organisationId: string;
              } | null;
              name: string;
              openingHours: string | null;
              organisationId: string;
              phone: string | null;
              updatedAt: string | null;
              webUrl: string | null;
            };
          };
        };
      };
    };
  };
  "/api/organisations/{organisationId}/webhooks": {
    /** The organisation's webhooks (its administrators) */
    get: {
      parameters: {
        path: {
          organisationId: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              active: boolean;
              createdAt: string;
              description: string | null;
              events: string[];
              failingCount: number;
              id: string;
              lastDelivery: {
                at: string;
                status: string;
              } | null;
              url: string;
            }[];
          };
        };
      };
    };
    /** Add a webhook; the answer holds its signing secret, shown this once (https only; http only to localhost) */
    post: {
      parameters: {
        path: {
          organisationId: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            description?: string;
            events?: ("handover.created" | "handover.confirmed" | "handover.declined" | "handover.escalated" | "handover.closed" | "handover.undone" | "handover.unresolved" | "follow-up.opened" | "follow-up.resolved" | "follow-up.closed")[];
            url: string;
          };
        };
      };
      responses: {
        /** Default Response */
        201: {
          content: {
            "application/json": {
              secret: string;
              webhook: {
                active: boolean;
                createdAt: string;
                description: string | null;
                events: string[];
                failingCount: number;
                id: string;
                lastDelivery: {
                  at: string;
                  status: string;
                } | null;
                url: string;
              };
            };
          };
        };
      };
    };
  };
  "/api/organisations/{organisationId}/webhooks/{webhookId}": {
    /** Delete a webhook: nothing more is sent; its deliveries stay in the record */
    delete: {
      parameters: {
        path: {
          organisationId: string;
          webhookId: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content?: never;
        };
      };
    };
    /** Change a webhook's address, description or events, or switch it on or off */
    patch: {
      parameters: {
        path: {
          organisationId: string;
          webhookId: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            active?: boolean;
            description?: string | null;
            events?: ("handover.created" | "handover.confirmed" | "handover.declined" | "handover.escalated" | "handover.closed" | "handover.undone" | "handover.unresolved" | "follow-up.opened" | "follow-up.resolved" | "follow-up.closed")[];
            url?: string;
          };
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              active: boolean;
              createdAt: string;
              description: string | null;
              events: string[];
              failingCount: number;
              id: string;
              lastDelivery: {
                at: string;
                status: string;
              } | null;
              url: string;
            };
          };
        };
      };
    };
  };
  "/api/organisations/{organisationId}/webhooks/{webhookId}/deliveries": {
    /** A webhook's deliveries, newest first, each with every attempt made */
    get: {
      parameters: {
        path: {
          organisationId: string;
          webhookId: string;
        };
        query?: {
          status?: "pending" | "delivered" | "failed";
          limit?: number;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              attemptLog: {
                at: string;
                durationMs: number;
                outcome: string;
                result: "delivered" | "http-status" | "failed";
                statusCode: number | null;
              }[];
              attempts: number;
              createdAt: string;
              deliveredAt: string | null;
              handoverId: string | null;
              id: string;
              kind: string;
              nextAttemptAt: string | null;
              status: "pending" | "delivered" | "failed";
            }[];
          };
        };
      };
    };
  };
  "/api/organisations/{organisationId}/webhooks/{webhookId}/deliveries/{deliveryId}/retry": {
    /** Send a delivery again now (a failed one gets one more attempt) */
    post: {
      parameters: {
        path: {
          organisationId: string;
          webhookId: string;
          deliveryId: string;
        };
      };
      responses: {
        /** Default Response */
        202: {
          content: {
            "application/json": {
              deliveryId: string;
            };
          };
        };
      };
    };
  };
  "/api/organisations/{organisationId}/webhooks/{webhookId}/ping": {
    /** Send a test delivery (type `ping`), recorded like any other */
    post: {
      parameters: {
        path: {
          organisationId: string;
          webhookId: string;
        };
      };
      responses: {
        /** Default Response */
        202: {
          content: {
            "application/json": {
              deliveryId: string;
            };
          };
        };
      };
    };
  };
  "/api/organisations/{organisationId}/webhooks/{webhookId}/rotate-secret": {
    /** A new signing secret, shown this once; the old one stops signing at once */
    post: {
      parameters: {
        path: {
          organisationId: string;
          webhookId: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              secret: string;
            };
          };
        };
      };
    };
  };
  "/api/public/agreements/{id}": {
    /** An adopted or public agreement, without logging in */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              body: {
                id: string;
                kind: string;
                name: string;
              };
              changedAt: string;
              comments: {
                at: string;
                byName: string;
                byOrganisation: string;
                id: string;
                text: string;
                version: number;
              }[];
              commitmentCount: number;
              commitments: {
                from: string;
                handoverRule: {
                  rule: {
                    deadlineMinutes: number;
                    hours: {
                      weekday: {
                        end: string;
                        start: string;
                      } | null;
                      weekend: {
                        end: string;
                        start: string;
                      } | null;
                    };
                    ladder: {
                      afterMinutes: number;
                      target: "receiver" | "body-coordinator" | "discharging-department";
                    }[];
                  };
                  sector: "municipality" | "general-practice";
                } | null;
                indicatorIds: string[];
                resources: ({
                  amountOre: number;
                  currency: "DKK";
                  from: {
                    organisation: string | null;
                    sector: "region" | "hospital" | "municipality" | "general-practice";
                  };
                  kind: "money";
                  to: {
                    organisation: string | null;
                    sector: "region" | "hospital" | "municipality" | "general-practice";
                  };
                } | {
                  from: {
                    organisation: string | null;
                    sector: "region" | "hospital" | "municipality" | "general-practice";
                  };
                  fteHundredths: number;
                  kind: "staff";
                  to: {
                    organisation: string | null;
                    sector: "region" | "hospital" | "municipality" | "general-practice";
                  };
                })[];
                responsible: {
                  organisation: string | null;
                  sector: "region" | "hospital" | "municipality" | "general-practice";
                };
                task: string;
                until: string | null;
              }[];
              id: string;
              may: {
                comment: boolean;
                edit: boolean;
                step: "draft" | "consultation" | "approved" | "adopted" | "in-force" | "ended" | null;
              };
              public: boolean;
              status: "draft" | "consultation" | "approved" | "adopted" | "in-force" | "ended";
              steps: {
                at: string;
                byName: string | null;
                byOrganisation: string | null;
                byRole: string | null;
                status: "draft" | "consultation" | "approved" | "adopted" | "in-force" | "ended";
                version: number;
              }[];
              summary: string;
              title: string;
              version: number;
              versions: {
                at: string;
                byName: string | null;
                byOrganisation: string | null;
                byRole: string | null;
                change: "created" | "edited" | "step";
                status: "draft" | "consultation" | "approved" | "adopted" | "in-force" | "ended";
                title: string;
                version: number;
              }[];
            };
          };
        };
      };
    };
  };
  "/api/public/agreements/{id}/decisions": {
    /** The decisions made at meetings on an agreement, without logging in (public ones and public items only) */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              decisions: {
                decidedAt: string;
                id: string;
                meeting: {
                  date: string;
                  id: string;
                  title: string;
                };
                present: {
                  name: string;
                  organisation: string;
                }[];
                subjectId: string;
                subjectKind: "agreement" | "initiative";
                text: string;
              }[];
            };
          };
        };
      };
    };
  };
  "/api/public/bodies/{bodyId}/agreements": {
    /** A body's adopted agreements and those marked public, without logging in */
    get: {
      parameters: {
        path: {
          bodyId: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              agreements: {
                body: {
                  id: string;
                  kind: string;
                  name: string;
                };
                changedAt: string;
                commitmentCount: number;
                id: string;
                public: boolean;
                status: "draft" | "consultation" | "approved" | "adopted" | "in-force" | "ended";
                summary: string;
                title: string;
                version: number;
              }[];
              body: {
                id: string;
                kind: string;
                name: string;
              };
              mayDraft: boolean;
            };
          };
        };
      };
    };
  };
  "/api/public/bodies/{bodyId}/gp-capacity": {
    /** GP capacity per municipality of a body, without logging in */
    get: {
      parameters: {
        path: {
          bodyId: string;
        };
        query?: {
          date?: string;
          format?: "json" | "csv";
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              body: {
                id: string;
                kind: string;
                name: string;
              };
              date: string;
              may: {
                setRule: boolean;
              };
              region: {
                capacity: {
                  closedPractices: number | null;
                  doctors: number | null;
                  listedPatients: number | null;
                  newestAsOf: string | null;
                  oldestAsOf: string | null;
                  patientsPerDoctor: number | null;
                  practices: number | null;
                  sources: ("register" | "csv-import" | "synthetic")[];
                  synthetic: boolean;
                };
                code: string;
                name: string;
                thin: boolean;
              };
              rows: {
                capacity: {
                  closedPractices: number | null;
                  doctors: number | null;
                  listedPatients: number | null;
                  newestAsOf: string | null;
                  oldestAsOf: string | null;
                  patientsPerDoctor: number | null;
                  practices: number | null;
                  sources: ("register" | "csv-import" | "synthetic")[];
                  synthetic: boolean;
                };
                membership: "primary" | "partial";
                municipalityCode: string;
                municipalityName: string;
                thin: boolean;
              }[];
              threshold: {
                isDefault: boolean;
                maxPatientsPerDoctor: number;
                setAt: string | null;
              };
              total: {
                capacity: {
                  closedPractices: number | null;
                  doctors: number | null;
                  listedPatients: number | null;
                  newestAsOf: string | null;
                  oldestAsOf: string | null;
                  patientsPerDoctor: number | null;
                  practices: number | null;
                  sources: ("register" | "csv-import" | "synthetic")[];
                  synthetic: boolean;
                };
                thin: boolean;
              };
            };
          };
        };
      };
    };
  };
  "/api/public/bodies/{bodyId}/initiatives": {
    /** A body's initiatives (and its predecessors'), without logging in (those marked public) */
    get: {
      parameters: {
        path: {
          bodyId: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              body: {
                id: string;
                kind: string;
                name: string;
              };
              initiatives: {
                body: {
                  id: string;
                  kind: string;
                  name: string;
                };
                changedAt: string;
                end: string;
                goal: string;
                id: string;
                indicatorId: string;
                public: boolean;
                start: string;
                status: "planned" | "running" | "finished";
                title: string;
                version: number;
              }[];
              mayCreate: boolean;
            };
          };
        };
      };
    };
  };
  "/api/public/bodies/{bodyId}/ledger": {
    /** A body's ledger of a year: money and staff per party and between sectors, without logging in (adopted and public agreements, public initiatives) (Accept: text/csv for CSV) */
    get: {
      parameters: {
        path: {
          bodyId: string;
        };
        query?: {
          year?: string;
          format?: "json" | "csv";
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              body: {
                id: string;
                kind: string;
                name: string;
              };
              computedOn: string;
              flows: {
                amountOre: number;
                from: "region" | "hospital" | "municipality" | "general-practice" | null;
                fteYearHundredths: number;
                to: "region" | "hospital" | "municipality" | "general-practice" | null;
              }[];
              parties: {
                amountOre: number;
                fteYearHundredths: number;
                party: {
                  organisation: string | null;
                  sector: "region" | "hospital" | "municipality" | "general-practice" | null;
                };
              }[];
              rows: {
                amountOre: number | null;
                days: number;
                daysInYear: number;
                direction: "committed" | "transferred";
                fteHundredths: number | null;
                fteYearHundredths: number | null;
                id: string;
                indicatorIds: string[];
                kind: "money" | "staff";
                party: {
                  organisation: string | null;
                  sector: "region" | "hospital" | "municipality" | "general-practice" | null;
                };
                source: "agreement" | "initiative";
                status: "draft" | "consultation" | "approved" | "adopted" | "in-force" | "ended" | "planned" | "running" | "finished";
                task: string | null;
                title: string;
                to: {
                  organisation: string | null;
                  sector: "region" | "hospital" | "municipality" | "general-practice" | null;
                } | null;
              }[];
              year: number;
            };
          };
        };
      };
    };
  };
  "/api/public/bodies/{bodyId}/meetings": {
    /** A body's meetings (and its predecessors'), without logging in (public ones and public items only) */
    get: {
      parameters: {
        path: {
          bodyId: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              body: {
                id: string;
                kind: string;
                name: string;
              };
              mayCreate: boolean;
              meetings: {
                agendaCount: number;
                body: {
                  id: string;
                  kind: string;
                  name: string;
                };
                date: string;
                id: string;
                public: boolean;
                status: "planned" | "held";
                title: string;
                version: number;
              }[];
            };
          };
        };
      };
    };
  };
  "/api/public/initiatives/{id}": {
    /** An initiative with its milestones, budget and versions, without logging in (those marked public) */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              ageBand: string | null;
              baseline: number;
              body: {
                id: string;
                kind: string;
                name: string;
              };
              budget: {
                amountOre: number;
                currency: "DKK";
                party: string;
              }[];
              budgetTotalOre: number;
              changedAt: string;
              end: string;
              evaluation: {
                outcome: "kept" | "spread" | "stopped";
                text: string;
              } | null;
              goal: string;
              id: string;
              indicatorId: string;
              may: {
                edit: boolean;
                step: "planned" | "running" | "finished" | null;
              };
              milestones: {
                done: boolean;
                due: string;
                title: string;
              }[];
              municipalityCodes: string[];
              practices: string[];
              public: boolean;
              start: string;
              status: "planned" | "running" | "finished";
              target: number;
              title: string;
              version: number;
              versions: {
                at: string;
                byName: string | null;
                byOrganisation: string | null;
                byRole: string | null;
                change: "created" | "edited" | "status";
                status: "planned" | "running" | "finished";
                version: number;
              }[];
            };
          };
        };
      };
    };
  };
  "/api/public/initiatives/{id}/decisions": {
    /** The decisions made at meetings on an initiative, without logging in (public ones and public items only) */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              decisions: {
                decidedAt: string;
                id: string;
                meeting: {
                  date: string;
                  id: string;
                  title: string;
                };
                present: {
                  name: string;
                  organisation: string;
                }[];
                subjectId: string;
                subjectKind: "agreement" | "initiative";
                text: string;
              }[];
            };
          };
        };
      };
    };
  };
  "/api/public/initiatives/{id}/effect": {
    /** The target indicator before and after, participants against comparison, without logging in (those marked public) */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              ageBand: string | null;
              baseline: number;
              comparison: {
                after: {
                  denominator: number;
                  high: number | null;
                  low: number | null;
                  numerator: number;
                  rows: number;
                  skipped: number;
                  value: number | null;
                };
                basis: "body" | "region";
                before: {
                  denominator: number;
                  high: number | null;
                  low: number | null;
                  numerator: number;
                  rows: number;
                  skipped: number;
                  value: number | null;
                };
                codes: string[];
              };
              computedAt: string | null;
              indicator: {
                higherIsBetter: boolean;
                id: string;
                valueKind: "share" | "per-1000";
              };
              minDenominator: number;
              participants: {
                after: {
                  denominator: number;
                  high: number | null;
                  low: number | null;
                  numerator: number;
                  rows: number;
                  skipped: number;
                  value: number | null;
                };
                before: {
                  denominator: number;
                  high: number | null;
                  low: number | null;
                  numerator: number;
                  rows: number;
                  skipped: number;
                  value: number | null;
                };
                codes: string[];
              };
              target: number;
              verdict: "too-few-to-tell" | "improved" | "worsened";
              windows: {
                after: string[];
                before: string[];
                notFinal: string[];
              };
            };
          };
        };
      };
    };
  };
  "/api/public/meetings/{id}": {
    /** A meeting with its agenda, attendees and decisions, without logging in (public ones and public items only) */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              agenda: {
                public: boolean;
                subject: {
                  id: string;
                  kind: "agreement" | "initiative";
                } | null;
                subjectTitle: string | null;
                text: string | null;
                title: string;
              }[];
              agendaCount: number;
              attendees: {
                name: string;
                organisation: string;
              }[];
              body: {
                id: string;
                kind: string;
                name: string;
              };
              changedAt: string;
              date: string;
              decisions: {
                decidedAt: string;
                id: string;
                meeting: {
                  date: string;
                  id: string;
                  title: string;
                };
                present: {
                  name: string;
                  organisation: string;
                }[];
                subjectId: string;
                subjectKind: "agreement" | "initiative";
                text: string;
              }[];
              id: string;
              may: {
                decide: boolean;
                edit: boolean;
              };
              public: boolean;
              status: "planned" | "held";
              title: string;
              version: number;
            };
          };
        };
      };
    };
  };
  "/api/public/meetings/{id}/pack": {
    /** The meeting's pack, generated now from the body's figures and work, without logging in (public ones and public items only) */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              agenda: {
                public: boolean;
                subject: {
                  id: string;
                  kind: "agreement" | "initiative";
                } | null;
                subjectTitle: string | null;
                text: string | null;
                title: string;
              }[];
              agreements: {
                changedAt: string;
                end: string | null;
                id: string;
                public: boolean;
                start: string | null;
                status: string;
                title: string;
                version: number;
              }[];
              attendees: {
                name: string;
                organisation: string;
              }[] | null;
              body: {
                id: string;
                kind: string;
                name: string;
              };
              generatedAt: string;
              indicators: {
                figures: {
                  denominator: number | null;
                  numerator: number | null;
                  period: string;
                  suppressed: boolean;
                  value: number | null;
                }[];
                higherIsBetter: boolean | null;
                id: string;
                sector: string | null;
                title: {
                  da: string;
                  en: string;
                };
                valueKind: string;
              }[];
              indicatorsComputedAt: string | null;
              initiatives: {
                changedAt: string;
                end: string | null;
                id: string;
                public: boolean;
                start: string | null;
                status: string;
                title: string;
                version: number;
              }[];
              meeting: {
                date: string;
                id: string;
                public: boolean;
                status: string;
                title: string;
              };
              months: string[];
              publicOnly: boolean;
              since: {
                date: string;
                meetingId: string;
              } | null;
              unresolved: {
                count: number;
                groups: {
                  count: number;
                  hospital: string;
                  receiver: string;
                  sector: string;
                }[] | null;
              };
            };
          };
        };
      };
    };
  };
  "/api/public/meetings/{id}/pack.pdf": {
    /** The meeting's pack printed as PDF (503 when Chromium is missing), without logging in (public ones and public items only) */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content?: never;
        };
      };
    };
  };
  "/api/regions": {
    /** The regions on a date, their committee (until 2026) and their bodies */
    get: {
      parameters: {
        query?: {
          /** The date to answer for (YYYY-MM-DD); default today in Denmark */
          date?: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              bodyIds: string[];
              code: string;
              codeVerified: boolean;
              committee: {
                name: string;
                verified: boolean;
              } | null;
              name: string;
              seat: string | null;
              validFrom: string;
              validTo: string | null;
            }[];
          };
        };
      };
    };
  };
  "/api/stays/{stayId}/discharge": {
    /** Discharge from the hospital view (where no HospitalNotification has told it): creates the handovers, with the hospital's note to the receivers */
    post: {
      parameters: {
        path: {
          stayId: string;
        };
      };
      requestBody: {
        content: {
          "application/json": {
            dischargedAt?: string;
            note?: string;
          };
        };
      };
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              status: string;
              stayId: string;
            };
          };
        };
      };
    };
  };
  "/api/structure/today": {
    /** The date the structure answers for when no date is given: today in Denmark */
    get: {
      parameters: Record<string, never>;
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              date: string;
            };
          };
        };
      };
    };
  };
  "/api/structure/versions": {
    /** The structure versions loaded: the dates on which the structure changed */
    get: {
      parameters: Record<string, never>;
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              asOf: string;
              summary: Record<string, number>;
            }[];
          };
        };
      };
    };
  };
  "/fhir/$process-message": {
    /** Receive a MedCom HospitalNotification; answers with a MedCom Acknowledgement */
    post: {
      parameters: Record<string, never>;
      responses: {
        /** Default Response */
        200: {
          content?: never;
        };
      };
    };
  };
  "/fhir/Encounter": {
    /** A patient's hospital stays as Encounters (audited) */
    get: {
      parameters: {
        query: {
          patient: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content?: never;
        };
      };
    };
  };
  "/fhir/EpisodeOfCare": {
    /** A patient's episodes of care (forløb), one per hospital stay (audited) */
    get: {
      parameters: {
        query: {
          patient: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content?: never;
        };
      };
    };
  };
  "/fhir/Patient/{id}": {
    /** A citizen as a FHIR Patient (audited) */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content?: never;
        };
      };
    };
  };
  "/fhir/Task": {
    /** The acting organisation's handovers as Tasks (its worklist; by default those still requested or rejected) */
    get: {
      parameters: {
        query?: {
          status?: string;
          _count?: number;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content?: never;
        };
      };
    };
  };
  "/fhir/Task/{id}": {
    /** One handover as a Task, with its version as ETag (404 unless on your worklist) */
    get: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content?: never;
        };
      };
    };
    /** Accept (confirm) or reject (decline, with statusReason) a Task, giving the version read as If-Match */
    put: {
      parameters: {
        path: {
          id: string;
        };
      };
      responses: {
        /** Default Response */
        200: {
          content?: never;
        };
      };
    };
  };
  "/fhir/metadata": {
    /** CapabilityStatement */
    get: {
      parameters: Record<string, never>;
      responses: {
        /** Default Response */
        200: {
          content?: never;
        };
      };
    };
  };
  "/healthz": {
    /** Liveness: the process is up */
    get: {
      parameters: Record<string, never>;
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              status: "ok";
            };
          };
        };
      };
    };
  };
  "/readyz": {
    /** Readiness: the database answers */
    get: {
      parameters: Record<string, never>;
      responses: {
        /** Default Response */
        200: {
          content: {
            "application/json": {
              engine: "pglite" | "postgres";
              status: "ready";
            };
          };
        };
      };
    };
  };
}

export interface components {
  schemas: {
    Problem: {
      code: "TOV_ERR_VALIDATION" | "TOV_ERR_BAD_JSON" | "TOV_ERR_BAD_REQUEST" | "TOV_ERR_BAD_URL" | "TOV_ERR_UNAUTHENTICATED" | "TOV_ERR_LOGIN_FAILED" | "TOV_ERR_FORBIDDEN" | "TOV_ERR_CSRF" | "TOV_ERR_NO_RELATION" | "TOV_ERR_CONFLICT" | "TOV_ERR_PRECONDITION_REQUIRED" | "TOV_ERR_LOGIN_LOCKED" | "TOV_ERR_OIDC" | "TOV_ERR_ROUTE_NOT_FOUND" | "TOV_ERR_NOT_FOUND" | "TOV_ERR_METHOD_NOT_ALLOWED" | "TOV_ERR_REQUEST_TIMEOUT" | "TOV_ERR_PAYLOAD_TOO_LARGE" | "TOV_ERR_URI_TOO_LONG" | "TOV_ERR_UNSUPPORTED_MEDIA_TYPE" | "TOV_ERR_HEADERS_TOO_LARGE" | "TOV_ERR_STRUCTURE_INVALID" | "TOV_ERR_STRUCTURE_OUTDATED" | "TOV_ERR_RATE_LIMITED" | "TOV_ERR_INTERNAL" | "TOV_ERR_UNAVAILABLE";
      detail: string;
      errors?: {
        /** Dotted path of the field, e.g. "date" or "bodies.3.municipalityCodes". */
        field: string;
        i18n?: {
          key: string;
          values?: Record<string, string | number>;
        };
        /** Where the field is: "body", "query", "params", "headers" or "file". */
        in: string;
        reason: string;
      }[];
      /** The detail as a key and values, for a client to say in its user's language. */
      i18n?: {
        key: string;
        values?: Record<string, string | number>;
      };
      instance: string;
      requestId: string;
      status: number;
      title: string;
      type: string;
    };
  };
}

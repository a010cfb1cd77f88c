import {
  type AgreementStatus,
  commentRefusal,
  EDITOR_ROLES,
  editRefusal,
  type MemberRole,
  nextStatus,
  stepRefusal,
} from "./model.ts";
import type { CommentRow, VersionRow } from "./store.ts";

export type BodyRef = { id: string; name: string; kind: string };

/** Who made a change and when, as the agreement page shows it. */
export type ChangeView = {
  at: string;
  byName: string | null;
  byOrganisation: string | null;
  byRole: string | null;
};

export type AgreementSummary = {
  id: string;
  body: BodyRef;
  status: AgreementStatus;
  version: number;
  title: string;
  summary: string;
  public: boolean;
  commitmentCount: number;
  changedAt: string;
};

export type AgreementView = AgreementSummary & {
  commitments: VersionRow["commitments"];
  /** Each step of the lifecycle taken so far, the draft's creation first. */
  steps: (ChangeView & { status: AgreementStatus; version: number })[];
  /** Every version, oldest first: what changed, who and when. */
  versions: (ChangeView & {
    version: number;
    status: AgreementStatus;
    change: VersionRow["change"];
    title: string;
  })[];
  comments: {
    id: string;
    version: number;
    text: string;
    at: string;
    byName: string;
    byOrganisation: string;
  }[];
  /** What the reader may do now, so the page offers only that. */
  may: { edit: boolean; step: AgreementStatus | null; comment: boolean };
};

function change(v: VersionRow): ChangeView {
  return {
    at: v.at.toISOString(),
    byName: v.byName,
    byOrganisation: v.byOrganisation,
    byRole: v.byRole,
  };
}

export function summaryOf(current: VersionRow, body: BodyRef): AgreementSummary {
  return {
    id: current.agreementId,
    body,
    status: current.status,
    version: current.version,
    title: current.title,
    summary: current.summary,
    public: current.public,
    commitmentCount: current.commitments.length,
    changedAt: current.at.toISOString(),
  };
}

/** The agreement as its page shows it: the current version, its history, steps and comments. */
export function viewOf(
  all: VersionRow[],
  comments: CommentRow[],
  body: BodyRef,
  role: MemberRole | null,
): AgreementView {
  const current = all.at(-1);
  if (!current) throw new Error("an agreement without versions");
  const next = nextStatus(current.status);
  return {
    ...summaryOf(current, body),
    commitments: current.commitments,
    steps: all
      .filter((v) => v.change !== "edited")
      .map((v) => ({ ...change(v), status: v.status, version: v.version })),
    versions: all.map((v) => ({
      ...change(v),
      version: v.version,
      status: v.status,
      change: v.change,
      title: v.title,
    })),
    comments: comments.map((c) => ({ ...c, at: c.at.toISOString() })),
    may: {
      edit: editRefusal(current.status, role) === null,
      step: next && stepRefusal(current.status, next, role) === null ? next : null,
      comment: commentRefusal(current.status, role) === null,
    },
  };
}

/** Whether a role writes agreements (for the body's list page: "Ny aftale"). */
export function mayDraft(role: MemberRole | null): boolean {
  return role !== null && EDITOR_ROLES.includes(role);
}

import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { BodyKind } from "../api/types";
import { Icon } from "../components/Icon";
import { bodyPath } from "../structure/paths";
import { agreementsPath } from "./paths";
import { useAgreementText } from "./text";

/**
 * Forside › the body › Aftaler (› the agreement's title, where one is shown);
 * `section` names another of the body's sections (Initiativer) and its address.
 */
export function Breadcrumbs({
  body,
  current,
  section,
}: {
  body: { id: string; name: string; kind: string };
  current?: string;
  section?: { label: string; to: string };
}) {
  const t = useAgreementText();
  const { t: tApp } = useTranslation();
  const kind = body.kind as BodyKind;
  const items = [
    { to: "/", label: tApp("nav.bodies") },
    { to: bodyPath(body.id, kind), label: body.name },
    ...(current
      ? [section ?? { to: agreementsPath(body.id, kind), label: t("agreements.title") }]
      : []),
  ];
  return (
    <nav className="breadcrumbs" aria-label={t("agreements.breadcrumb")}>
      <ol className="breadcrumbs__list">
        {items.map((item, i) => (
          <li key={item.to} className="breadcrumbs__list-item">
            {i > 0 && <Icon name="chevron-right" />}
            <Link className="breadcrumbs__link" to={item.to}>
              {item.label}
            </Link>
          </li>
        ))}
        <li className="breadcrumbs__list-item" aria-current="page">
          <Icon name="chevron-right" />
          {current ?? section?.label ?? t("agreements.title")}
        </li>
      </ol>
    </nav>
  );
}

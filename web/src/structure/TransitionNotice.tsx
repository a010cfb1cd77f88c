import { Link } from "react-router";
import { formatDate, formatShortDate } from "../format";
import { addDays } from "./dates";
import { reformPath } from "./paths";
import { useStructureText } from "./text";
import { dateParam } from "./useStructureDate";

/**
 * In the months around a change: what the map's tooltips show, and links to
 * both sides of it, for those who do not point at the map.
 */
export function TransitionNotice({ change, date }: { change: string; date: string }) {
  const { t } = useStructureText();
  const before = addDays(change, -1);
  const linkTo = (day: string) => (
    <Link to={`/?${dateParam}=${day}`} aria-current={day === date ? "true" : undefined}>
      {t("transition.structureOn", { date: formatShortDate(day) })}
    </Link>
  );
  return (
    <div className="alert alert-info transition-notice">
      <div className="alert-body">
        <h2 className="alert-heading h4">
          {t(date < change ? "transition.headingComing" : "transition.headingDone", {
            date: formatDate(change),
          })}
        </h2>
        <p className="alert-text">{t("transition.text")}</p>
        <ul className="transition-links">
          <li>{linkTo(before)}</li>
          <li>{linkTo(change)}</li>
          <li>
            <Link to={reformPath}>{t("transition.reformLink")}</Link>
          </li>
        </ul>
      </div>
    </div>
  );
}

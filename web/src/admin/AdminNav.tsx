import { NavLink } from "react-router";
import { useOperationsText } from "./text";

const PAGES = [
  { to: "/admin/brugere", key: "adminNav.users" },
  { to: "/admin/beskeder", key: "adminNav.messages" },
  { to: "/admin/organisationer", key: "adminNav.units" },
  { to: "/admin/webhooks", key: "adminNav.webhooks" },
] as const;

/** Moves between the administration pages. */
export function AdminNav() {
  const o = useOperationsText();
  return (
    <nav className="admin-nav" aria-label={o("adminNav.label")}>
      <ul className="nobullet-list">
        {PAGES.map((page) => (
          <li key={page.to}>
            <NavLink to={page.to}>{o(page.key)}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

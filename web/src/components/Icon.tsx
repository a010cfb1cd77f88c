import sprite from "@dkfds/img/all-svg-icons.svg";

/** A decorative icon from the dkfds icon sprite, e.g. "chevron-right". */
export function Icon({ name, className }: { name: string; className?: string }) {
  return (
    <svg
      className={className ? `icon-svg ${className}` : "icon-svg"}
      aria-hidden="true"
      focusable="false"
    >
      <use href={`${sprite}#${name}`} />
    </svg>
  );
}

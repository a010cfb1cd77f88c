/** A legend entry's mark, drawn as in the chart: a point's shape or a line's dash. */
export type LegendMark =
  | { kind: "point"; shape: "circle" | "rect" | "triangle" | "diamond"; colour: string }
  | {
      kind: "line";
      dash: "solid" | "dashed" | "dotted";
      colour: string;
      shape?: "circle" | "rect" | "triangle" | "diamond";
    }
  | { kind: "band"; colour: string };

export type LegendItem = { label: string; mark: LegendMark };

const dashes = { solid: undefined, dashed: "5 3", dotted: "1.5 2.5" } as const;

function Shape({
  shape,
  colour,
  x,
  size,
}: {
  shape: string;
  colour: string;
  x: number;
  size: number;
}) {
  const h = size / 2;
  if (shape === "rect")
    return <rect x={x - h} y={8 - h} width={size} height={size} fill={colour} />;
  if (shape === "triangle")
    return <polygon points={`${x},${8 - h} ${x + h},${8 + h} ${x - h},${8 + h}`} fill={colour} />;
  if (shape === "diamond")
    return <polygon points={`${x},${8 - h} ${x + h},8 ${x},${8 + h} ${x - h},8`} fill={colour} />;
  return <circle cx={x} cy={8} r={h} fill={colour} />;
}

function Mark({ mark }: { mark: LegendMark }) {
  return (
    <svg
      className="legend-mark"
      width="28"
      height="16"
      viewBox="0 0 28 16"
      aria-hidden="true"
      focusable="false"
    >
      {mark.kind === "band" && <rect x="2" y="3" width="24" height="10" fill={mark.colour} />}
      {mark.kind === "line" && (
        <line
          x1="1"
          y1="8"
          x2="27"
          y2="8"
          stroke={mark.colour}
          strokeWidth="2"
          strokeDasharray={dashes[mark.dash]}
        />
      )}
      {mark.kind === "line" && mark.shape && (
        <Shape shape={mark.shape} colour={mark.colour} x={14} size={8} />
      )}
      {mark.kind === "point" && <Shape shape={mark.shape} colour={mark.colour} x={14} size={11} />}
    </svg>
  );
}

/**
 * The key to a chart, in the page rather than in the picture: it wraps on a narrow
 * screen, is read by screen readers, and shows each series' shape and dash, not
 * only its colour.
 */
export function ChartLegend({ items, label }: { items: readonly LegendItem[]; label: string }) {
  return (
    <ul className="nobullet-list chart-legend" aria-label={label}>
      {items.map((item) => (
        <li key={item.label} className="chart-legend-item">
          <Mark mark={item.mark} />
          {item.label}
        </li>
      ))}
    </ul>
  );
}

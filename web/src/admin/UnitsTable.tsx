import { ScrollableTable } from "../app/ScrollableTable";
import { useOperationsText } from "./text";
import { type OrganisationUnit, UNIT_TYPES, type UnitType } from "./types";

const isUnitType = (v: string | null): v is UnitType =>
  v !== null && (UNIT_TYPES as readonly string[]).includes(v);

export function UnitsTable({ units }: { units: OrganisationUnit[] }) {
  const o = useOperationsText();
  if (units.length === 0) return <p>{o("units.none")}</p>;
  return (
    <ScrollableTable label={o("units.title")}>
      <table className="table table--zebra units-table">
        <caption className="sr-only">{o("units.title")}</caption>
        <thead>
          <tr>
            <th scope="col">{o("units.columns.name")}</th>
            <th scope="col">{o("units.columns.sor")}</th>
            <th scope="col">{o("units.columns.gln")}</th>
            <th scope="col">{o("units.columns.type")}</th>
            <th scope="col">{o("units.columns.belongsTo")}</th>
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr key={u.id}>
              <td>
                {u.name}
                {u.synthetic && (
                  <span className="badge badge-small synthetic-badge">{o("units.synthetic")}</span>
                )}
              </td>
              <td className="sor-code">{u.sorCode ?? "–"}</td>
              <td>{u.gln ?? "–"}</td>
              <td>
                {o(`units.kinds.${u.kind}`)}
                {isUnitType(u.unitType) && u.unitType !== u.kind && (
                  <span className="d-block">{o(`units.unitTypes.${u.unitType}`)}</span>
                )}
              </td>
              <td>
                {u.hospitalName ?? u.municipalityName ?? "–"}
                {u.providerNumber && (
                  <span className="d-block">
                    {o("units.providerNumber", { number: u.providerNumber })}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}

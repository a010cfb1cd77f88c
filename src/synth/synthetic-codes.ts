import { glnCheckDigit } from "../interop/medcom/codes.ts";

/**
 * SOR codes and GLNs for the synthetic organisation units. They start with
 * 99x and 5799991–3, ranges no real unit uses and apart from the demo's
 * hand-made units (999999999…, 579999000…), so synthetic data can never be
 * mistaken for, or collide with, a real unit.
 */

export const DEPARTMENTS = [
  { key: "medicin", name: "Medicinsk Afdeling" },
  { key: "kirurgi", name: "Kirurgisk Afdeling" },
  { key: "ortopaedi", name: "Ortopædkirurgisk Afdeling" },
  { key: "obstetrik", name: "Gynækologisk-obstetrisk Afdeling" },
] as const;
export type DepartmentKey = (typeof DEPARTMENTS)[number]["key"];

const gln = (twelve: string) => `${twelve}${glnCheckDigit(twelve)}`;
const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** The municipality's unit that receives hospital notifications (visitation). */
export function municipalityUnit(code: string, name: string) {
  return {
    sor: `9980000${code}001`,
    gln: gln(`5799991${code}00`),
    name: `${name} Kommune, Visitationen`,
  };
}

/** A department of the hospital with the given index in the generator's hospital list. */
export function hospitalDepartment(hospitalIndex: number, hospitalName: string, dept: number) {
  const department = DEPARTMENTS[dept];
  if (!department) throw new Error(`no department ${dept}`);
  return {
    sor: `997${pad(hospitalIndex, 3)}${pad(dept, 2)}00001`,
    gln: gln(`5799992${pad(hospitalIndex, 3)}${pad(dept, 2)}`),
    name: `${hospitalName}, ${department.name}`,
  };
}

export function practiceUnitSor(providerNumber: string): string {
  return `996${providerNumber}0001`;
}

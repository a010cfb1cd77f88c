/**
 * The check: DuckDB's cells against the product's `indicator_cell` and
 * `indicator_population`, exported after the refresh. Both at the product's
 * grain (attribution, month, unit key, age band, sex, group) and summed per
 * municipality and month (residence), which is what the map shows. A cell
 * missing on one side counts as zero there.
 */

import path from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

export type Comparison = {
  /** Per indicator: cells compared at full grain, and how many differ. */
  fine: { indicator: string; cells: number; differ: number }[];
  /** Per indicator (residence): municipality-months compared, how many differ, and the totals. */
  perMunicipalityMonth: {
    indicator: string;
    cells: number;
    differ: number;
    productNumerator: number;
    duckNumerator: number;
    productDenominator: number;
    duckDenominator: number;
  }[];
  /** The first differing cells, as text. */
  examples: string[];
  /** DuckDB's cells of months after the product's last, left out. */
  laterCells: number;
};

async function rowsOf(c: DuckDBConnection, statement: string) {
  return (await c.runAndReadAll(statement)).getRowObjectsJson() as Record<
    string,
    string | number | boolean | null
  >[];
}

const CELL_DIFF = `
  create or replace table cell_diff as
  select indicator, attribution, month, key, age_band, sex, sector, grp,
    p.numerator as p_num, d.numerator as d_num, p.denominator as p_den, d.denominator as d_den,
    p.amount as p_amount, d.amount as d_amount
  from product_cell p full outer join duck_cell d
    using (indicator, attribution, month, key, age_band, sex, sector, grp)`;

const POPULATION_DIFF = `
  create or replace table population_diff as
  select month, attribution, key, age_band, sex, p.persons as p_persons, d.persons as d_persons
  from product_population p full outer join duck_population d
    using (month, attribution, key, age_band, sex)`;

const DIFFERS = `(coalesce(p_num, 0) <> coalesce(d_num, 0) or coalesce(p_den, 0) <> coalesce(d_den, 0)
  or coalesce(p_amount, 0) <> coalesce(d_amount, 0))`;

/**
 * `lastMonth`: the product computes months up to its clock's; a stay that the
 * data says ends later (a long one begun at the year's end) gives DuckDB cells
 * of a month the product has not reached, which are left out and counted.
 */
export async function compareWithProduct(
  c: DuckDBConnection,
  dir: string,
  lastMonth: string,
): Promise<Comparison> {
  const file = (name: string) => quote(path.join(dir, `${name}.parquet`));
  const later = await rowsOf(
    c,
    `select (select count(*) from duck_cell where month > ${quote(lastMonth)})
       + (select count(*) from duck_population where month > ${quote(lastMonth)}) as n`,
  );
  await c.run(`delete from duck_cell where month > ${quote(lastMonth)}`);
  await c.run(`delete from duck_population where month > ${quote(lastMonth)}`);
  await c.run(
    `create or replace table product_cell as select * from read_parquet(${file("product_cells")})`,
  );
  await c.run(
    `create or replace table product_population as select * from read_parquet(${file("product_population")})`,
  );
  await c.run(CELL_DIFF);
  await c.run(POPULATION_DIFF);
  const fine = await rowsOf(
    c,
    `select indicator, count(*) as cells, count(*) filter (where ${DIFFERS}) as differ
     from cell_diff group by 1
     union all
     select 'population', count(*), count(*) filter (where coalesce(p_persons, 0) <> coalesce(d_persons, 0))
     from population_diff order by 1`,
  );
  const perMunicipalityMonth = await rowsOf(
    c,
    `with m as (
       select indicator, month, key, sum(p_num) as p_num, sum(d_num) as d_num,
         sum(p_den) as p_den, sum(d_den) as d_den, sum(p_amount) as p_amount, sum(d_amount) as d_amount
       from cell_diff where attribution = 'residence' group by all
       union all
       select 'population', month, key, sum(p_persons), sum(d_persons), null, null, null, null
       from population_diff where attribution = 'residence' group by all
     )
     select indicator, count(*) as cells, count(*) filter (where ${DIFFERS}) as differ,
       coalesce(sum(p_num), 0) as "productNumerator", coalesce(sum(d_num), 0) as "duckNumerator",
       coalesce(sum(p_den), 0) as "productDenominator", coalesce(sum(d_den), 0) as "duckDenominator"
     from m group by 1 order by 1`,
  );
  const examples = await rowsOf(
    c,
    `(select indicator || ' ' || attribution || ' ' || month || ' key ' || key || ' ' || sector || ' ' || age_band || ' '
        || sex || ' ' || grp || ': product ' || coalesce(p_num::text, '-') || '/' || coalesce(p_den::text, '-')
        || '/' || coalesce(p_amount::text, '-') || ', duckdb ' || coalesce(d_num::text, '-') || '/'
        || coalesce(d_den::text, '-') || '/' || coalesce(d_amount::text, '-') as line
      from cell_diff where ${DIFFERS} order by all limit 10)
     union all
     (select 'population ' || attribution || ' ' || month || ' key ' || key || ' ' || age_band || ' ' || sex
        || ': product ' || coalesce(p_persons::text, '-') || ', duckdb ' || coalesce(d_persons::text, '-')
      from population_diff where coalesce(p_persons, 0) <> coalesce(d_persons, 0) order by all limit 10)`,
  );
  return {
    laterCells: Number(later[0]?.n ?? 0),
    fine: fine.map((r) => ({
      indicator: String(r.indicator),
      cells: Number(r.cells),
      differ: Number(r.differ),
    })),
    perMunicipalityMonth: perMunicipalityMonth.map((r) => ({
      indicator: String(r.indicator),
      cells: Number(r.cells),
      differ: Number(r.differ),
      productNumerator: Number(r.productNumerator),
      duckNumerator: Number(r.duckNumerator),
      productDenominator: Number(r.productDenominator),
      duckDenominator: Number(r.duckDenominator),
    })),
    examples: examples.map((r) => String(r.line)),
  };
}

import { useMemo, useState } from 'react';
import { useQuery } from '../api';
import { useConfig } from '../config';
import { formatMonth } from '../dates';
import { graphql } from '../gql';
import { label, messages as m } from '../messages';
import { Errors, Loading, PageTitle } from '../ui';

const TerritoriesQuery = graphql(`
  query ConsoleTerritories {
    territories {
      oktmo
      name
    }
  }
`);

const ResourceMapQuery = graphql(`
  query ConsoleResourceMap($oktmo: ID!, $fromMonth: String!, $toMonth: String!) {
    territory(oktmo: $oktmo) {
      oktmo
      name
      resourceMap {
        agencies
        missingAgencies
        coverage {
          serviceKind
          providers
          capacityTotal
          capacityAvailable
          queueLength
          demand
          gap
        }
        supply {
          agency
          name
          serviceKind
          capacityTotal
          capacityAvailable
          queueLength
          unit
        }
        demand {
          peopleByTargetCategory {
            kind
            value
            count
          }
          byServiceKind {
            kind
            value
            count
          }
        }
      }
    }
    statistics(fromMonth: $fromMonth, toMonth: $toMonth, territoryOktmo: $oktmo) {
      missingAgencies
      cells {
        agency
        indicator
        month
        targetCategory
        count
        suppressed
        value
      }
    }
  }
`);

/** A count as released: «<10» stays «<10» (seed 003 §34.8), with its meaning for a screen reader. */
function Released({ value, suppressed }: { value: string | number | null | undefined; suppressed?: boolean }) {
  const text = value === null || value === undefined ? '—' : String(value);
  if (suppressed || text === '<10')
    return (
      <span className="suppressed" title={m.map.suppressedHelp} data-testid="suppressed">
        {'<10'}
      </span>
    );
  return <>{text}</>;
}

function monthsBack(today: string, count: number): [string, string] {
  const [y, mo] = today.split('-').map(Number);
  const from = new Date(Date.UTC(y, mo - 1 - (count - 1), 1));
  return [`${from.getUTCFullYear()}-${String(from.getUTCMonth() + 1).padStart(2, '0')}`, `${y}-${String(mo).padStart(2, '0')}`];
}

/** Screen 6: supply, demand and coverage gaps of a territory, and its monthly statistics, without personal data. */
export default function ResourceMap() {
  const config = useConfig();
  const territories = useQuery(TerritoriesQuery, {});
  const [oktmo, setOktmo] = useState('25701000');
  const [fromMonth, toMonth] = monthsBack(config.today, 12);
  const { data, errors, loading } = useQuery(ResourceMapQuery, { oktmo, fromMonth, toMonth });
  const map = data?.territory?.resourceMap;
  const cells = data?.statistics?.cells ?? [];
  const indicators = [...new Set(cells.map((c) => c.indicator))];
  const [indicator, setIndicator] = useState('');
  const chosen = indicator || (indicators.includes('SIGNALS_RECEIVED') ? 'SIGNALS_RECEIVED' : indicators[0]) || '';
  return (
    <section>
      <PageTitle>{m.map.title}</PageTitle>
      <Errors errors={[...territories.errors, ...errors]} />
      <div className="filters">
        <label>
          {m.map.territory}
          <select value={oktmo} onChange={(e) => setOktmo(e.target.value)}>
            {(territories.data?.territories ?? [{ oktmo, name: oktmo }]).map((t) => (
              <option key={t.oktmo} value={t.oktmo}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted">{m.map.suppressedHelp}</p>
      {loading && !data ? (
        <Loading />
      ) : map ? (
        <>
          {map.missingAgencies.length > 0 && (
            <p role="note">{m.map.missing(map.missingAgencies.map((a) => label(m.agencies, a)).join(', '))}</p>
          )}
          <div className="columns">
            <table data-testid="coverage">
              <caption>{m.map.coverage}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.map.serviceKind}</th>
                  <th scope="col">{m.map.providers}</th>
                  <th scope="col">{m.map.capacity}</th>
                  <th scope="col">{m.map.available}</th>
                  <th scope="col">{m.map.queue}</th>
                  <th scope="col">{m.map.demandCol}</th>
                  <th scope="col">{m.map.gap}</th>
                </tr>
              </thead>
              <tbody>
                {map.coverage.map((c) => (
                  <tr key={c.serviceKind} className={c.gap !== 'NONE' ? 'gap-row' : undefined}>
                    <th scope="row">{label(m.serviceKinds, c.serviceKind)}</th>
                    <td>{c.providers}</td>
                    <td>{c.capacityTotal ?? '—'}</td>
                    <td>{c.capacityAvailable ?? '—'}</td>
                    <td>{c.queueLength}</td>
                    <td>
                      <Released value={c.demand} />
                    </td>
                    <td>{label(m.map.gaps, c.gap)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table data-testid="demand">
              <caption>{m.map.demand}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.map.category}</th>
                  <th scope="col">{m.map.people}</th>
                </tr>
              </thead>
              <tbody>
                {(map.demand?.peopleByTargetCategory ?? []).map((k) => (
                  <tr key={k.kind}>
                    <th scope="row">{label(m.categories, k.kind)}</th>
                    <td>
                      <Released value={k.value} suppressed={k.count === null} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <table data-testid="supply">
            <caption>{m.map.supply}</caption>
            <thead>
              <tr>
                <th scope="col">{m.map.provider}</th>
                <th scope="col">{m.map.agency}</th>
                <th scope="col">{m.map.serviceKind}</th>
                <th scope="col">{m.map.capacity}</th>
                <th scope="col">{m.map.available}</th>
                <th scope="col">{m.map.queue}</th>
              </tr>
            </thead>
            <tbody>
              {map.supply.map((s, i) => (
                <tr key={i}>
                  <th scope="row">{s.name}</th>
                  <td>{label(m.agencies, s.agency)}</td>
                  <td>{label(m.serviceKinds, s.serviceKind)}</td>
                  <td>{s.capacityTotal ?? '—'}</td>
                  <td>{s.capacityAvailable ?? '—'}</td>
                  <td>{s.queueLength ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      <section aria-labelledby="stats-h">
        <h2 id="stats-h">{m.map.statistics}</h2>
        <label>
          {m.map.indicator}
          <select value={chosen} onChange={(e) => setIndicator(e.target.value)}>
            {indicators.map((i) => (
              <option key={i} value={i}>
                {label(m.indicators, i)}
              </option>
            ))}
          </select>
        </label>
        <MonthlyChart
          cells={cells.filter((c) => c.indicator === chosen)}
          months={monthList(fromMonth, toMonth)}
          title={label(m.indicators, chosen)}
        />
      </section>
    </section>
  );
}

function monthList(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, mo] = from.split('-').map(Number);
  for (;;) {
    const month = `${y}-${String(mo).padStart(2, '0')}`;
    out.push(month);
    if (month >= to || out.length > 36) return out;
    mo += 1;
    if (mo > 12) {
      mo = 1;
      y += 1;
    }
  }
}

interface Cell {
  month: string;
  count?: number | null;
  suppressed: boolean;
}

/**
 * Monthly totals drawn as bars in plain SVG. A month with a suppressed cell is shown as «<10» and its bar is not drawn:
 * adding the released cells would let one compute the hidden one back.
 */
function MonthlyChart({ cells, months, title }: { cells: Cell[]; months: string[]; title: string }) {
  const bars = useMemo(
    () =>
      months.map((month) => {
        const of = cells.filter((c) => c.month === month);
        const suppressed = of.some((c) => c.suppressed);
        return { month, suppressed, total: suppressed ? null : of.reduce((sum, c) => sum + (c.count ?? 0), 0) };
      }),
    [cells, months],
  );
  const max = Math.max(1, ...bars.map((b) => b.total ?? 0));
  const step = 58;
  const width = step * bars.length + 40;
  const height = 180;
  if (!cells.length) return <p>{m.map.noData}</p>;
  return (
    <figure>
      <svg width={width} height={height + 40} role="img" aria-labelledby="chart-title chart-desc" className="chart">
        <title id="chart-title">{m.map.chartLabel(title)}</title>
        <desc id="chart-desc">{bars.map((b) => `${formatMonth(b.month)}: ${b.suppressed ? '<10' : b.total}`).join('; ')}</desc>
        <line x1={30} y1={height} x2={width} y2={height} stroke="#333" />
        {bars.map((b, i) => {
          const h = b.total === null ? 0 : Math.round((b.total / max) * (height - 30));
          const x = 36 + i * step;
          return (
            <g key={b.month}>
              {b.suppressed ? (
                <rect x={x} y={height - 20} width={40} height={20} fill="none" stroke="#555" strokeDasharray="3 2" />
              ) : (
                <rect x={x} y={height - h} width={40} height={h} fill="#1f5fa8" />
              )}
              <text x={x + 20} y={height - Math.max(h, 20) - 4} textAnchor="middle" fontSize={11} fill="#1a1a1a">
                {b.suppressed ? '<10' : b.total}
              </text>
              <text x={x + 20} y={height + 16} textAnchor="middle" fontSize={10} fill="#1a1a1a">
                {formatMonth(b.month)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

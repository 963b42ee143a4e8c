/** The meeting page's view model: pure functions from the edited batches to its tables. */
import type { BatchKpis } from '../../analysis/kpis';
import type { MeetingKpis } from '../../analysis/meeting';

/** One row of the KPI table. */
export interface KpiRow {
  scope: 'meeting' | 'chain' | 'bank';
  /** Meeting, chain or bank id. */
  key: string;
  label: string;
  kpis: BatchKpis;
}

/**
 * The KPI table's rows: the meeting first, then its chains, then its banks (each in the order of
 * `groupKpis`, by id), labelled by `nameOf`.
 * @example buildKpiRows('m1', kpis, (scope, id) => id)
 * // → [{ scope: 'meeting', key: 'm1', … }, { scope: 'chain', key: 'nev', … }, { scope: 'bank', key: 'b1', … }, …]
 */
export function buildKpiRows(
  meetingId: string,
  kpis: MeetingKpis,
  nameOf: (scope: KpiRow['scope'], id: string) => string,
): KpiRow[] {
  return [
    { scope: 'meeting', key: meetingId, label: nameOf('meeting', meetingId), kpis: kpis.meeting },
    ...kpis.byChain.map((g): KpiRow => ({
      scope: 'chain',
      key: g.key,
      label: nameOf('chain', g.key),
      kpis: g.kpis,
    })),
    ...kpis.byBank.map((g): KpiRow => ({
      scope: 'bank',
      key: g.key,
      label: nameOf('bank', g.key),
      kpis: g.kpis,
    })),
  ];
}

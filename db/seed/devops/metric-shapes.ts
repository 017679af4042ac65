/**
 * SQL expressions of the demo metrics, evaluated per (server, minute) inside one
 * INSERT … SELECT per metric. In scope: `p.*` (the server's profile, see demo-profiles.ts)
 * and `c.*`, the minute's clock, computed once per minute in a materialized CTE
 * (`clockSql`): `c.m` (minutes since the Unix epoch), `c.e` (seconds), `c.hod` (local hour
 * of day, Algiers = UTC+1), `c.daily` (0 at 03:00, 1 at 15:00), `c.week` (0.65 on the
 * Friday–Saturday weekend), `c.night` (1 between 01:00 and 03:00), `c.wave` (a slow wave),
 * `c.leak` (0..1 sawtooth restarting at 04:00); `n1`, `n2` are deterministic noise in
 * [-1, 1], hashed from the server and the minute.
 */
export function clockSql(fromEpoch: number, minutes: number): string {
  // Every column float8 (numeric arithmetic per row would triple the insert time).
  return `select m, e, to_timestamp(e) as ts, hod,
      0.5 - 0.5 * cos(2 * pi() * (hod - 3) / 24) as daily,
      case when dow in (5, 6) then 0.65::float8 else 1::float8 end as week,
      case when hod >= 1 and hod < 3 then 1::float8 else 0::float8 end as night,
      sin(e / 5400) as wave,
      (hod + 20 - 24 * floor((hod + 20) / 24)) / 24 as leak
    from (
      select m, e, (e + 3600) / 3600 - 24 * floor((e + 3600) / 86400) as hod, mod(floor((e + 3600) / 86400)::bigint + 4, 7) as dow
      from (select m, (60 * m)::float8 as e from generate_series(${Math.floor(fromEpoch / 60)}::bigint, ${Math.floor(fromEpoch / 60) + minutes - 1}::bigint) as m) as y
    ) as x`;
}

const n1 = `(hashint8(p.seed * 100000000 + c.m)::float8 / 2147483648)`;
const n2 = `(hashint8(p.seed * 100000000 + c.m + 50000000)::float8 / 2147483648)`;
const clamp = (expr: string, lo: number, hi: number) => `least(${hi}::float8, greatest(${lo}::float8, ${expr}))`;

/** Batch servers run a nightly job 01:00–03:00. */
const nightly = `(case when p.cls = 'batch' then c.night else 0::float8 end)`;
/** The CPU incident: 40 minutes pinned near 95 %, two days before the seed's end. */
const spike = `(p.spike and c.ts >= p.last - interval '2 days 3 hours' and c.ts < p.last - interval '2 days 2 hours 20 minutes')`;
/** The disk incident: from two days before the end, the disk fills towards 96 %. */
const filling = `least(1::float8, greatest(0::float8, (c.e - extract(epoch from p.last)::float8 + 172800) / 172800))`;
/** Slow disk growth: the share of a week since `p.origin`. */
const growth = `((c.e - p.origin) / 604800)`;
const cpu = `p.cpu_base + p.cpu_amp * c.daily * c.week + 55 * ${nightly}`;

export const metricExpressions: Record<string, string> = {
  cpu: `case when ${spike} then ${clamp(`93 + 5 * ${n1}`, 0, 100)} else ${clamp(`${cpu} + 4 * ${n1} + 3 * c.wave`, 0.5, 100)} end`,
  memory: clamp(`p.mem_base + 8 * c.daily * c.week + 10 * c.leak * p.leak + 1.5 * ${n2}`, 1, 99.5),
  disk: `case when p.fill then ${clamp(`p.disk_base + 2 * ${growth} + (94 - p.disk_base) * power(${filling}, 1.6) + 0.1 * ${n1}`, 1, 99.9)}
    else ${clamp(`p.disk_base + 2.5 * ${growth} + 0.15 * ${n1}`, 1, 99.9)} end`,
  load: clamp(`p.cores * (${cpu} + case when ${spike} then 70::float8 else 0::float8 end) / 100 * (1 + 0.25 * ${n2})`, 0, 1000),
  net_rx: clamp(`p.net * (0.15 + c.daily * c.week + 4 * ${nightly}) * (1 + 0.2 * ${n1})`, 0, 1e11),
  net_tx: clamp(`p.net * p.tx_ratio * (0.15 + c.daily * c.week + 2 * ${nightly}) * (1 + 0.2 * ${n2})`, 0, 1e11),
};

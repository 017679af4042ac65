import "server-only";

/**
 * PromQL per metric for servers scraped by Prometheus (node_exporter names). `{{selector}}`
 * becomes the label matcher of the server, `instance=~"<hostname>(:.*)?"`; `{{hostname}}`
 * the bare hostname. Override one with DIHYA_PROMQL_<METRIC> (upper case, `.` → `_`, e.g.
 * DIHYA_PROMQL_CPU, DIHYA_PROMQL_NET_RX).
 */
export const defaultPromql: Record<string, string> = {
  cpu: '100 * (1 - avg(rate(node_cpu_seconds_total{mode="idle",{{selector}}}[5m])))',
  memory: "100 * (1 - sum(node_memory_MemAvailable_bytes{{{selector}}}) / sum(node_memory_MemTotal_bytes{{{selector}}}))",
  disk: '100 * (1 - sum(node_filesystem_avail_bytes{mountpoint="/",{{selector}}}) / sum(node_filesystem_size_bytes{mountpoint="/",{{selector}}}))',
  load: "avg(node_load1{{{selector}}})",
  net_rx: 'sum(rate(node_network_receive_bytes_total{device!="lo",{{selector}}}[5m]))',
  net_tx: 'sum(rate(node_network_transmit_bytes_total{device!="lo",{{selector}}}[5m]))',
};

/** A string as the inside of a PromQL double-quoted literal. */
const quoted = (s: string) => s.replace(/\\/g, "\\\\").replace(/"/g, '\\"');
/** A string matched literally inside a (RE2) regular expression. */
const literalRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function promqlFor(metric: string, hostname: string, env: NodeJS.ProcessEnv = process.env): string {
  const override = env[`DIHYA_PROMQL_${metric.toUpperCase().replace(/\./g, "_")}`];
  // A custom metric: the gauge of the same name (dots are not allowed in Prometheus names).
  const template = override || defaultPromql[metric] || `avg(${metric.replace(/\./g, "_")}{{{selector}}})`;
  const selector = `instance=~"${quoted(`${literalRegex(hostname)}(:.*)?`)}"`;
  return template.replaceAll("{{selector}}", selector).replaceAll("{{hostname}}", quoted(hostname));
}

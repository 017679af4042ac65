#!/bin/sh
# Dihya monitoring agent: POSIX sh + curl, any Linux host.
#
# Every DIHYA_INTERVAL seconds it reads CPU (/proc/stat, % over the interval), memory used
# (/proc/meminfo), root disk used (df -P /), load (/proc/loadavg, 1 min) and network
# throughput (/proc/net/dev, bytes/s summed over every interface but lo), and POSTs one
# batch — a heartbeat and 6 points — to $DIHYA_URL/api/monitoring/metrics with the
# server's agent token. Each batch is written to a spool directory first and carries its
# own Idempotency-Key, so a retry or a resend after an outage is never counted twice;
# unsent batches are resent oldest first (at most DIHYA_SPOOL_MAX are kept, per token).
#
#   DIHYA_URL=https://dihya.example.dz DIHYA_AGENT_TOKEN=dha_… sh dihya-agent.sh          # run forever
#   DIHYA_URL=… DIHYA_AGENT_TOKEN=… sh dihya-agent.sh --once                               # one batch, then exit
#
# Exit codes (--once, or fatal errors): 0 sent; 1 not sent (kept in the spool); 2 bad
# configuration; 3 the token was refused (401/403): nothing is retried.
set -u

VERSION="1.0.0"
URL="${DIHYA_URL:-}"
TOKEN="${DIHYA_AGENT_TOKEN:-}"
INTERVAL="${DIHYA_INTERVAL:-60}"
SPOOL="${DIHYA_SPOOL:-/var/tmp/dihya-agent}"
SPOOL_MAX="${DIHYA_SPOOL_MAX:-1440}"
RETRIES="${DIHYA_RETRIES:-3}"
TIMEOUT="${DIHYA_TIMEOUT:-15}"
SAMPLE="${DIHYA_SAMPLE_SECONDS:-1}"
ONCE=0

log() { printf '%s dihya-agent: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*" >&2; }
die() {
  code="$1"
  shift
  log "$*"
  exit "$code"
}

for arg in "$@"; do
  case "$arg" in
    --once) ONCE=1 ;;
    --version) echo "dihya-agent $VERSION" && exit 0 ;;
    -h | --help)
      sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *) die 2 "unknown argument: $arg (try --help)" ;;
  esac
done

[ -n "$URL" ] || die 2 "DIHYA_URL is not set (e.g. https://dihya.example.dz)"
[ -n "$TOKEN" ] || die 2 "DIHYA_AGENT_TOKEN is not set (the server's dha_… token, shown once when created)"
case "$TOKEN" in dha_*) ;; *) die 2 "DIHYA_AGENT_TOKEN must start with dha_" ;; esac
case "$INTERVAL" in '' | *[!0-9]*) die 2 "DIHYA_INTERVAL must be a whole number of seconds" ;; esac
[ "$INTERVAL" -ge 5 ] || die 2 "DIHYA_INTERVAL must be at least 5 seconds"
command -v curl >/dev/null 2>&1 || die 2 "curl is required"
[ -r /proc/stat ] || die 2 "/proc is not readable: this agent runs on Linux"
URL="${URL%/}"
ENDPOINT="$URL/api/monitoring/metrics"

umask 077
if ! mkdir -p "$SPOOL" 2>/dev/null || [ ! -w "$SPOOL" ]; then
  SPOOL="${TMPDIR:-/tmp}/dihya-agent-$(id -u)"
  mkdir -p "$SPOOL" || die 2 "cannot create a spool directory (set DIHYA_SPOOL)"
fi
# One spool per token (a checksum of it, never the token): batches are only ever resent
# with the token of the server they were measured on.
SPOOL="$SPOOL/$(printf '%s' "$TOKEN" | cksum | cut -d ' ' -f 1)"
mkdir -p "$SPOOL" || die 2 "cannot create $SPOOL"

# --- sampling -------------------------------------------------------------------------

# "<busy jiffies> <total jiffies>" from the first line of /proc/stat (idle = idle + iowait).
cpu_counters() {
  awk '/^cpu / { t = 0; for (i = 2; i <= 9 && i <= NF; i++) t += $i; print t - $5 - $6, t; exit }' /proc/stat
}

# "<rx bytes> <tx bytes>" summed over every interface but lo.
net_counters() {
  awk 'NR > 2 { sub(/^[ \t]+/, ""); split($0, a, ":"); if (a[1] == "lo") next; split(a[2], f, " "); rx += f[1]; tx += f[9] }
       END { printf "%.0f %.0f\n", rx, tx }' /proc/net/dev
}

now_seconds() { awk '{ printf "%.3f\n", $1 }' /proc/uptime; }

memory_percent() {
  awk '/^MemTotal:/ { t = $2 } /^MemAvailable:/ { a = $2; have = 1 } /^MemFree:/ { f = $2 } /^Buffers:/ { b = $2 } /^Cached:/ { c = $2 }
       END { if (!have) a = f + b + c; if (t > 0) printf "%.2f\n", 100 * (1 - a / t) }' /proc/meminfo
}

disk_percent() {
  df -P / 2>/dev/null | awk 'NR == 2 { u = $3; v = $4; if (u + v > 0) printf "%.2f\n", 100 * u / (u + v) }'
}

load1() { awk '{ print $1 }' /proc/loadavg; }

PREV_CPU=""
PREV_NET=""
PREV_AT=""

take_counters() {
  PREV_CPU="$(cpu_counters)"
  PREV_NET="$(net_counters)"
  PREV_AT="$(now_seconds)"
}

# Writes one batch (JSON) to stdout: heartbeat + cpu, memory, disk, load, net_rx, net_tx.
# CPU and network are rates over the time since the previous counters.
make_batch() {
  cpu_now="$(cpu_counters)"
  net_now="$(net_counters)"
  at_now="$(now_seconds)"
  ts="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  uptime_s="$(awk '{ printf "%d\n", $1 }' /proc/uptime)"
  mem="$(memory_percent)"
  disk="$(disk_percent)"
  load="$(load1)"
  # shellcheck disable=SC2086
  set -- $PREV_CPU $cpu_now $PREV_NET $net_now
  cpu="$(awk -v b0="$1" -v t0="$2" -v b1="$3" -v t1="$4" 'BEGIN { d = t1 - t0; if (d > 0) { v = 100 * (b1 - b0) / d; if (v < 0) v = 0; if (v > 100) v = 100; printf "%.2f\n", v } }')"
  rates="$(awk -v r0="$5" -v x0="$6" -v r1="$7" -v x1="$8" -v s0="$PREV_AT" -v s1="$at_now" \
    'BEGIN { d = s1 - s0; if (d > 0 && r1 >= r0 && x1 >= x0) printf "%.1f %.1f\n", (r1 - r0) / d, (x1 - x0) / d }')"
  PREV_CPU="$cpu_now"
  PREV_NET="$net_now"
  PREV_AT="$at_now"
  points=""
  add() { [ -n "$2" ] && points="$points${points:+,}{\"metric\":\"$1\",\"ts\":\"$ts\",\"value\":$2}"; }
  add cpu "$cpu"
  add memory "$mem"
  add disk "$disk"
  add load "$load"
  if [ -n "$rates" ]; then
    add net_rx "${rates% *}"
    add net_tx "${rates#* }"
  fi
  printf '{"heartbeat":{"agentVersion":"dihya-agent %s","uptimeSeconds":%s},"points":[%s]}\n' "$VERSION" "${uptime_s:-0}" "$points"
}

new_key() {
  if [ -r /proc/sys/kernel/random/uuid ]; then
    cat /proc/sys/kernel/random/uuid
  else
    printf '%s-%s-%s\n' "$(hostname 2>/dev/null || echo host)" "$(date -u +%s)" "$$"
  fi
}

# Spools a new batch: <epoch>-<idempotency key>.json, written then renamed (never half a file).
spool_batch() {
  key="$(new_key)"
  file="$SPOOL/$(date -u +%s)-$key.json"
  make_batch >"$file.tmp" && mv "$file.tmp" "$file"
  # Keep the newest SPOOL_MAX batches.
  count="$(ls "$SPOOL" | grep -c '\.json$')"
  if [ "$count" -gt "$SPOOL_MAX" ]; then
    ls "$SPOOL" | grep '\.json$' | sort | head -n "$((count - SPOOL_MAX))" | while read -r old; do
      rm -f "$SPOOL/$old"
      log "spool full: dropped $old"
    done
  fi
  LAST_BATCH="$file"
}

# --- sending --------------------------------------------------------------------------

# POSTs one spooled file; prints the HTTP status ("000" when no answer). The token goes
# through curl's config on stdin, never on the command line (ps would show it).
post() {
  name="$(basename "$1" .json)"
  key="${name#*-}"
  printf 'header = "Authorization: Bearer %s"\n' "$TOKEN" |
    curl -sS -K - -o "$SPOOL/.answer" -w '%{http_code}' --max-time "$TIMEOUT" \
      -H "content-type: application/json" -H "Idempotency-Key: $key" -H "user-agent: dihya-agent/$VERSION" \
      --data-binary "@$1" "$ENDPOINT" 2>"$SPOOL/.curl-error" || true
}

# Sends one batch with retries (2, 4, 8 … s). 0 sent or dropped for good, 1 keep it for later,
# 3 the token was refused.
send() {
  attempt=1
  delay=2
  while :; do
    status="$(post "$1")"
    case "$status" in
      2??)
        [ "$ONCE" -eq 1 ] && cat "$SPOOL/.answer" && echo
        grep -q '"rejected":\[\]' "$SPOOL/.answer" 2>/dev/null || log "some points were rejected: $(cat "$SPOOL/.answer")"
        rm -f "$1"
        return 0
        ;;
      401 | 403)
        log "the server refused the agent token (HTTP $status): check DIHYA_AGENT_TOKEN, or create a new token for this server. $(cat "$SPOOL/.answer" 2>/dev/null)"
        return 3
        ;;
      400 | 413 | 415 | 422)
        log "batch $(basename "$1") refused for good (HTTP $status), dropped: $(cat "$SPOOL/.answer" 2>/dev/null)"
        rm -f "$1"
        return 0
        ;;
    esac
    if [ "$status" = "000" ]; then
      reason="no answer: $(cat "$SPOOL/.curl-error" 2>/dev/null)"
    else
      reason="HTTP $status"
    fi
    if [ "$attempt" -ge "$RETRIES" ]; then
      log "batch $(basename "$1") not sent after $attempt attempts ($reason); kept in $SPOOL"
      return 1
    fi
    log "send failed ($reason); retrying in ${delay}s"
    sleep "$delay"
    attempt=$((attempt + 1))
    delay=$((delay * 2))
  done
}

# Sends the spooled batches, oldest first; stops at the first one that cannot be sent now.
flush() {
  for file in $(ls "$SPOOL" | grep '\.json$' | sort); do
    [ -f "$SPOOL/$file" ] || continue
    send "$SPOOL/$file"
    result=$?
    [ "$result" -eq 0 ] || return "$result"
  done
  return 0
}

# --- main -----------------------------------------------------------------------------

take_counters
sleep "$SAMPLE"
if [ "$ONCE" -eq 1 ]; then
  spool_batch
  flush
  result=$?
  [ "$result" -eq 3 ] && exit 3
  [ -f "$LAST_BATCH" ] && exit 1
  exit 0
fi

log "started (version $VERSION): every ${INTERVAL}s to $ENDPOINT, spool $SPOOL"
while :; do
  spool_batch
  flush
  [ $? -eq 3 ] && die 3 "stopping: the token was refused"
  sleep "$INTERVAL"
done

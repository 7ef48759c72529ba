#!/usr/bin/env bash
# The 300,000-rule benchmark (see BENCHMARKS.md). Generates one node's kube-proxy dump of ~300,000
# rules, then compares the kernel's own check of it (iptables-restore --test, in a throwaway network
# namespace) with the whole netview-agent process analysing it (analyze FILE --json), and measures
# peak RSS and the parser's throughput. Exits 1 when a bound is missed.
#
#   scripts/bench-analyze.sh            # SERVICE_PORTS=17600 ENDPOINTS=5 RUNS=5 by default
#   SERVICE_PORTS=1000 RUNS=2 scripts/bench-analyze.sh   # a quick run
#
# Needs root (ip netns), iptables, /usr/bin/time (Debian "time"); hyperfine is used when installed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
service_ports=${SERVICE_PORTS:-17600}
endpoints=${ENDPOINTS:-5}
runs=${RUNS:-5}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log() { printf '== %s\n' "$*" >&2; }
die() { printf 'bench-analyze: %s\n' "$*" >&2; exit 2; }

[ "$(id -u)" = 0 ] || die "needs root for ip netns"
command -v iptables-restore >/dev/null || [ -x /usr/sbin/iptables-restore ] || die "iptables is not installed (apt-get install -y iptables)"
[ -x /usr/bin/time ] || die "/usr/bin/time is missing (apt-get install -y time)"
PATH=$PATH:/usr/sbin

work=$(mktemp -d /tmp/nv-bench.XXXXXX)
ns="nv-bench-$$"
cleanup() { ip netns delete "$ns" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

log "publishing src/Agent (NativeAOT, as the image ships it), building tests/Benchmarks"
dotnet publish -c Release -r linux-x64 --self-contained true -v quiet -nologo src/Agent -o "$work/agent" >/dev/null
dotnet build -c Release -v quiet -nologo tests/Benchmarks >/dev/null
agent="$work/agent/netview-agent"
bench="$root/tests/Benchmarks/bin/Release/net10.0/NetView.Benchmarks.dll"

dump="$work/big.txt"
log "generating $service_ports service ports x $endpoints endpoints"
dotnet "$bench" generate --service-ports "$service_ports" --endpoints "$endpoints" --seed 1 > "$dump"
bytes=$(stat -c %s "$dump")
rules=$(grep -c -- '^-A ' "$dump")
log "dump: $rules rules, $bytes bytes"

ip netns add "$ns"
restore="ip netns exec $ns iptables-restore --test $dump"
analyze="$agent analyze $dump --json"
"$agent" analyze "$dump" --json > "$work/analysis.json" || die "netview-agent analyze failed on the generated dump"

# "WALL CPU": mean wall seconds and mean user+system CPU seconds of a command over $runs runs,
# after one warm-up. CPU time says more than wall time on a machine other jobs share.
mean_seconds() {
  local cmd=$1
  if command -v hyperfine >/dev/null; then
    hyperfine --style none --warmup 1 --runs "$runs" --export-csv "$work/h.csv" "$cmd >/dev/null" >&2
    awk -F, 'NR == 2 { print $2, $5 + $6 }' "$work/h.csv"
  else
    bash -c "$cmd" >/dev/null
    : > "$work/times.txt"
    for _ in $(seq "$runs"); do /usr/bin/time -a -o "$work/times.txt" -f '%e %U %S' bash -c "$cmd" >/dev/null; done
    awk '{ w += $1; c += $2 + $3; n++ } END { printf "%.4f %.4f\n", w / n, c / n }' "$work/times.txt"
  fi
}

# Peak resident set size in kB of one run.
peak_rss_kb() {
  /usr/bin/time -v bash -c "exec $1 >/dev/null" 2> "$work/time.txt"
  awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }' "$work/time.txt"
}

log "timing iptables-restore --test ($runs runs)"
read -r restore_s restore_cpu < <(mean_seconds "$restore")
log "timing netview-agent analyze --json ($runs runs)"
read -r analyze_s analyze_cpu < <(mean_seconds "$analyze")
restore_rss=$(peak_rss_kb "$restore")
analyze_rss=$(peak_rss_kb "$analyze")
log "parser alone (in-process, best of $runs)"
dotnet "$bench" phases "$dump" --runs "$runs" | tee "$work/phases.txt" >&2
parse_mbs=$(awk '$1 == "parse" { print $4 }' "$work/phases.txt")

awk -v rules="$rules" -v bytes="$bytes" -v rs="$restore_s" -v as="$analyze_s" -v rc="$restore_cpu" -v ac="$analyze_cpu" \
    -v rrss="$restore_rss" -v arss="$analyze_rss" -v pmbs="$parse_mbs" '
BEGIN {
  ok = 1
  mb = bytes / 1e6
  printf "rules                          %d\n", rules
  printf "dump size                      %.1f MB\n", mb
  printf "iptables-restore --test        %.3f s wall  %.3f s CPU  peak RSS %.1f MB\n", rs, rc, rrss / 1024
  printf "netview-agent analyze --json   %.3f s wall  %.3f s CPU  peak RSS %.1f MB\n", as, ac, arss / 1024
  printf "parser alone                   %.1f MB/s\n", pmbs
  ratio = as / rs; rssx = arss * 1024 / bytes
  v1 = ratio <= 0.25 ? "ok" : "MISSED"; if (ratio > 0.25) ok = 0
  v2 = rssx < 4 ? "ok" : "MISSED"; if (rssx >= 4) ok = 0
  v3 = pmbs > 200 ? "ok" : "MISSED"; if (pmbs <= 200) ok = 0
  printf "bound: analyze <= 1/4 of restore --test: %.3f (CPU time ratio %.3f)  %s\n", ratio, ac / rc, v1
  printf "bound: analyze peak RSS < 4x file size: %.2fx  %s\n", rssx, v2
  printf "bound: parser > 200 MB/s: %.1f MB/s  %s\n", pmbs, v3
  exit ok ? 0 : 1
}'

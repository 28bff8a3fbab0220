#!/usr/bin/env bash
# Where the machine's CPU goes while a benchmark runs: every second, the CPU time used in that second by the
# application (samspil.jar), the load driver (a *LoadDriver class) and PostgreSQL (all its processes), in
# hundredths of a core (200 = both cores of a 2-core machine busy), from /proc/<pid>/stat. The driver and
# PostgreSQL share the machine with the application, so a benchmark's rate is limited by all three.
#
#   bench/cpu-split.sh OUT -- bench/pages.sh [its options]
#   bench/cpu-split.sh OUT -- bench/survey-load.sh [its options]
#
# OUT gets one line a second, "HH:MM:SS app=.. driver=.. postgres=..", beside the benchmark's own output (read
# the two together: the benchmark's phases run one after the other). Linux only.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

out=${1:?usage: bench/cpu-split.sh OUT -- COMMAND...}
shift
[ "${1:-}" = "--" ] && shift
[ $# -gt 0 ] || { echo "usage: bench/cpu-split.sh OUT -- COMMAND..." >&2; exit 2; }
mkdir -p "$(dirname "$out")"

# CPU ticks (user + system) of the application, the driver and PostgreSQL, summed over their processes.
ticks() {
  local app=0 driver=0 pg=0 dir cmd t
  for dir in /proc/[0-9]*; do
    cmd=$(tr '\0' ' ' < "$dir/cmdline" 2>/dev/null) || continue
    [ -n "$cmd" ] || continue
    t=$(awk '{print $14 + $15}' "$dir/stat" 2>/dev/null) || continue
    [ -n "$t" ] || continue
    case "$cmd" in
      *samspil.jar*) app=$((app + t)) ;;
      *LoadDriver*) driver=$((driver + t)) ;;
      postgres*) pg=$((pg + t)) ;;
    esac
  done
  echo "$app $driver $pg"
}

sample() {
  local hz before now
  hz=$(getconf CLK_TCK)
  read -r -a before < <(ticks)
  : > "$out"
  while sleep 1; do
    read -r -a now < <(ticks)
    # A process that ended (the application stopped for the restart test) makes a sum drop: report 0, not less.
    printf '%s app=%d driver=%d postgres=%d\n' "$(date +%T)" \
      $(( (now[0] - before[0]) * 100 / hz > 0 ? (now[0] - before[0]) * 100 / hz : 0 )) \
      $(( (now[1] - before[1]) * 100 / hz > 0 ? (now[1] - before[1]) * 100 / hz : 0 )) \
      $(( (now[2] - before[2]) * 100 / hz > 0 ? (now[2] - before[2]) * 100 / hz : 0 )) >> "$out"
    before=("${now[@]}")
  done
}

sample &
sampler=$!
trap 'kill $sampler 2>/dev/null || true' EXIT
"$@"

#!/usr/bin/env bash
# bench/ab.sh <A> <B> [requests] [families] [rounds]: the family route's CPU per request and throughput
# (bench/route-cpu.ts) of two versions of the hub, alternated A B A B … in one run on the same machine, so that both
# sides see the same load from everything else. A side is a commit or a directory:
# - a commit is exported with `git archive` to a temporary directory (nothing in the working tree or the index is
#   touched) and uses this checkout's node_modules;
# - a directory (e.g. a `git worktree` with its own `npm ci`, needed when the two sides' dependencies differ) is
#   used as it is; this checkout itself is given as `.` or its path.
# Every side is measured with this checkout's bench/route-cpu.ts (copied next to the side's own bench/stack.ts, which
# starts that side's hub), so only the hub differs between A and B, not the measurement.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
a=$1 b=$2 requests=${3:-300} families=${4:-1000} rounds=${5:-2}
work=$(mktemp -d)
copies=()
trap 'rm -rf "$work"; rm -f "${copies[@]}"' EXIT
declare -A dir script
for side in A B; do
  ref=$([ "$side" = A ] && echo "$a" || echo "$b")
  if [ -d "$ref" ]; then
    dir[$side]=$(cd "$ref" && pwd)
    echo "$side = ${dir[$side]}: $(git -C "${dir[$side]}" log -1 --format='%h %s' | cut -c1-100)"
  else
    dir[$side]=$work/$side
    mkdir -p "${dir[$side]}"
    git -C "$root" archive "$ref" | tar -x -C "${dir[$side]}"
    ln -s "$root/node_modules" "${dir[$side]}/node_modules"
    echo "$side = $(git -C "$root" log -1 --format='%h %s' "$ref" | cut -c1-100)"
  fi
  if [ "${dir[$side]}" = "$root" ]; then
    script[$side]=bench/route-cpu.ts
  else
    script[$side]=bench/route-cpu-ab.ts
    cp "$root/bench/route-cpu.ts" "${dir[$side]}/bench/route-cpu-ab.ts"
    copies+=("${dir[$side]}/bench/route-cpu-ab.ts")
  fi
done
for round in $(seq 1 "$rounds"); do
  for side in A B; do
    (cd "${dir[$side]}" && node -r @swc-node/register "${script[$side]}" "$requests" "$families" 2>&1) |
      grep -E 'CPU/request|req/s|failure' | sed "s/^/round $round $side  /"
  done
done

#!/usr/bin/env bash
# bench/ab.sh <commit A> <commit B> [requests] [families] [rounds]: the family route's CPU per request
# (bench/route-cpu.ts) of two commits, alternated A B A B … in one run on the same machine, so that both sides
# see the same load from everything else. Each commit is exported with `git archive` to a temporary directory
# (nothing in the working tree or the index is touched) and uses this checkout's node_modules.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
a=$1 b=$2 requests=${3:-300} families=${4:-1000} rounds=${5:-2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for side in A B; do
  commit=$([ "$side" = A ] && echo "$a" || echo "$b")
  mkdir -p "$work/$side"
  git -C "$root" archive "$commit" | tar -x -C "$work/$side"
  ln -s "$root/node_modules" "$work/$side/node_modules"
  echo "$side = $(git -C "$root" log -1 --format='%h %s' "$commit" | cut -c1-100)"
done
for round in $(seq 1 "$rounds"); do
  for side in A B; do
    (cd "$work/$side" && node -r @swc-node/register bench/route-cpu.ts "$requests" "$families" 2>&1) | grep -E 'CPU/request|req/s' | sed "s/^/round $round $side  /"
  done
done

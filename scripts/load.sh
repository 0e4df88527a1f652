#!/usr/bin/env bash
# Load test of the public site (docs/benchmarks.md): draws published
# records at random from the registry, then runs wrk with scripts/load.lua
# at 64 connections against a running `proximite serve`.
#
#   scripts/load.sh DATABASE URL [mix|records|search] [DURATION]
#
# DATABASE is the server's PROXIMITE_DATABASE (sqlite:FILE needs the
# sqlite3 program, postgres://… needs psql); wrk comes from Debian's wrk.
set -euo pipefail
db=$1 url=$2 mix=${3:-mix} duration=${4:-60s}
here=$(cd "$(dirname "$0")" && pwd)
list=${PROXIMITE_LOAD_RECORDS:-/tmp/proximite-load-records.txt}

if [ ! -s "$list" ]; then
  # 60 % projects, 25 % organisations, 15 % partnerships, as visitors go.
  q="SELECT type || ' ' || slug FROM (
       SELECT type, slug FROM records WHERE state = 'published' AND type = 'project' ORDER BY random() LIMIT 60000) p
     UNION ALL SELECT type || ' ' || slug FROM (
       SELECT type, slug FROM records WHERE state = 'published' AND type = 'organisation' ORDER BY random() LIMIT 25000) o
     UNION ALL SELECT type || ' ' || slug FROM (
       SELECT type, slug FROM records WHERE state = 'published' AND type = 'partnership' ORDER BY random() LIMIT 15000) s;"
  # Shuffled, so that popularity (see load.lua) falls on every type alike.
  case $db in
    sqlite:*) sqlite3 "file:${db#sqlite:}?mode=ro" "$q" | shuf > "$list" ;;
    postgres://*|postgresql://*) psql -qAt "$db" -c "$q" | shuf > "$list" ;;
    *) echo "unknown database $db" >&2; exit 2 ;;
  esac
fi
echo "== $(wc -l < "$list") records in $list; mix $mix; popularity ${PROXIMITE_LOAD_POPULARITY:-zipf}; $duration; load: $(cut -d' ' -f1-3 /proc/loadavg)"
PROXIMITE_LOAD_RECORDS=$list PROXIMITE_LOAD_MIX=$mix \
  wrk -t2 -c64 -d"$duration" --latency -s "$here/load.lua" "$url"

#!/usr/bin/env bash
# Import throughput on a large GDELT file (issue 19: >= 200,000 rows/s on 1,000,000 rows, memory O(events kept)).
# Usage: scripts/import-bench.sh EXPORT.CSV ACTORS.csv [ROWS]
# Repeats the lines of a real GDELT export (any layout) with fresh GLOBALEVENTIDs until ROWS lines (default 1,000,000),
# then times `relations import` on it in Release and prints rows/s and the peak resident memory.
set -euo pipefail
export=${1:?GDELT export file}
actors=${2:?actors file}
rows=${3:-1000000}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
awk -F'\t' -v OFS='\t' -v rows="$rows" '
  { line[NR] = $0 }
  END {
    for (i = 0; i < rows; i++) {
      $0 = line[i % NR + 1]; $1 = 900000000 + i; print
    }
  }' "$export" > "$work/big.export.CSV"
echo "$(wc -l < "$work/big.export.CSV") lines, $(du -m "$work/big.export.CSV" | cut -f1) MB"
dotnet build "$root/src/Silo" -c Release -nologo -v q > /dev/null
start=$(date +%s.%N)
/usr/bin/time -f "peak RSS %M KB, %e s wall, %U s user" dotnet "$root/src/Silo/bin/Release/net10.0/relations.dll" \
  import "$work/big.export.CSV" --actors "$actors" --skip-unmapped --out "$work/big.yaml" | tail -n +2
end=$(date +%s.%N)
awk -v r="$rows" -v s="$start" -v e="$end" 'BEGIN { printf "import throughput: %.0f rows/s (%d rows in %.2f s, process start included)\n", r / (e - s), r, e - s }'

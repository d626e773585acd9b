#!/usr/bin/env bash
# Times plenary's word diff against git's and GNU wdiff's on the pairs that
# gen_pairs.py writes to bench/data/. Not a test: it prints a table.
#
# Per pair: the median wall time (ms) of each tool over RUNS runs with its
# output sent to /dev/null (runs of the three tools interleaved, timed in one
# python process: bench/measure.py); plenary's wall time over the fastest
# reference's, and the same ratio of CPU time (user + system, steadier on a
# shared machine); each tool's peak RSS (MiB) from one more run under
# `/usr/bin/time -f %M`; and the words each tool marks changed (inside
# [-..-] and {+..+}, split at whitespace) next to the true number of changed
# words that the generator recorded.
#
#   PLENARY_DIFF_CMD  command taking OLD NEW and printing a wdiff-style
#                     redline; default `target/release/plenary diff --files`,
#                     to which `--format plain` is appended (for no other).
#   RUNS              runs per tool and pair (default 5; 3 for 10M pairs).
#   PAIRS             space-separated pair names (default: all in bench/data).
#
# Needs git, wdiff (apt-get install -y wdiff), /usr/bin/time (apt-get
# install -y time) and python3. Generate the data first: bench/gen_pairs.py.

set -euo pipefail
cd "$(dirname "$0")/.."
DATA=bench/data
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

if [[ -n "${PLENARY_DIFF_CMD:-}" ]]; then
    read -r -a PLENARY <<<"$PLENARY_DIFF_CMD"
    PLENARY_TAIL=()
else
    PLENARY=(target/release/plenary diff --files)
    PLENARY_TAIL=(--format plain)
fi

for tool in git wdiff python3 /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 2; }
done
[[ -d $DATA ]] || { echo "no $DATA: run bench/gen_pairs.py first" >&2; exit 2; }

pairs=${PAIRS:-$(find "$DATA" -name '*.old.txt' -printf '%f\n' | sed 's/\.old\.txt$//' |
    sort -t- -k1,1h -k2,2n)}
format='%-14s %8s %8s %9s %6s %6s  %6s %6s %6s  %7s %7s %7s %7s\n'
# shellcheck disable=SC2059
printf "$format" pair pl_ms git_ms wdiff_ms ratio cpu_r pl_MiB gitMiB wd_MiB \
    true pl_mark gitmark wd_mark
for pair in $pairs; do
    old=$DATA/$pair.old.txt new=$DATA/$pair.new.txt
    runs=${RUNS:-5}
    [[ $pair == 10M* && -z ${RUNS:-} ]] && runs=3
    {
        read -r _ pl_ms pl_cpu pl_mib pl_marked
        read -r _ git_ms git_cpu git_mib git_marked
        read -r _ wd_ms wd_cpu wd_mib wd_marked
    } < <(python3 bench/measure.py "$runs" "$OUT" \
        -- plenary "${PLENARY[@]}" "$old" "$new" "${PLENARY_TAIL[@]}" \
        -- git git diff --no-index --no-color --word-diff=plain "$old" "$new" \
        -- wdiff wdiff "$old" "$new")
    ratio=$(python3 -c "print(f'{$pl_ms / min($git_ms, $wd_ms):.2f}')")
    cpu_ratio=$(python3 -c "print(f'{$pl_cpu / max(min($git_cpu, $wd_cpu), 0.1):.2f}')")
    # shellcheck disable=SC2059
    printf "$format" "$pair" "$pl_ms" "$git_ms" "$wd_ms" "$ratio" "$cpu_ratio" \
        "$pl_mib" "$git_mib" "$wd_mib" \
        "$(cat "$DATA/$pair.edits")" "$pl_marked" "$git_marked" "$wd_marked"
done

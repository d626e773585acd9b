#!/usr/bin/env bash
# Regenerates the README's pictures of the terminal UI: docs/*.png (and the
# .txt/.ansi screens they are made from), on a scratch copy of the bundled
# drafts with two fictional sample proposals and positions.
#
# Needs tmux, aha and chromium (apt-get install -y tmux aha chromium
# fonts-dejavu-core) and ../shared/tools/term-shot beside this repository.
set -euo pipefail
cd "$(dirname "$0")/.."
shot=../shared/tools/term-shot
cargo build --release --quiet
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r drafts "$tmp/drafts"
p() { target/release/plenary --drafts "$tmp/drafts" "$@"; }

original=$(p show entities-of-concern)
france=${original/the list entities of concern/the list of entities of concern}
germany=${france/, if possible/ and to the 2010 Plenary}
germany=${germany/a useful tool/an essential tool}
p propose entities-of-concern --as France --text "$france" --rationale 'Restore the missing "of".' >/dev/null
p propose entities-of-concern --as Germany --text "$germany" --rationale 'Report to the Plenary as well.' >/dev/null
p position entities-of-concern france-1 support --as Japan >/dev/null
p position entities-of-concern france-1 support --as Italy >/dev/null
p position entities-of-concern germany-1 object --as "Russian Federation" >/dev/null
japan=${original/a useful tool/a valuable tool}
p propose entities-of-concern --as Japan --text "$japan" --rationale 'Valuable, not merely useful.' >/dev/null

run="target/release/plenary --drafts $tmp/drafts --as France"
$shot docs/redline 120x34 "$run" Down Down Tab Down Down
$shot docs/side-by-side 120x34 "$run" Down Down Tab Down Down v
$shot docs/editor 120x34 "$run" Down Down Enter C-f 'text:a useful' Enter 'text:very ' Right Right
chair="target/release/plenary --drafts $tmp/drafts --as Brazil"
$shot docs/merge 120x34 "$chair" Down Down Tab Down Down Space Down Space m
# The editor shot ended plenary mid-edit: France is offered the text back.
$shot docs/recovery 120x34 "$run"
$shot docs/history 120x34 "target/release/plenary --drafts $tmp/drafts --as Japan" Down Down h Up Up
$shot docs/present 120x34 "target/release/plenary --drafts $tmp/drafts present entities-of-concern"

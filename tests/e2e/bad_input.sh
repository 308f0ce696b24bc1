#!/usr/bin/env bash
# Bad input: one clear message naming the file, exit code 2, the good files
# still processed and the output written; a missing output folder is created;
# an unwritable output gives exit code 3 and leaves nothing partial.
set -euo pipefail
bin="$1"; src="$2"; work="$3"
rm -rf "$work" && mkdir -p "$work/in"
cp "$src/samples/000_065efea75e3f6cb9.txt" "$work/in/good.txt"
printf 'Qatar \xff\xfe and Morocco\n' > "$work/in/latin1.txt"
: > "$work/in/empty.txt"
{ printf "%%PDF-1.5\n"; head -c 4000 /dev/zero; } > "$work/in/binary.txt"
set +e
"$bin" build "$work/in" "$work/missing.txt" -o "$work/out/g.json" 2> "$work/err.txt"
code=$?
set -e
cat "$work/err.txt"
[ "$code" -eq 2 ] || { echo "expected exit 2, got $code"; exit 1; }
grep -q "empty.txt: file is empty" "$work/err.txt"
grep -q "binary.txt: not a text file" "$work/err.txt"
grep -q "latin1.txt: not valid UTF-8" "$work/err.txt"
grep -q "missing.txt: no such file" "$work/err.txt"
grep -q '"state:qat"' "$work/out/g.json"
grep -q '"document:good.txt"' "$work/out/g.json"
mkdir -p "$work/ro" && chmod 555 "$work/ro"
if [ "$(id -u)" -ne 0 ]; then
  set +e; "$bin" build "$work/in/good.txt" -o "$work/ro/g.json" -q 2>/dev/null; code=$?; set -e
  [ "$code" -eq 3 ] || { echo "expected exit 3, got $code"; exit 1; }
  [ -z "$(ls -A "$work/ro")" ] || { echo "partial output left behind"; exit 1; }
fi
set +e; "$bin" build "$work/in/good.txt" -o "$work/g.unknownext" -q 2>/dev/null; code=$?; set -e
[ "$code" -eq 1 ] || { echo "expected exit 1 for an unknown format, got $code"; exit 1; }
echo "bad input handled"

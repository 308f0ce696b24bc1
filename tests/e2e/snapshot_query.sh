#!/usr/bin/env bash
# A snapshot is the same graph as the node-link JSON: every query subcommand,
# in every format, answers byte for byte the same from either file, with the
# same exit code; export and render read it; converting either way is
# lossless; a damaged snapshot is reported (exit 2, the file named), whether
# the damage is found when it is opened or only when an answer reads the
# evidence.
set -euo pipefail
bin="$1"; src="$2"; work="$3"
rm -rf "$work" && mkdir -p "$work"
"$bin" build "$src/samples" -q -o "$work/g.json" -o "$work/g.crimekg"

# Lossless both ways, and the snapshot bytes depend on the graph only.
"$bin" export "$work/g.crimekg" -o "$work/back.json" 2>/dev/null
cmp "$work/g.json" "$work/back.json"
"$bin" export "$work/g.json" -o "$work/again.crimekg" 2>/dev/null
cmp "$work/g.crimekg" "$work/again.crimekg"
"$bin" render "$work/g.crimekg" -o "$work/g.svg"
grep -q "<svg" "$work/g.svg"

checked=0
compare() {
  local a b ca cb
  set +e
  a=$("$bin" query "$work/g.json" "$@" 2>&1); ca=$?
  b=$("$bin" query "$work/g.crimekg" "$@" 2>&1); cb=$?
  set -e
  if [ "$a" != "$b" ] || [ "$ca" -ne "$cb" ]; then
    echo "JSON and snapshot differ: query $*"
    diff <(echo "$a") <(echo "$b") | head -20
    exit 1
  fi
  checked=$((checked + 1))
}
arabic_unodc="مكتب الأمم المتحدة المعني بالمخدرات والجريمة"
for format in text csv markdown json; do
  compare matrix --format "$format"
  compare matrix --count documents --rows Body,Programme --cols CrimeType,Instrument --format "$format"
  compare matrix --rows State --cols Body --predicate all --count edges --format "$format"
  compare neighbors UNODC --evidence --predicate typed --format "$format"
  compare neighbors CRIMJUST --direction both --format "$format"
  compare path INTERPOL "crimes that affect the environment" --format "$format"
  compare path "Counter-Terrorism Committee" Qatar --predicate all --format "$format"
  compare show "$arabic_unodc" --evidence all --format "$format"
  compare show "the counter terrorism committee" --format "$format"
  compare show "trafficking in persons" --evidence 3 --predicate all --format "$format"
  compare search trafficking --format "$format"
  compare search "مكافحة" --format "$format"
  compare stats --format "$format"
  compare show "no such body at all" --format "$format"
  compare show Committee --format "$format"
done
echo "$checked answers identical from JSON and snapshot"

# Damage found when the file is opened: the edge table.
damaged_source=$(python3 - "$work/g.crimekg" "$work/bad_table.crimekg" "$work/bad_evidence.crimekg" "$work/g.json" <<'PY'
import json, struct, sys
data = bytearray(open(sys.argv[1], "rb").read())
directory, = struct.unpack_from("<Q", data, len(data) - 24)
count, = struct.unpack_from("<I", data, directory)
sections = {}
for i in range(count):
    tag, crc, offset, size = struct.unpack_from("<IIQQ", data, directory + 4 + 24 * i)
    sections[struct.pack("<I", tag).decode()] = (offset, size)
table = bytearray(data)
offset, size = sections["EDGE"]
table[offset + size // 2] ^= 0xFF
open(sys.argv[2], "wb").write(table)
# Damage found only when evidence is read: a byte in the middle of the
# evidence of the first edge whose block is longer than 64 bytes.
evidence = bytearray(data)
ev_offset, ev_size = sections["EVID"]
edge_offset, edge_size = sections["EDGE"]
edges, = struct.unpack_from("<Q", data, edge_offset)
blocks = [struct.unpack_from("<Q", data, edge_offset + 8 + 32 * i + 24)[0] for i in range(edges)]
blocks.append(ev_size)
for i in range(edges):
    if blocks[i + 1] - blocks[i] > 64:
        evidence[ev_offset + (blocks[i] + blocks[i + 1]) // 2] ^= 0xFF
        # Edges are stored in the order of the node-link links.
        print(json.load(open(sys.argv[4]))["links"][i]["source"])
        break
open(sys.argv[3], "wb").write(evidence)
PY
)
set +e
"$bin" query "$work/bad_table.crimekg" stats > /dev/null 2> "$work/err1.txt"; code=$?
set -e
cat "$work/err1.txt"
[ "$code" -eq 2 ] || { echo "damaged table: expected exit 2, got $code"; exit 1; }
grep -q "bad_table.crimekg" "$work/err1.txt"
grep -q "damaged" "$work/err1.txt"
# The evidence damage does not stop questions that need no evidence...
"$bin" query "$work/bad_evidence.crimekg" stats --no-betweenness > /dev/null
# ...and stops, with the file named, the one that reads it.
set +e
"$bin" query "$work/bad_evidence.crimekg" show "$damaged_source" --predicate all --evidence all \
  > /dev/null 2> "$work/err3.txt"; code=$?
set -e
cat "$work/err3.txt"
[ "$code" -eq 2 ] || { echo "damaged evidence on show: expected exit 2, got $code"; exit 1; }
grep -q "bad_evidence.crimekg" "$work/err3.txt"
set +e
"$bin" export "$work/bad_evidence.crimekg" -o "$work/partial.json" 2> "$work/err2.txt"; code=$?
set -e
cat "$work/err2.txt"
[ "$code" -eq 2 ] || { echo "damaged evidence on export: expected exit 2, got $code"; exit 1; }
grep -q "bad_evidence.crimekg" "$work/err2.txt"
echo "damaged snapshots reported"

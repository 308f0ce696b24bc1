# Shared by the interop tests: sourced as `source common.sh NAME "$@"` with the
# arguments ctest passes, CRIMEKG_BIN SOURCE_DIR WORK_DIR.
#
# Each test exports the samples graph and a graph with hostile labels to a
# format and loads the result in the program users load it in. A consumer
# that is not installed makes the test exit 77, which ctest reports as
# skipped, with a line saying what is missing: never a silent pass.
#
# CRIMEKG_INTEROP_GRAPH=FILE uses a saved graph instead of building samples/
# (to try the consumers on another corpus, or before `build` works).

set -euo pipefail

INTEROP_NAME="$1"
CRIMEKG_BIN="$2"
SOURCE_DIR="$3"
WORK="$4/$INTEROP_NAME"
INTEROP_DIR="$SOURCE_DIR/tests/interop"
# Debian's python3, which has python3-networkx and python3-rdflib: a python3
# earlier on PATH (pyenv, a virtualenv) usually has neither.
PYTHON=/usr/bin/python3

skip() {
  echo "SKIP: $*"
  exit 77
}

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

[ -x "$CRIMEKG_BIN" ] || fail "crimekg binary not found at $CRIMEKG_BIN"
rm -rf "$WORK"
mkdir -p "$WORK"

require_python_module() {
  [ -x "$PYTHON" ] || skip "$PYTHON not found (install Debian's python3: apt-get install python3)"
  "$PYTHON" -c "import $1" 2>/dev/null ||
    skip "Python module $1 not installed for $PYTHON (apt-get install $2)"
}

# samples_graph: writes the samples graph to $WORK/samples.input.json.
samples_graph() {
  if [ -n "${CRIMEKG_INTEROP_GRAPH:-}" ]; then
    cp "$CRIMEKG_INTEROP_GRAPH" "$WORK/samples.input.json"
  else
    "$CRIMEKG_BIN" build "$SOURCE_DIR/samples" -o "$WORK/samples.input.json" >"$WORK/build.log" 2>&1 ||
      fail "crimekg build of samples/ failed: $(tail -n 5 "$WORK/build.log")"
  fi
  [ -s "$WORK/samples.input.json" ] || fail "no samples graph at $WORK/samples.input.json"
}

# hostile_graph: writes $WORK/hostile.input.json, a node-link graph whose ids,
# labels, aliases, properties and evidence hold everything that breaks naive
# writers: quotes, backslashes (one ends an id), markup, entities, newline,
# carriage return, tab, form feed, NUL, U+001E, U+001F and other control
# characters, right-to-left Arabic with direction marks, emoji, a language key
# that is no language tag, an empty alias, a predicate outside the ontology.
hostile_graph() {
  cat >"$WORK/hostile.input.json" <<'EOF'
{
  "directed": true,
  "multigraph": true,
  "graph": {"generator": "crimekg interop tests"},
  "nodes": [
    {
      "id": "body:hostile",
      "type": "Body",
      "label": "He said \"hello\" \\ back\\slash <script>alert('x')</script> &amp; & done\nline two\ttab\fform feed\u0001\u0008\u001b\u007f end",
      "labels": {
        "en": "He said \"hello\" \\ back\\slash <script>alert('x')</script> &amp; & done\nline two\ttab\fform feed\u0001\u0008\u001b\u007f end",
        "ar": "مكتب الأمم المتحدة المعني بالمخدرات والجريمة",
        "fr": "Office \"ONUDC\" l'été",
        "not a tag": "odd language key"
      },
      "aliases": ["", " spaces ", "UNODC", "[bracket], comma", "a,b;c|d", "back\\slash\\", "cr\rand\r\nlf", "emoji 🚔🇺🇳", "quote\"", "rec\u001esep", "tab\there", "x\u001fy"],
      "mentions": 7,
      "sameAs": ["iso3166:QAT", "odd value <x>", "wikidata:Q1234"],
      "note": "form\ffeed & <b>bold</b>",
      "weird key!": "nul\u0000inside"
    },
    {
      "id": "body:odd \"id\" <&> \\ end\\",
      "type": "Body",
      "label": "Odd \"id\" body",
      "labels": {"en": "Odd \"id\" body"},
      "aliases": [],
      "mentions": 1,
      "sameAs": []
    },
    {
      "id": "crime:hostile",
      "type": "CrimeType",
      "label": "Crime \u200fمع نص عربي\u200e & RTL",
      "labels": {"en": "Crime \u200fمع نص عربي\u200e & RTL", "ar": "الاتجار بالأشخاص"},
      "aliases": ["TIP"],
      "mentions": 3,
      "sameAs": []
    },
    {
      "id": "document:hostile.txt",
      "type": "Document",
      "label": "Doc <title> \"quoted\"",
      "labels": {"en": "Doc <title> \"quoted\""},
      "aliases": [],
      "mentions": 0,
      "sameAs": [],
      "file": "dir/hostile \"file\".txt",
      "language": "ar",
      "title": "عنوان\nwith a line break"
    },
    {
      "id": "state:qat",
      "type": "State",
      "label": "Qatar",
      "labels": {"ar": "قطر", "en": "Qatar"},
      "aliases": [],
      "mentions": 2,
      "sameAs": ["iso3166:QAT"]
    }
  ],
  "links": [
    {
      "source": "body:hostile", "target": "body:odd \"id\" <&> \\ end\\", "key": "cooperatesWith",
      "predicate": "cooperatesWith", "weight": 1,
      "evidence": [{"document": "document:hostile.txt", "paragraph": "3", "start": 0, "end": 9,
                    "text": "jointly\u000bwith", "extractor": "cue", "confidence": 1.0}]
    },
    {
      "source": "body:hostile", "target": "crime:hostile", "key": "addresses",
      "predicate": "addresses", "weight": 2,
      "evidence": [
        {"document": "document:hostile.txt", "paragraph": "12 (a)", "start": 10, "end": 120,
         "text": "to combat \"trafficking\" <b> & \\n\nنص عربي 🚔 \f end", "extractor": "cue:\"addresses\"",
         "confidence": 0.75},
        {"document": "document:hostile.txt", "paragraph": "", "start": 200, "end": 210,
         "text": "second\u001fitem", "extractor": "cue", "confidence": 0.5}
      ]
    },
    {
      "source": "body:hostile", "target": "crime:hostile", "key": "weird predicate/\"x\"",
      "predicate": "weird predicate/\"x\"", "weight": 1, "evidence": []
    },
    {
      "source": "body:hostile", "target": "state:qat", "key": "fundedBy",
      "predicate": "fundedBy", "weight": 1, "evidence": []
    },
    {
      "source": "body:odd \"id\" <&> \\ end\\", "target": "body:hostile", "key": "cooperatesWith",
      "predicate": "cooperatesWith", "weight": 1, "evidence": []
    },
    {
      "source": "body:odd \"id\" <&> \\ end\\", "target": "crime:hostile", "key": "addresses",
      "predicate": "addresses", "weight": 1, "evidence": []
    },
    {
      "source": "document:hostile.txt", "target": "body:hostile", "key": "mentions",
      "predicate": "mentions", "weight": 3, "evidence": []
    }
  ]
}
EOF
}

# export_all STEM [OPTION...]: every format of $WORK/STEM.input.json as
# $WORK/STEM.<ext>, $WORK/STEM-neo4j and $WORK/STEM-kuzu. The node-link
# export, STEM.json, is what the consumers' views are compared with: crimekg's
# own reading of the graph.
export_all() {
  local stem="$1" format out
  shift
  local graph="$WORK/$stem.input.json"
  for format in json jsonld graphml gexf dot neo4j kuzu; do
    case "$format" in
      neo4j | kuzu) out="$WORK/$stem-$format" ;;
      *) out="$WORK/$stem.$format" ;;
    esac
    "$CRIMEKG_BIN" export "$graph" -o "$out" -f "$format" "$@" >"$WORK/export-$stem-$format.log" 2>&1 ||
      fail "crimekg export -f $format of $graph failed: $(cat "$WORK/export-$stem-$format.log")"
  done
}

# check ARGS...: runs interop_checks.py with Debian's python.
check() {
  "$PYTHON" "$INTEROP_DIR/interop_checks.py" "$@"
}

// make_state_lexicon — builds data/lexicon/states.json (format: data/README.md).
//
//   make_state_lexicon TSV EXTRA_JSON OUT_JSON
//
// Sources, in order of precedence:
//   1. TSV: ISO 3166-1 alpha-3, M49 and the UNTERM short and formal names in
//      the six UN languages (../shared/data/un_member_states_unterm_6lang.tsv).
//      The short name becomes the label; "(the)", "(l')", "(la)", "(el)" ...
//      are turned into proper names plus a form with the article in front.
//      Formal names lose their leading article ("the Republic of X").
//   2. EXTRA_JSON: hand-written entries in the lexicon format that add names,
//      aliases, guarded forms and sameAs ids to TSV entries, or add whole
//      entries (States missing from the TSV, historical States, territories).
//   3. ICU/CLDR: display names (standard, short and variant) of the region in
//      every UN language; they also fill labels an extra entry leaves out.
//
// Output is deterministic for a given ICU version: entries sorted by id,
// names deduplicated with a matching key (case, diacritics, punctuation,
// Arabic alef/ya/ta-marbuta spelling) and sorted.
//
// Problems (bad TSV row, unknown code, malformed extra entry) are reported on
// stderr as FILE:LINE: message, all at once; the exit code is then 2 and no
// output is written.

#ifndef RAPIDJSON_HAS_STDSTRING
#define RAPIDJSON_HAS_STDSTRING 1
#endif

#include <rapidjson/error/en.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/reader.h>
#include <rapidjson/stringbuffer.h>
#include <unicode/locdspnm.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/region.h>
#include <unicode/uchar.h>
#include <unicode/udata.h>
#include <unicode/uloc.h>
#include <unicode/unistr.h>
#include <unicode/ures.h>
#include <unicode/utypes.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace {

const std::vector<std::string> kLangs = {"en", "ar", "fr", "es", "ru", "zh"};

bool IsLang(const std::string& l) {
  return std::find(kLangs.begin(), kLangs.end(), l) != kLangs.end();
}

// ---------------------------------------------------------------- problems

class Problems {
 public:
  void Add(const std::string& file, size_t line, const std::string& msg) {
    std::ostringstream o;
    o << file;
    if (line > 0) o << ':' << line;
    o << ": " << msg;
    list_.push_back(o.str());
  }
  void Warn(const std::string& file, size_t line, const std::string& msg) {
    std::cerr << file;
    if (line > 0) std::cerr << ':' << line;
    std::cerr << ": warning: " << msg << '\n';
  }
  bool Empty() const { return list_.empty(); }
  void Print() const {
    for (const auto& p : list_) std::cerr << p << '\n';
  }

 private:
  std::vector<std::string> list_;
};

// -------------------------------------------------------------------- text

icu::UnicodeString U(const std::string& s) { return icu::UnicodeString::fromUTF8(s); }

std::string S(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

bool ValidUtf8(const std::string& s) {
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n;
    uint32_t cp;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      n = 1;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      n = 2;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      n = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + n >= s.size()) return false;
    for (size_t k = 1; k <= n; ++k) {
      const unsigned char d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    i += n + 1;
  }
  return true;
}

// Collapses every run of white space (including no-break spaces) into one
// space and trims both ends.
icu::UnicodeString CollapseSpace(const icu::UnicodeString& in) {
  icu::UnicodeString out;
  bool pending = false;
  for (int32_t i = 0; i < in.length();) {
    UChar32 c = in.char32At(i);
    i += U16_LENGTH(c);
    if (u_isUWhiteSpace(c) || c == 0x00A0 || c == 0x202F || c == 0x2007) {
      pending = !out.isEmpty();
      continue;
    }
    if (pending) out.append(static_cast<UChar>(0x20));
    pending = false;
    out.append(c);
  }
  return out;
}

bool IsArabicMark(UChar32 c) {
  return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640 || (c >= 0x06D6 && c <= 0x06ED);
}

// Names as they go into the lexicon: white space collapsed; Arabic without
// harakat and tatweel (data/README.md).
std::string CleanName(const std::string& lang, const std::string& s) {
  icu::UnicodeString u = CollapseSpace(U(s));
  if (lang == "ar") {
    icu::UnicodeString v;
    for (int32_t i = 0; i < u.length();) {
      UChar32 c = u.char32At(i);
      i += U16_LENGTH(c);
      if (!IsArabicMark(c)) v.append(c);
    }
    u = CollapseSpace(v);
  }
  return S(u);
}

// Matching key, an approximation of the extractor's normalisation: NFKD,
// combining marks dropped (diacritics, harakat, hamza on alef/waw/ya),
// case-folded, Arabic ta marbuta/alef maqsura/alef wasla unified, everything
// but letters and digits turned into single spaces.
std::string MatchKey(const std::string& s) {
  UErrorCode st = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(st);
  icu::UnicodeString u = U(s);
  icu::UnicodeString d = U_SUCCESS(st) ? nfkd->normalize(u, st) : u;
  if (U_FAILURE(st)) d = u;
  icu::UnicodeString out;
  bool pending = false;
  for (int32_t i = 0; i < d.length();) {
    UChar32 c = d.char32At(i);
    i += U16_LENGTH(c);
    int8_t t = u_charType(c);
    if (t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK || c == 0x0640) continue;
    if (c == 0x0629) c = 0x0647;  // ta marbuta -> ha
    if (c == 0x0649) c = 0x064A;  // alef maqsura -> ya
    if (c == 0x0671) c = 0x0627;  // alef wasla -> alef
    if (!u_isalnum(c)) {
      pending = !out.isEmpty();
      continue;
    }
    if (pending) out.append(static_cast<UChar>(0x20));
    pending = false;
    out.append(u_foldCase(c, U_FOLD_CASE_DEFAULT));
  }
  return S(out);
}

std::string CaseKey(const std::string& s) { return S(U(s).foldCase()); }

// CLDR short forms like "US", "UK", "RU", "É.-U." are too short to match
// safely; single letters never are names.
bool TooShort(const std::string& s) {
  icu::UnicodeString u = U(s);
  int letters = 0;
  bool allUpper = true;
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    if (!u_isalpha(c)) continue;
    ++letters;
    if (!u_isUUppercase(c)) allUpper = false;
  }
  return letters < 2 || (letters <= 2 && allUpper);
}

bool StartsWith(const std::string& s, const std::string& p) {
  return s.size() >= p.size() && s.compare(0, p.size(), p) == 0;
}

bool EndsWith(const std::string& s, const std::string& p) {
  return s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
}

std::string Trim(const std::string& s) { return S(CollapseSpace(U(s))); }

// Observer-State and associated-State markers of the UNTERM list.
std::string StripMarkers(std::string s) {
  s = Trim(s);
  while (!s.empty() && s.back() == '*') s = Trim(s.substr(0, s.size() - 1));
  return s;
}

// Articles UNTERM prints in parentheses after a short name.
const std::map<std::string, std::vector<std::string>>& Articles() {
  static const std::map<std::string, std::vector<std::string>> a = {
      {"en", {"the"}},
      {"fr", {"l'", "l\u2019", "le", "la", "les"}},
      {"es", {"el", "la", "los", "las"}},
  };
  return a;
}

std::string WithArticle(const std::string& article, const std::string& name) {
  if (EndsWith(article, "'") || EndsWith(article, "\u2019")) return article + name;
  return article + " " + name;
}

struct ShortName {
  std::string name;          // proper name, article removed
  std::string with_article;  // "l'Afghanistan", "the Sudan"; empty if none
};

ShortName ParseShort(const std::string& lang, const std::string& raw) {
  ShortName r;
  std::string s = StripMarkers(raw);
  r.name = s;
  auto it = Articles().find(lang);
  if (it == Articles().end() || s.empty() || s.back() != ')') return r;
  size_t open = s.rfind('(');
  if (open == std::string::npos) return r;
  std::string inner = Trim(s.substr(open + 1, s.size() - open - 2));
  for (const auto& art : it->second) {
    if (inner == art) {
      r.name = Trim(s.substr(0, open));
      r.with_article = WithArticle(art, r.name);
      break;
    }
  }
  return r;
}

// Formal names: leading article removed; for an elided French article the
// form with the article is kept too ("l'État du Qatar").
std::vector<std::string> ParseFormal(const std::string& lang, const std::string& raw) {
  std::string s = StripMarkers(raw);
  std::vector<std::string> out;
  auto it = Articles().find(lang);
  if (it != Articles().end()) {
    for (const auto& art : it->second) {
      bool elided = EndsWith(art, "'") || EndsWith(art, "\u2019");
      std::string prefix = elided ? art : art + " ";
      if (StartsWith(s, prefix) && s.size() > prefix.size()) {
        out.push_back(Trim(s.substr(prefix.size())));
        if (elided) out.push_back(s);
        return out;
      }
    }
  }
  out.push_back(s);
  return out;
}

// ----------------------------------------------------------------- entries

using LangLists = std::map<std::string, std::vector<std::string>>;

struct Entry {
  std::string id;
  std::string label;
  std::map<std::string, std::string> labels;
  LangLists names;  // in order of precedence until Finish()
  std::vector<std::string> aliases;
  LangLists short_forms;
  LangLists guarded;
  std::vector<std::string> same_as;
  std::string alpha2;  // ICU region code, empty if ICU does not know the id
  bool from_tsv = false;
};

// ------------------------------------------------------------------- ICU

struct Regions {
  std::map<std::string, std::string> alpha3_to_alpha2;  // "QAT" -> "QA"

  Regions() {
    for (const char* const* c = icu::Locale::getISOCountries(); *c != nullptr; ++c) {
      std::string loc = std::string("_") + *c;
      const char* a3 = uloc_getISO3Country(loc.c_str());
      if (a3 != nullptr && *a3 != '\0') alpha3_to_alpha2.emplace(a3, *c);
    }
  }

  std::string Alpha2(const std::string& alpha3) const {
    auto it = alpha3_to_alpha2.find(alpha3);
    return it == alpha3_to_alpha2.end() ? std::string() : it->second;
  }

  static int Numeric(const std::string& alpha2) {
    UErrorCode st = U_ZERO_ERROR;
    const icu::Region* r = icu::Region::getInstance(alpha2.c_str(), st);
    if (U_FAILURE(st) || r == nullptr) return -1;
    return r->getNumericCode();
  }
};

struct CldrNames {
  std::string standard;
  std::vector<std::string> others;  // short and variant forms
};

std::string LookupTable(const std::string& lang, const char* table, const std::string& alpha2) {
  UErrorCode st = U_ZERO_ERROR;
  UResourceBundle* rb =
      ures_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "region", lang.c_str(), &st);
  std::string out;
  if (U_SUCCESS(st)) {
    UResourceBundle* t = ures_getByKey(rb, table, nullptr, &st);
    if (U_SUCCESS(st)) {
      int32_t len = 0;
      const UChar* p = ures_getStringByKey(t, alpha2.c_str(), &len, &st);
      if (U_SUCCESS(st) && p != nullptr) out = S(icu::UnicodeString(p, len));
    }
    ures_close(t);
  }
  ures_close(rb);
  return out;
}

CldrNames Cldr(const std::string& lang, const std::string& alpha2) {
  CldrNames r;
  icu::Locale display(lang.c_str());
  icu::UnicodeString name;
  icu::Locale("", alpha2.c_str()).getDisplayCountry(display, name);
  std::string std_name = S(name);
  if (!std_name.empty() && std_name != alpha2) r.standard = std_name;

  UDisplayContext ctx[] = {UDISPCTX_LENGTH_SHORT};
  std::unique_ptr<icu::LocaleDisplayNames> ldn(
      icu::LocaleDisplayNames::createInstance(display, ctx, 1));
  if (ldn) {
    icu::UnicodeString s;
    ldn->regionDisplayName(alpha2.c_str(), s);
    std::string v = S(s);
    if (!v.empty() && v != alpha2) r.others.push_back(v);
  }
  // CLDR's alt="variant" names ("Ivory Coast", "Swaziland", "Czech Republic")
  // are not exposed by LocaleDisplayNames; read them from the region bundle.
  for (const char* table : {"Countries%short", "Countries%variant"}) {
    std::string v = LookupTable(lang, table, alpha2);
    if (!v.empty()) r.others.push_back(v);
  }
  return r;
}

// -------------------------------------------------------------- TSV input

const std::vector<std::string> kTsvHeader = {"ISO3166-1-Alpha-3",    "M49",
                                             "UNTERM English Short", "UNTERM English Formal",
                                             "UNTERM Arabic Short",  "UNTERM Arabic Formal",
                                             "UNTERM French Short",  "UNTERM French Formal",
                                             "UNTERM Spanish Short", "UNTERM Spanish Formal",
                                             "UNTERM Russian Short", "UNTERM Russian Formal",
                                             "UNTERM Chinese Short", "UNTERM Chinese Formal"};

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    size_t tab = line.find('\t', start);
    if (tab == std::string::npos) {
      out.push_back(line.substr(start));
      return out;
    }
    out.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

bool IsUpperAlpha3(const std::string& s) {
  return s.size() == 3 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::string Lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

std::string Upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

std::string M49Id(int code) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "m49:%03d", code);
  return buf;
}

void ReadTsv(const std::string& path, const Regions& regions, std::map<std::string, Entry>& entries,
             Problems& problems) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    problems.Add(path, 0, "cannot open file");
    return;
  }
  std::string line;
  size_t lineno = 0;
  bool header_seen = false;
  while (std::getline(in, line)) {
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (lineno == 1 && StartsWith(line, "\xEF\xBB\xBF")) line = line.substr(3);
    if (Trim(line).empty()) continue;
    if (!ValidUtf8(line)) {
      problems.Add(path, lineno, "invalid UTF-8");
      continue;
    }
    std::vector<std::string> f = SplitTabs(line);
    if (!header_seen) {
      header_seen = true;
      if (f != kTsvHeader)
        problems.Add(path, lineno,
                     "unexpected header; expected the 14 columns ISO3166-1-Alpha-3 ... UNTERM "
                     "Chinese Formal");
      continue;
    }
    if (f.size() != kTsvHeader.size()) {
      problems.Add(path, lineno,
                   "expected " + std::to_string(kTsvHeader.size()) +
                       " tab-separated fields, found " + std::to_string(f.size()));
      continue;
    }
    const std::string alpha3 = Trim(f[0]);
    if (!IsUpperAlpha3(alpha3)) {
      problems.Add(path, lineno, "bad ISO 3166-1 alpha-3 code '" + alpha3 + "'");
      continue;
    }
    const std::string alpha2 = regions.Alpha2(alpha3);
    if (alpha2.empty()) {
      problems.Add(path, lineno,
                   "unknown ISO 3166-1 alpha-3 code '" + alpha3 + "' (not in ICU's region list)");
      continue;
    }
    const std::string m49s = Trim(f[1]);
    if (m49s.empty() || m49s.size() > 3 ||
        !std::all_of(m49s.begin(), m49s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      problems.Add(path, lineno, "bad M49 code '" + m49s + "' for " + alpha3);
      continue;
    }
    const int m49 = std::stoi(m49s);
    const int icu_m49 = Regions::Numeric(alpha2);
    if (icu_m49 >= 0 && icu_m49 != m49)
      problems.Warn(path, lineno,
                    "M49 " + m49s + " of " + alpha3 + " differs from ICU's numeric code " +
                        std::to_string(icu_m49));

    bool ok = true;
    for (size_t i = 2; i < f.size(); ++i) {
      if (StripMarkers(f[i]).empty()) {
        problems.Add(path, lineno, "empty field '" + kTsvHeader[i] + "' for " + alpha3);
        ok = false;
      }
    }
    if (!ok) continue;

    Entry e;
    e.id = "state:" + Lower(alpha3);
    e.alpha2 = alpha2;
    e.from_tsv = true;
    for (size_t li = 0; li < kLangs.size(); ++li) {
      const std::string& lang = kLangs[li];
      ShortName sn = ParseShort(lang, CleanName(lang, f[2 + 2 * li]));
      e.labels[lang] = sn.name;
      if (!sn.with_article.empty()) e.names[lang].push_back(sn.with_article);
      for (const auto& formal : ParseFormal(lang, CleanName(lang, f[3 + 2 * li])))
        e.names[lang].push_back(formal);
    }
    e.label = e.labels["en"];
    e.same_as = {"iso3166:" + alpha3, M49Id(m49)};
    if (!entries.emplace(e.id, e).second) problems.Add(path, lineno, "duplicate code " + alpha3);
  }
  if (!header_seen) problems.Add(path, 0, "empty file");
}

// ------------------------------------------------------------ JSON input
//
// A small tree built with RapidJSON's SAX reader so that every value keeps
// the line it was read from.

struct JNode {
  enum Kind { kNull, kBool, kNumber, kString, kArray, kObject };
  Kind kind = kNull;
  std::string str;
  std::vector<std::string> keys;  // kObject: keys parallel to items
  std::vector<JNode> items;       // kArray elements, kObject values
  size_t line = 0;

  const JNode* Get(const std::string& key) const {
    for (size_t i = 0; i < keys.size(); ++i)
      if (keys[i] == key) return &items[i];
    return nullptr;
  }
};

const char* KindName(JNode::Kind k) {
  switch (k) {
    case JNode::kNull:
      return "null";
    case JNode::kBool:
      return "a boolean";
    case JNode::kNumber:
      return "a number";
    case JNode::kString:
      return "a string";
    case JNode::kArray:
      return "an array";
    case JNode::kObject:
      return "an object";
  }
  return "?";
}

class LineStream {
 public:
  typedef char Ch;
  explicit LineStream(const std::string& s) : begin_(s.c_str()), cur_(s.c_str()) {}
  Ch Peek() const { return *cur_; }
  Ch Take() {
    Ch c = *cur_++;
    if (c == '\n') ++line_;
    return c;
  }
  size_t Tell() const { return static_cast<size_t>(cur_ - begin_); }
  Ch* PutBegin() { return nullptr; }
  void Put(Ch) {}
  void Flush() {}
  size_t PutEnd(Ch*) { return 0; }
  size_t line() const { return line_; }

 private:
  const Ch* begin_;
  const Ch* cur_;
  size_t line_ = 1;
};

class TreeBuilder : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, TreeBuilder> {
 public:
  explicit TreeBuilder(const LineStream& in) : in_(in) {}
  JNode root;

  bool Default() {
    Add(JNode::kNumber);
    return true;
  }
  bool Null() {
    Add(JNode::kNull);
    return true;
  }
  bool Bool(bool) {
    Add(JNode::kBool);
    return true;
  }
  bool String(const char* s, rapidjson::SizeType n, bool) {
    Add(JNode::kString).str.assign(s, n);
    return true;
  }
  bool Key(const char* s, rapidjson::SizeType n, bool) {
    stack_.back()->keys.emplace_back(s, n);
    return true;
  }
  bool StartObject() {
    stack_.push_back(&Add(JNode::kObject));
    return true;
  }
  bool EndObject(rapidjson::SizeType) {
    stack_.pop_back();
    return true;
  }
  bool StartArray() {
    stack_.push_back(&Add(JNode::kArray));
    return true;
  }
  bool EndArray(rapidjson::SizeType) {
    stack_.pop_back();
    return true;
  }

 private:
  // Only ancestors are on the stack; appending to the innermost one never
  // moves them.
  JNode& Add(JNode::Kind kind) {
    JNode* n;
    if (stack_.empty()) {
      n = &root;
    } else {
      stack_.back()->items.emplace_back();
      n = &stack_.back()->items.back();
    }
    n->kind = kind;
    n->line = in_.line();
    return *n;
  }
  const LineStream& in_;
  std::vector<JNode*> stack_;
};

bool ReadJson(const std::string& path, JNode& out, Problems& problems) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    problems.Add(path, 0, "cannot open file");
    return false;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  LineStream stream(text);
  TreeBuilder builder(stream);
  rapidjson::Reader reader;
  rapidjson::ParseResult r = reader.Parse<rapidjson::kParseValidateEncodingFlag>(stream, builder);
  if (!r) {
    size_t line = 1;
    for (size_t i = 0; i < r.Offset() && i < text.size(); ++i)
      if (text[i] == '\n') ++line;
    problems.Add(path, line,
                 std::string("JSON parse error: ") + rapidjson::GetParseError_En(r.Code()));
    return false;
  }
  out = std::move(builder.root);
  return true;
}

// ------------------------------------------------------------ extra merge

bool ValidSameAs(const std::string& s) {
  size_t colon = s.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 >= s.size()) return false;
  for (size_t i = 0; i < colon; ++i) {
    char c = s[i];
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
  }
  return s.find_first_of(" \t\n") == std::string::npos;
}

bool ValidStateId(const std::string& id) {
  if (id.size() != 9 || !StartsWith(id, "state:")) return false;
  return std::all_of(id.begin() + 6, id.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// Reads an array of non-empty strings.
bool StringList(const std::string& file, const std::string& what, const JNode& n,
                std::vector<std::string>& out, Problems& problems) {
  if (n.kind != JNode::kArray) {
    problems.Add(file, n.line, what + " must be an array of strings, found " + KindName(n.kind));
    return false;
  }
  bool ok = true;
  for (const auto& v : n.items) {
    if (v.kind != JNode::kString || Trim(v.str).empty()) {
      problems.Add(
          file, v.line,
          what + ": expected a non-empty string, found " +
              (v.kind == JNode::kString ? std::string("an empty string") : KindName(v.kind)));
      ok = false;
      continue;
    }
    out.push_back(v.str);
  }
  return ok;
}

// Reads {"en": [...], "ar": [...]} into lists, cleaning every name.
void LangListField(const std::string& file, const std::string& id, const std::string& field,
                   const JNode& n, LangLists& out, Problems& problems) {
  if (n.kind != JNode::kObject) {
    problems.Add(
        file, n.line,
        id + ": '" + field + "' must be an object keyed by language, found " + KindName(n.kind));
    return;
  }
  for (size_t i = 0; i < n.keys.size(); ++i) {
    const std::string& lang = n.keys[i];
    if (!IsLang(lang)) {
      problems.Add(
          file, n.items[i].line,
          id + ": '" + field + "': unknown language '" + lang + "' (expected en ar fr es ru zh)");
      continue;
    }
    std::vector<std::string> v;
    StringList(file, id + ": '" + field + "." + lang + "'", n.items[i], v, problems);
    for (const auto& s : v) out[lang].push_back(CleanName(lang, s));
  }
}

void MergeExtra(const std::string& file, const JNode& root, const Regions& regions,
                std::map<std::string, Entry>& entries, Problems& problems) {
  if (root.kind != JNode::kObject) {
    problems.Add(file, root.line,
                 std::string("top level must be an object, found ") + KindName(root.kind));
    return;
  }
  for (size_t i = 0; i < root.keys.size(); ++i) {
    if (root.keys[i] != "type" && root.keys[i] != "entries")
      problems.Add(file, root.items[i].line, "unknown top-level field '" + root.keys[i] + "'");
  }
  const JNode* type = root.Get("type");
  if (type == nullptr || type->kind != JNode::kString || type->str != "State")
    problems.Add(file, type ? type->line : root.line, "\"type\" must be \"State\"");
  const JNode* list = root.Get("entries");
  if (list == nullptr || list->kind != JNode::kArray) {
    problems.Add(file, list ? list->line : root.line, "\"entries\" must be an array");
    return;
  }

  static const std::set<std::string> kFields = {
      "id", "label", "labels", "names", "aliases", "guarded", "short_forms", "sameAs", "note"};
  std::set<std::string> seen;
  for (const JNode& n : list->items) {
    if (n.kind != JNode::kObject) {
      problems.Add(file, n.line, std::string("entry must be an object, found ") + KindName(n.kind));
      continue;
    }
    const JNode* idn = n.Get("id");
    if (idn == nullptr || idn->kind != JNode::kString) {
      problems.Add(file, n.line, "entry without a string \"id\"");
      continue;
    }
    const std::string id = idn->str;
    if (!ValidStateId(id)) {
      problems.Add(file, idn->line,
                   "bad id '" + id + "': expected state: + ISO 3166-1 alpha-3 in lower case");
      continue;
    }
    if (!seen.insert(id).second) {
      problems.Add(file, idn->line, "duplicate entry " + id);
      continue;
    }
    bool entry_ok = true;
    for (size_t i = 0; i < n.keys.size(); ++i) {
      if (!kFields.count(n.keys[i])) {
        problems.Add(file, n.items[i].line, id + ": unknown field '" + n.keys[i] + "'");
        entry_ok = false;
      }
    }
    const JNode* note = n.Get("note");
    if (note != nullptr && note->kind != JNode::kString) {
      problems.Add(file, note->line, id + ": 'note' must be a string");
      entry_ok = false;
    }

    Entry add;
    add.id = id;
    const JNode* label = n.Get("label");
    if (label != nullptr) {
      if (label->kind != JNode::kString || Trim(label->str).empty()) {
        problems.Add(file, label->line, id + ": 'label' must be a non-empty string");
        entry_ok = false;
      } else {
        add.label = CleanName("en", label->str);
      }
    }
    const JNode* labels = n.Get("labels");
    if (labels != nullptr) {
      if (labels->kind != JNode::kObject) {
        problems.Add(file, labels->line, id + ": 'labels' must be an object keyed by language");
        entry_ok = false;
      } else {
        for (size_t i = 0; i < labels->keys.size(); ++i) {
          const std::string& lang = labels->keys[i];
          const JNode& v = labels->items[i];
          if (!IsLang(lang)) {
            problems.Add(file, v.line, id + ": 'labels': unknown language '" + lang + "'");
            entry_ok = false;
          } else if (v.kind != JNode::kString || Trim(v.str).empty()) {
            problems.Add(file, v.line, id + ": 'labels." + lang + "' must be a non-empty string");
            entry_ok = false;
          } else {
            add.labels[lang] = CleanName(lang, v.str);
          }
        }
      }
    }
    if (const JNode* v = n.Get("names")) LangListField(file, id, "names", *v, add.names, problems);
    if (const JNode* v = n.Get("short_forms"))
      LangListField(file, id, "short_forms", *v, add.short_forms, problems);
    if (const JNode* v = n.Get("guarded"))
      LangListField(file, id, "guarded", *v, add.guarded, problems);
    if (const JNode* v = n.Get("aliases")) {
      std::vector<std::string> a;
      StringList(file, id + ": 'aliases'", *v, a, problems);
      for (const auto& s : a) add.aliases.push_back(Trim(s));
    }
    if (const JNode* v = n.Get("sameAs")) {
      std::vector<std::string> a;
      StringList(file, id + ": 'sameAs'", *v, a, problems);
      for (size_t i = 0; i < a.size(); ++i) {
        if (!ValidSameAs(a[i])) {
          problems.Add(
              file, v->line,
              id + ": bad sameAs '" + a[i] + "' (expected scheme:value, e.g. iso3166:QAT)");
          entry_ok = false;
        } else {
          add.same_as.push_back(a[i]);
        }
      }
    }
    if (!entry_ok) continue;

    auto it = entries.find(id);
    if (it != entries.end()) {
      // Adds to a TSV entry: its label and labels are UNTERM's.
      if (label != nullptr || labels != nullptr) {
        problems.Add(file, (label ? label : labels)->line,
                     id + ": labels of an entry from the UNTERM list come from the TSV; put other "
                          "forms under 'names'");
        continue;
      }
      Entry& e = it->second;
      for (auto& kv : add.names)
        e.names[kv.first].insert(e.names[kv.first].begin(), kv.second.begin(), kv.second.end());
      for (auto& kv : add.short_forms)
        for (auto& s : kv.second) e.short_forms[kv.first].push_back(s);
      for (auto& kv : add.guarded)
        for (auto& s : kv.second) e.guarded[kv.first].push_back(s);
      e.aliases.insert(e.aliases.end(), add.aliases.begin(), add.aliases.end());
      e.same_as.insert(e.same_as.end(), add.same_as.begin(), add.same_as.end());
      continue;
    }

    // A whole entry.
    const std::string alpha3 = Upper(id.substr(6));
    add.alpha2 = regions.Alpha2(alpha3);
    if (add.label.empty()) {
      problems.Add(
          file, idn->line,
          id +
              ": not in the UNTERM list, so it needs a 'label' (and 'labels') to be a whole entry");
      continue;
    }
    if (!add.labels.count("en")) add.labels["en"] = add.label;
    if (add.alpha2.empty()) {
      std::string missing;
      for (const auto& lang : kLangs)
        if (!add.labels.count(lang)) missing += (missing.empty() ? "" : " ") + lang;
      if (!missing.empty()) {
        problems.Add(file, idn->line,
                     id + ": ICU has no region " + alpha3 +
                         ", so 'labels' must give all six languages; missing: " + missing);
        continue;
      }
    } else {
      add.same_as.push_back("iso3166:" + alpha3);
      int num = Regions::Numeric(add.alpha2);
      if (num > 0) add.same_as.push_back(M49Id(num));
    }
    entries.emplace(id, std::move(add));
  }
}

// ----------------------------------------------------------------- finish

void AddCldr(Entry& e) {
  if (e.alpha2.empty()) return;
  for (const auto& lang : kLangs) {
    CldrNames c = Cldr(lang, e.alpha2);
    std::vector<std::string> forms;
    if (!c.standard.empty()) {
      std::string std_name = CleanName(lang, c.standard);
      if (!e.labels.count(lang)) {
        e.labels[lang] = std_name;  // territories: CLDR is the only source
      } else {
        forms.push_back(std_name);
      }
    }
    for (const auto& o : c.others) forms.push_back(CleanName(lang, o));
    for (const auto& f : forms)
      if (!TooShort(f)) e.names[lang].push_back(f);
  }
}

// Deduplicates by key, keeping the first (highest-precedence) spelling, then
// sorts bytewise.
std::vector<std::string> Dedup(const std::vector<std::string>& in,
                               std::string (*key)(const std::string&),
                               const std::set<std::string>& exclude_keys) {
  std::set<std::string> seen = exclude_keys;
  std::vector<std::string> out;
  for (const auto& s : in) {
    if (s.empty()) continue;
    std::string k = key(s);
    if (k.empty() || !seen.insert(k).second) continue;
    out.push_back(s);
  }
  std::sort(out.begin(), out.end());
  return out;
}

void Finish(Entry& e) {
  AddCldr(e);
  for (const auto& lang : kLangs) {
    std::set<std::string> label_keys;
    if (e.labels.count(lang)) label_keys.insert(MatchKey(e.labels[lang]));
    if (lang == "en") label_keys.insert(MatchKey(e.label));

    std::vector<std::string> guarded = Dedup(e.guarded[lang], MatchKey, {});
    std::set<std::string> guarded_keys;
    for (const auto& g : guarded) guarded_keys.insert(MatchKey(g));
    if (guarded.empty())
      e.guarded.erase(lang);
    else
      e.guarded[lang] = guarded;

    // A guarded form is matched only as guarded: keep it out of names.
    std::set<std::string> exclude = label_keys;
    exclude.insert(guarded_keys.begin(), guarded_keys.end());
    std::vector<std::string> names = Dedup(e.names[lang], MatchKey, exclude);
    if (names.empty())
      e.names.erase(lang);
    else
      e.names[lang] = names;

    std::vector<std::string> sf = Dedup(e.short_forms[lang], MatchKey, {});
    if (sf.empty())
      e.short_forms.erase(lang);
    else
      e.short_forms[lang] = sf;
  }
  e.aliases = Dedup(e.aliases, CaseKey, {});
  std::set<std::string> sa(e.same_as.begin(), e.same_as.end());
  e.same_as.assign(sa.begin(), sa.end());
}

// ----------------------------------------------------------------- output

template <typename W>
void WriteLangLists(W& w, const char* field, const LangLists& lists) {
  if (lists.empty()) return;
  w.Key(field);
  w.StartObject();
  for (const auto& lang : kLangs) {
    auto it = lists.find(lang);
    if (it == lists.end()) continue;
    w.Key(lang);
    w.StartArray();
    for (const auto& s : it->second) w.String(s);
    w.EndArray();
  }
  w.EndObject();
}

std::string Render(const std::map<std::string, Entry>& entries) {
  rapidjson::StringBuffer buf;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buf);
  w.SetIndent(' ', 2);
  w.SetFormatOptions(rapidjson::kFormatSingleLineArray);
  w.StartObject();
  w.Key("type");
  w.String("State");
  w.Key("entries");
  w.StartArray();
  for (const auto& kv : entries) {
    const Entry& e = kv.second;
    w.StartObject();
    w.Key("id");
    w.String(e.id);
    w.Key("label");
    w.String(e.label);
    w.Key("labels");
    w.StartObject();
    for (const auto& lang : kLangs) {
      auto it = e.labels.find(lang);
      if (it == e.labels.end()) continue;
      w.Key(lang);
      w.String(it->second);
    }
    w.EndObject();
    WriteLangLists(w, "names", e.names);
    if (!e.aliases.empty()) {
      w.Key("aliases");
      w.StartArray();
      for (const auto& s : e.aliases) w.String(s);
      w.EndArray();
    }
    WriteLangLists(w, "short_forms", e.short_forms);
    WriteLangLists(w, "guarded", e.guarded);
    if (!e.same_as.empty()) {
      w.Key("sameAs");
      w.StartArray();
      for (const auto& s : e.same_as) w.String(s);
      w.EndArray();
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize()) + "\n";
}

bool WriteFile(const std::string& path, const std::string& data, Problems& problems) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) {
      problems.Add(tmp, 0, "cannot open for writing");
      return false;
    }
    out << data;
    out.flush();
    if (!out) {
      problems.Add(tmp, 0, "write failed");
      return false;
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    problems.Add(path, 0, "cannot replace file");
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: " << (argc > 0 ? argv[0] : "make_state_lexicon")
              << " TSV EXTRA_JSON OUT_JSON\n";
    return 2;
  }
  const std::string tsv = argv[1], extra = argv[2], out = argv[3];
  Problems problems;
  Regions regions;
  std::map<std::string, Entry> entries;

  ReadTsv(tsv, regions, entries, problems);
  JNode root;
  if (ReadJson(extra, root, problems)) MergeExtra(extra, root, regions, entries, problems);
  if (!problems.Empty()) {
    problems.Print();
    return 2;
  }
  for (auto& kv : entries) Finish(kv.second);
  for (const auto& kv : entries) {
    for (const auto& lang : kLangs)
      if (!kv.second.labels.count(lang))
        std::cerr << extra << ": warning: " << kv.first << " has no label in '" << lang << "'\n";
  }
  if (!WriteFile(out, Render(entries), problems)) {
    problems.Print();
    return 2;
  }
  std::cerr << "make_state_lexicon: wrote " << entries.size() << " State entries to " << out
            << '\n';
  return 0;
}

#include "extractors/normalise.h"

#include <catch2/catch.hpp>
#include <set>

using namespace crimekg;

namespace {

std::vector<std::string> keys(const TokenStream& s) {
  std::vector<std::string> out;
  for (const auto& t : s.tokens) out.emplace_back(s.key(t));
  return out;
}

std::string slice(std::string_view text, const Token& t) {
  return std::string(text.substr(t.begin, t.end - t.begin));
}

}  // namespace

TEST_CASE("case, width, ligatures and diacritics fold; offsets stay on the original bytes") {
  Normaliser n;
  TokenStream s;
  const std::string text = "ＵＮＯＤＣ and Côte d\u2019Ivoire: Türkiye ﬁnance";
  n.tokenise(text, {}, {}, s);
  REQUIRE(keys(s) ==
          std::vector<std::string>{"unodc", "and", "cote", "d", "ivoire", "turkiye", "finance"});
  CHECK(slice(text, s.tokens[0]) == "ＵＮＯＤＣ");
  CHECK(slice(text, s.tokens[2]) == "Côte");
  CHECK(slice(text, s.tokens[5]) == "Türkiye");
  CHECK(slice(text, s.tokens[6]) == "ﬁnance");
  CHECK((s.tokens[0].flags & token_flag::kAllUpper));
  CHECK((s.tokens[2].flags & token_flag::kCapitalized));
  CHECK(!(s.tokens[1].flags & token_flag::kCapitalized));
}

TEST_CASE(
    "Arabic: harakat, tatweel, alef forms and digits fold; proclitics strip; spans cover the "
    "word") {
  Normaliser n;
  TokenStream s;
  // «وللمكتبِ» = wa + li + al + maktab with a kasra; «بالمخدرات»; «إنتربول»; «١٢»
  const std::string text = "وللمكتبِ بالمخدرات إنتربـول ١٢";
  n.tokenise(text, {}, {}, s);
  REQUIRE(s.tokens.size() == 4);
  CHECK(keys(s)[0] == "مكتب");
  CHECK((s.tokens[0].flags & token_flag::kDefinite));
  CHECK(slice(text, s.tokens[0]) == "وللمكتبِ");
  CHECK(keys(s)[1] == "مخدرات");
  CHECK(keys(s)[2] == "انتربول");
  CHECK(slice(text, s.tokens[2]) == "إنتربـول");
  CHECK(keys(s)[3] == "12");
  CHECK((s.tokens[3].flags & token_flag::kDigits));
}

TEST_CASE("Arabic: a name keeps letters that look like proclitics and loses only the article") {
  Normaliser n;
  CHECK(n.keys_of("في") == std::vector<std::string>{"في"});
  // فرنسا, كينيا, لبنان, فيينا begin with a proclitic letter that is theirs.
  for (const char* name : {"فرنسا", "فنلندا", "فيينا", "كينيا", "كندا", "بلجيكا", "لبنان", "ليبيا"})
    CHECK(n.keys_of(name).size() == 1);
  CHECK(n.keys_of("فرنسا") == std::vector<std::string>{"فرنسا"});
  CHECK(n.keys_of("لبنان") == std::vector<std::string>{"لبنان"});
  // The article goes, alone or behind proclitics (لل = ل + ال).
  CHECK(n.keys_of("المكتب") == std::vector<std::string>{"مكتب"});
  CHECK(n.keys_of("بالمخدرات") == std::vector<std::string>{"مخدرات"});
  CHECK(n.keys_of("للأمم") == std::vector<std::string>{"امم"});
  TokenStream s;
  n.tokenise_name("المكتب", s);
  CHECK((s.tokens[0].flags & token_flag::kDefinite));
}

namespace {
std::vector<std::string> variants_of(const TokenStream& s, const Token& t) {
  std::vector<std::string> out;
  for (std::uint32_t v = t.variant_begin; v < t.variant_begin + t.variant_count; ++v)
    out.emplace_back(s.key(s.variants[v]));
  return out;
}
}  // namespace

TEST_CASE(
    "Arabic: a text word is read behind every valid proclitic sequence (least stripped first)") {
  Normaliser n;
  TokenStream s;
  const std::string text = "وفرنسا لكينيا وللمكتب فريق وفريق في";
  n.tokenise(text, {}, {}, s);
  REQUIRE(s.tokens.size() == 6);
  // (و|ف)?(ب|ك|ل)?(ال)? and لل: the word itself first.
  // One conjunction at most: «وفرنسا» is و + فرنسا, never و + ف + رنسا.
  CHECK(variants_of(s, s.tokens[0]) == std::vector<std::string>{"وفرنسا", "فرنسا"});
  CHECK(variants_of(s, s.tokens[1]) == std::vector<std::string>{"لكينيا", "كينيا"});
  const auto office = variants_of(s, s.tokens[2]);
  CHECK(office.front() == "وللمكتب");
  CHECK(office.back() == "مكتب");
  CHECK((s.variants[s.tokens[2].variant_begin + s.tokens[2].variant_count - 1].flags &
         token_flag::kDefinite));
  // Never inside a word: no reading drops letters that are no proclitics.
  for (const auto& t : s.tokens)
    for (const auto& v : variants_of(s, t))
      CHECK(std::string_view(text).substr(t.begin, t.end - t.begin).size() >= v.size());
  CHECK(variants_of(s, s.tokens[3]) == std::vector<std::string>{"فريق", "ريق"});
  CHECK(variants_of(s, s.tokens[4]) == std::vector<std::string>{"وفريق", "فريق"});
  // A two-letter word has one reading.
  CHECK(s.tokens[5].variant_count == 0);
  CHECK(s.key(s.tokens[5]) == "في");
}

namespace {
// What the matcher does with a text word: the first of its readings that a
// name's key is, else its most stripped one.
std::string resolved(const std::string& word, const std::set<std::string>& name_keys) {
  const auto readings = russian_key_variants(word);
  for (const auto& r : readings)
    if (name_keys.count(r)) return r;
  return readings.back();
}
}  // namespace

TEST_CASE("Russian: the six cases of a name read as one key; distinct names keep distinct keys") {
  Normaliser n;
  // Nominative first; then the oblique cases texts print.
  const std::vector<std::vector<std::string>> paradigms = {
      {"Нигерия", "Нигерии", "Нигерию", "Нигерией"},
      {"Нигер", "Нигера", "Нигеру", "Нигером", "Нигере"},
      {"Китай", "Китая", "Китаю", "Китаем", "Китае"},
      {"Кито"},
      {"Ассамблея", "Ассамблеи", "Ассамблее", "Ассамблею", "Ассамблеей"},
      {"Казахстан", "Казахстана", "Казахстану", "Казахстаном", "Казахстане"},
      {"Иран", "Ирана", "Ирану", "Ираном", "Иране"},
      {"Федерация", "Федерации", "Федерацию", "Федерацией"},
      {"Организация", "Организации", "Организацию", "Организацией"},
      {"Объединенные", "Объединенных", "Объединенным", "Объединенными"},
      {"Наций", "Нации", "Нациям", "Нациями", "Нациях"},
      {"Управление", "Управления", "Управлению", "Управлением", "Управлении"},
      {"наркотикам", "наркотики", "наркотиков", "наркотиками"},
      {"преступности", "преступность", "преступностью"},
      {"торговля", "торговли", "торговле", "торговлю", "торговлей"},
      {"людьми", "люди", "людей", "людям"},
      {"фальсифицированная", "фальсифицированной", "фальсифицированную"},
      {"Генеральная", "Генеральной", "Генеральную"},
      {"Африканский", "Африканского", "Африканском", "Африканских"},
      {"Штаты", "Штатов", "Штатам"},
  };
  std::set<std::string> name_keys;
  for (const auto& p : paradigms) {
    const auto keys = n.keys_of(p.front());
    REQUIRE(keys.size() == 1);
    CHECK(name_keys.insert(keys[0]).second);  // distinct names, distinct keys
  }
  for (const auto& p : paradigms) {
    const std::string name_key = n.keys_of(p.front())[0];
    for (const auto& form : p) {
      INFO(p.front() << " / " << form);
      TokenStream s;
      n.tokenise(form, {}, {}, s);
      REQUIRE(s.tokens.size() == 1);
      std::string folded(s.key(s.tokens[0]));
      // The text's readings come from russian_key_variants of the folded word.
      const auto first = s.tokens[0].variant_count
                             ? std::string(s.key(s.variants[s.tokens[0].variant_begin]))
                             : folded;
      CHECK(resolved(first, name_keys) == name_key);
    }
  }
  CHECK(n.keys_of("Нигерия") != n.keys_of("Нигер"));
  CHECK(n.keys_of("Китай") != n.keys_of("Кито"));
  // Phrases: one key sequence for every case of the phrase.
  CHECK(n.keys_of("торговля людьми") == std::vector<std::string>{"торговл", "люд"});
}

TEST_CASE(
    "Russian: endings in и are adjectival only after velars and sibilants; stems keep three "
    "letters") {
  // «Наций» keeps its и (нация), «Африканский» loses ий.
  CHECK(russian_key_variants("наций") == std::vector<std::string>{"наций"});
  CHECK(russian_key_variants("африканский").back() == "африканск");
  // «Того» has no two-letter stem.
  CHECK(russian_key_variants("того").back() == "тог");
  CHECK(russian_key_variants("его") == std::vector<std::string>{"его"});
}

TEST_CASE("Chinese: one token per ideograph") {
  Normaliser n;
  TokenStream s;
  const std::string text = "大会第58/136号决议";
  n.tokenise(text, {}, {}, s);
  REQUIRE(keys(s) == std::vector<std::string>{"大", "会", "第", "58", "136", "号", "决", "议"});
  CHECK(slice(text, s.tokens[0]) == "大");
  CHECK((s.tokens[0].flags & token_flag::kHan));
}

TEST_CASE("sentence ends, tabs and paragraph breaks flag the next token") {
  Normaliser n;
  TokenStream s;
  const std::string text = "Qatar. Morocco\tEgypt GLO.ACT 58/136.\nNext";
  n.tokenise(text, {}, {}, s);
  REQUIRE(keys(s) ==
          std::vector<std::string>{"qatar", "morocco", "egypt", "glo", "act", "58", "136", "next"});
  CHECK((s.tokens[0].flags & token_flag::kBreakBefore));
  CHECK((s.tokens[1].flags & token_flag::kBreakBefore));
  CHECK((s.tokens[2].flags & token_flag::kBreakBefore));
  CHECK(!(s.tokens[4].flags & token_flag::kBreakBefore));  // GLO.ACT stays one name
  CHECK((s.tokens[7].flags & token_flag::kBreakBefore));
}

TEST_CASE("hyphen at a line break is noted; skipped furniture yields no tokens") {
  Normaliser n;
  TokenStream s;
  const std::string text = "traffick-\nV.20-04012\ning in persons";
  const auto furniture_begin = static_cast<std::uint32_t>(text.find("V.20"));
  n.tokenise(text, {{furniture_begin, furniture_begin + 10}}, {}, s);
  REQUIRE(keys(s) == std::vector<std::string>{"traffick", "ing", "in", "persons"});
  CHECK((s.tokens[0].flags & token_flag::kHyphenBreak));
}

TEST_CASE("footnote markers glued to words split off") {
  Normaliser n;
  CHECK(n.keys_of("countries\u00B3") == std::vector<std::string>{"countries", "3"});
  CHECK(n.keys_of("Qatar7") == std::vector<std::string>{"qatar", "7"});
}

TEST_CASE("fold_name drops a leading article and joins keys") {
  CHECK(fold_name("The United Nations Office on Drugs and Crime") ==
        "united nations office on drugs and crime");
  CHECK(fold_name("money-laundering") == "money laundering");
  // Hamza forms of alef and alef maqsura fold.
  CHECK(fold_name("مكتب الأمم المتحدة المعني بالمخدرات") ==
        fold_name("مكتب الامم المتحدة المعنى بالمخدرات"));
}

TEST_CASE("any byte sequence tokenises without crashing, offsets inside the text") {
  Normaliser n;
  TokenStream s;
  std::string text;
  for (int i = 0; i < 4096; ++i) text += static_cast<char>((i * 7919 + 13) & 0xFF);
  n.tokenise(text, {}, {}, s);
  for (const auto& t : s.tokens) {
    CHECK(t.begin < t.end);
    CHECK(t.end <= text.size());
  }
}

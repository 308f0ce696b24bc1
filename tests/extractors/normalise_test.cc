#include <catch2/catch.hpp>

#include "extractors/normalise.h"

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
  REQUIRE(keys(s) == std::vector<std::string>{"unodc", "and", "cote", "d", "ivoire", "turkiye", "finance"});
  CHECK(slice(text, s.tokens[0]) == "ＵＮＯＤＣ");
  CHECK(slice(text, s.tokens[2]) == "Côte");
  CHECK(slice(text, s.tokens[5]) == "Türkiye");
  CHECK(slice(text, s.tokens[6]) == "ﬁnance");
  CHECK((s.tokens[0].flags & token_flag::kAllUpper));
  CHECK((s.tokens[2].flags & token_flag::kCapitalized));
  CHECK(!(s.tokens[1].flags & token_flag::kCapitalized));
}

TEST_CASE("Arabic: harakat, tatweel, alef forms and digits fold; proclitics strip; spans cover the word") {
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

TEST_CASE("a word is never cut below two letters by proclitic stripping") {
  Normaliser n;
  CHECK(n.keys_of("في") == std::vector<std::string>{"في"});
  CHECK(n.keys_of("ليبيا") == n.keys_of("لليبيا"));
  CHECK(n.keys_of("مصر") == n.keys_of("ومصر"));
}

TEST_CASE("Russian case endings stem to the same key") {
  Normaliser n;
  CHECK(n.keys_of("Казахстан") == n.keys_of("Казахстану"));
  CHECK(n.keys_of("отмывание денег") == n.keys_of("отмыванием денег"));
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
  REQUIRE(keys(s) == std::vector<std::string>{"qatar", "morocco", "egypt", "glo", "act", "58", "136", "next"});
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
  CHECK(fold_name("مكتب الأمم المتحدة المعني بالمخدرات") == fold_name("مكتب الامم المتحدة المعنى بالمخدرات"));
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

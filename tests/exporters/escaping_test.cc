#include "exporters/escaping.h"

#include <catch2/catch.hpp>

using namespace crimekg::detail;

TEST_CASE("valid_utf8 keeps well-formed text and replaces each bad byte", "[escaping]") {
  CHECK(valid_utf8("plain ascii") == "plain ascii");
  CHECK(valid_utf8("قطر and 🚔") == "قطر and 🚔");
  CHECK(valid_utf8(std::string("a\xFF"
                               "b")) == "a\uFFFDb");                       // invalid lead byte
  CHECK(valid_utf8(std::string("a\xC3")) == "a\uFFFD");                    // truncated sequence
  CHECK(valid_utf8(std::string("\xC0\xAF")) == "\uFFFD\uFFFD");            // overlong "/"
  CHECK(valid_utf8(std::string("\xED\xA0\x80")) == "\uFFFD\uFFFD\uFFFD");  // UTF-16 surrogate
  CHECK(valid_utf8(std::string("nul\0in", 6)) == std::string("nul\0in", 6));
}

TEST_CASE("xml_safe writes forbidden controls as Control Pictures", "[escaping]") {
  CHECK(xml_safe("a\fb") == "a\u240Cb");
  CHECK(xml_safe(std::string("\0\x01\x1b\x1f", 4)) == "\u2400\u2401\u241B\u241F");
  CHECK(xml_safe("tab\tnew\nline\rcr") == "tab\tnew\nline\rcr");  // allowed: kept
  CHECK(xml_safe("del\x7f") == "del\x7f");                        // allowed in XML 1.0
  CHECK(xml_safe("\uFFFE\uFFFF") == "\uFFFD\uFFFD");
}

TEST_CASE("xml_escape is safe in attributes and content", "[escaping]") {
  CHECK(xml_escape("<a href=\"x\">&amp;'</a>") ==
        "&lt;a href=&quot;x&quot;&gt;&amp;amp;&apos;&lt;/a&gt;");
  CHECK(xml_escape("line\nnext\ttab\rcr") == "line&#10;next&#9;tab&#13;cr");
  CHECK(xml_escape("form\ffeed") == "form\u240Cfeed");
  CHECK(xml_escape("مكتب") == "مكتب");
}

TEST_CASE("csv_field quotes every field and doubles quotes", "[escaping]") {
  CHECK(csv_field("plain") == "\"plain\"");
  CHECK(csv_field("") == "\"\"");
  CHECK(csv_field("say \"hi\", then\nleave") == "\"say \"\"hi\"\", then\nleave\"");
  CHECK(csv_field("back\\slash") == "\"back\\slash\"");
  CHECK(csv_field(std::string("nul\0x", 5)) == "\"nul\u2400x\"");
}

TEST_CASE("array encodings for Neo4j and Kuzu", "[escaping]") {
  CHECK(neo4j_array({}) == "");
  CHECK(neo4j_array({"a", "b;c", ""}) ==
        "a\x1f"
        "b;c\x1f");
  CHECK(neo4j_array({"x\x1fy"}) == "x\u241Fy");
  CHECK(kuzu_list({}) == "");
  CHECK(kuzu_list({""}) == "\x1e");
  CHECK(kuzu_list({"a", "b,c", "x\x1fy"}) ==
        "\x1e"
        "a\x1f\x1e"
        "b,c\x1f\x1ex\u241Fy");
}

TEST_CASE("percent_encode keeps IRI-safe characters only", "[escaping]") {
  CHECK(percent_encode("resolution:ga/58/136", true) == "resolution:ga/58/136");
  CHECK(percent_encode("resolution:ga/58/136", false) == "resolution:ga%2F58%2F136");
  CHECK(percent_encode("a b\"<>%#?", true) == "a%20b%22%3C%3E%25%23%3F");
  CHECK(percent_encode("قطر", true) == "%D9%82%D8%B7%D8%B1");
  CHECK(percent_encode("x!$&'()*+,;=:@-._~", false) == "x!$&'()*+,;=:@-._~");
}

TEST_CASE("identifier makes a plain name", "[escaping]") {
  CHECK(identifier("participatedIn") == "participatedIn");
  CHECK(identifier("weird predicate/\"x\"") == "weird_predicate__x_");
  CHECK(identifier("zh-Hans") == "zh_Hans");
  CHECK(identifier("3d") == "_3d");
  CHECK(identifier("") == "_");
}

TEST_CASE("is_language_tag accepts BCP 47 shapes", "[escaping]") {
  for (const char* tag : {"en", "ar", "zh-Hans", "es-419", "sr-Latn-RS"})
    CHECK(is_language_tag(tag));
  for (const char* tag : {"", "e", "not a tag", "en-", "-en", "1a", "en_US", "toolonglanguage"}) {
    CHECK_FALSE(is_language_tag(tag));
  }
}

TEST_CASE("gephi_list and json_string_array", "[escaping]") {
  CHECK(gephi_list({}) == "[]");
  CHECK(gephi_list({"a", "b \"c\"", "back\\"}) == "[\"a\", \"b \\\"c\\\"\", \"back\\\\\"]");
  CHECK(json_string_array({}) == "[]");
  CHECK(json_string_array({"a\"b", "tab\t", std::string("\x01", 1)}) ==
        "[\"a\\\"b\",\"tab\\t\",\"\\u0001\"]");
}

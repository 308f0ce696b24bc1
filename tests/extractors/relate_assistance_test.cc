// assisted (including a footnote's list) and fundedBy (donor tables, "funded by").
#include "tests/extractors/relate_test_support.h"

using crimekg::testing::extract_text;

namespace {
const std::string kUnodc = "body:united-nations-office-on-drugs-and-crime";
const std::string kFund = "programme:united-nations-crime-prevention-and-criminal-justice-fund";
const std::string kGmcp = "programme:global-maritime-crime-programme";
}  // namespace

TEST_CASE(
    "assisted, fundedBy (en): a footnote marker binds its list; donor table rows; \"funded by\"") {
  auto x = extract_text(
      "1. The United Nations Office on Drugs and Crime provides legislative assistance. Such "
      "assistance had been "
      "delivered to three countries as at July 2004.\u00B9\n\n"
      "2. The table below shows the contributions made to the United Nations Crime Prevention and "
      "Criminal "
      "Justice Fund:\n\n"
      "Donor\tTotal value\n"
      "Austria\t1 025 674\n"
      "Norway\t47 071\n\n"
      "3. The Global Maritime Crime Programme, funded by Denmark, trained coast guards of Costa "
      "Rica.\n\n"
      "\u00B9 Angola, Benin and Chad.\n");
  CHECK(x->targets(kUnodc, "assisted") ==
        std::vector<std::string>{"state:ago", "state:ben", "state:tcd"});
  const auto* edge = x->edge(kUnodc, "assisted", "state:ben");
  REQUIRE(edge);
  // The evidence is the sentence that carries the marker.
  CHECK(edge->evidence.front().text.rfind("Such assistance had been delivered", 0) == 0);
  CHECK(x->targets(kFund, "fundedBy") == std::vector<std::string>{"state:aut", "state:nor"});
  CHECK(x->has(kGmcp, "fundedBy", "state:dnk"));
  CHECK(x->has(kGmcp, "assisted", "state:cri"));
  CHECK_FALSE(x->has(kGmcp, "assisted", "state:dnk"));
}

TEST_CASE(
    "assisted, fundedBy (ar): «ودعم المكتب ... في السلفادور وغواتيمالا», «الذي تموله الدانمرك»") {
  auto x = extract_text(
      "1- ودعم مكتب الأمم المتحدة المعني بالمخدرات والجريمة وزارتي التعليم في السلفادور وغواتيمالا "
      "في تصميم "
      "استراتيجية لمنع الجريمة.\n\n"
      "2- وقدم البرنامج العالمي لمكافحة الجرائم البحرية، الذي تموله الدانمرك، دورات تدريبية في "
      "كوستاريكا.\n");
  CHECK(x->targets(kUnodc, "assisted") == std::vector<std::string>{"state:gtm", "state:slv"});
  CHECK(x->has(kGmcp, "fundedBy", "state:dnk"));
  CHECK(x->has(kGmcp, "assisted", "state:cri"));
  CHECK_FALSE(x->has(kGmcp, "assisted", "state:dnk"));
}

TEST_CASE("mentionedWith: paragraph co-occurrence, weighted, apart from the typed predicates") {
  auto x = extract_text(
      "1. Qatar and Egypt met.\n\n"
      "2. Egypt and Qatar met again.\n\n"
      "3. Morocco spoke.\n");
  const auto* pair = x->edge("state:egy", "mentionedWith", "state:qat");
  REQUIRE(pair);
  CHECK(pair->weight == 2);
  CHECK_FALSE(x->has("state:egy", "mentionedWith", "state:mar"));
}

// addresses: bodies, programmes, resolutions, instruments and meetings -> crime types.
#include "tests/extractors/relate_test_support.h"

using crimekg::testing::extract_text;

namespace {
const std::string kUnodc = "body:united-nations-office-on-drugs-and-crime";
const std::string kTip = "crime:trafficking-in-persons";
const std::string kSom = "crime:smuggling-of-migrants";
}  // namespace

TEST_CASE("addresses (en): a clause cue before a list of crimes; names; resolution scope; titles") {
  auto x = extract_text(
      "1. The United Nations Office on Drugs and Crime continued its work to combat trafficking in "
      "persons "
      "and smuggling of migrants. The Global Programme against Terrorism was fully implemented.\n\n"
      "2. The Institute for Security Studies published a study. Terrorism remained on the "
      "agenda.\n\n"
      "3. In its resolution 1373 (2001), the Security Council noted the close connection between "
      "terrorism "
      "and money-laundering.\n\n"
      "4. The report was prepared pursuant to General Assembly resolution 58/136 of 22 December "
      "2003, "
      "entitled \"Strengthening international cooperation in preventing terrorism\".\n\n"
      "5. The Conference of the Parties to the United Nations Convention against Transnational "
      "Organized "
      "Crime met in Vienna.\n");
  CHECK(x->targets(kUnodc, "addresses") == std::vector<std::string>{kSom, kTip});
  CHECK(x->has("programme:global-programme-against-terrorism", "addresses", "crime:terrorism"));
  // No cue: a body and a crime in one paragraph are not related.
  CHECK_FALSE(x->has("body:institute-for-security-studies", "addresses", "crime:terrorism"));
  CHECK(x->has("resolution:sc/1373", "addresses", "crime:terrorism"));
  CHECK(x->has("resolution:sc/1373", "addresses", "crime:money-laundering"));
  CHECK(x->has("resolution:ga/58/136", "addresses", "crime:terrorism"));
  // The Convention's name inside the Conference's name says nothing about the Conference.
  CHECK_FALSE(
      x->has("body:conference-of-the-parties-to-the-united-nations-convention-against-"
             "transnational-organized-crime",
             "addresses", "crime:organized-crime"));
  // Evidence is the sentence that states the relation.
  const auto* edge = x->edge(kUnodc, "addresses", kTip);
  REQUIRE(edge);
  CHECK(edge->evidence.front().text.rfind("The United Nations Office on Drugs and Crime continued",
                                          0) == 0);
  CHECK(edge->evidence.front().paragraph == "1");
}

TEST_CASE(
    "addresses (ar): «لمكافحة» before crimes; «المعني ب» in a name; a quoted title; an agenda "
    "item") {
  auto x = extract_text(
      "مؤتمر الأطراف في اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية\n\n"
      "تقرير مؤتمر الأطراف عن أعمال دورته الثانية عشرة\n\n"
      "1- يواصل مكتب الأمم المتحدة المعني بالمخدرات والجريمة جهوده لمكافحة الاتجار بالأشخاص وتهريب "
      "المهاجرين.\n\n"
      "2- واجتمع الفريق العامل المعني بالاتجار بالأشخاص في فيينا.\n\n"
      "3- وأشار المؤتمر إلى قرار الجمعية العامة 185/76 المؤرخ 16 كانون الأول/ديسمبر 2021، والمعنون "
      "\"منع ومكافحة غسل الأموال\".\n\n"
      "4- نظر المؤتمر في البند 2 من جدول الأعمال المعنون \"تعزيز التعاون الدولي على مكافحة "
      "الفساد\".\n");
  CHECK(x->targets(kUnodc, "addresses") == std::vector<std::string>{kSom, kTip});
  CHECK(x->has("body:working-group-on-trafficking-in-persons", "addresses", kTip));
  CHECK(x->has("resolution:ga/76/185", "addresses", "crime:money-laundering"));
  CHECK(
      x->has("meeting:conference-of-the-parties-to-the-united-nations-convention-against-"
             "transnational-organized-crime/12",
             "addresses", "crime:corruption"));
}

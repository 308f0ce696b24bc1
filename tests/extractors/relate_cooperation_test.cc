// cooperatesWith (both ways) and heldIn.
#include "tests/extractors/relate_test_support.h"

using crimekg::testing::extract_text;

namespace {
const std::string kUnodc = "body:united-nations-office-on-drugs-and-crime";
const std::string kInterpol = "body:international-criminal-police-organization";
const std::string kWco = "body:world-customs-organization";
const std::string kIss = "body:institute-for-security-studies";
const std::string kSession =
    "meeting:conference-of-the-parties-to-the-united-nations-convention-against-transnational-"
    "organized-crime/12";
}  // namespace

TEST_CASE(
    "cooperatesWith (en): \"in cooperation with\", \"jointly with\" (the document's actor), "
    "\"cooperation between\"") {
  auto x = extract_text(
      "1. The United Nations Office on Drugs and Crime organized a meeting in cooperation with the "
      "Institute for "
      "Security Studies. The Office trained prosecutors.\n\n"
      "2. Workshops were held in Costa Rica, jointly with the Office for Democratic Institutions "
      "and Human Rights of "
      "the Organization for Security and Co-operation in Europe.\n\n"
      "3. The meeting noted the cooperation between the World Customs Organization and "
      "INTERPOL.\n");
  CHECK(x->has(kUnodc, "cooperatesWith", kIss));
  CHECK(x->has(kIss, "cooperatesWith", kUnodc));
  CHECK(
      x->has(kUnodc, "cooperatesWith", "body:office-for-democratic-institutions-and-human-rights"));
  CHECK_FALSE(x->has(kUnodc, "cooperatesWith",
                     "body:organization-for-security-and-co-operation-in-europe"));
  CHECK(x->has(kWco, "cooperatesWith", kInterpol));
  CHECK(x->has(kInterpol, "cooperatesWith", kWco));
}

TEST_CASE("cooperatesWith (ar): «يتعاون المكتب مع», «بالتعاون مع»") {
  auto x = extract_text(
      "1- يقدم مكتب الأمم المتحدة المعني بالمخدرات والجريمة المساعدة التقنية.\n\n"
      "2- ولتعزيز هذه الشبكة، يتعاون المكتب مع الإنتربول ومنظمة الجمارك العالمية.\n\n"
      "3- ونظم المكتب اجتماعا بالتعاون مع معهد الدراسات الأمنية.\n");
  CHECK(x->has(kUnodc, "cooperatesWith", kInterpol));
  CHECK(x->has(kUnodc, "cooperatesWith", kWco));
  CHECK(x->has(kWco, "cooperatesWith", kUnodc));
  CHECK(x->has(kUnodc, "cooperatesWith", kIss));
  CHECK_FALSE(x->has(kInterpol, "cooperatesWith", kWco));
}

TEST_CASE("heldIn (en, ar): \"held in Vienna\", «المعقودة في فيينا»") {
  auto en = extract_text(
      "Conference of the Parties to the United Nations Convention against Transnational Organized "
      "Crime\n\n"
      "1. The Conference held its twelfth session, which was held in Vienna from 14 to 18 October "
      "2024.\n");
  CHECK(en->has(kSession, "heldIn", "place:vienna"));
  auto ar = extract_text(
      "مؤتمر الأطراف في اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية\n\n"
      "1- وعقد المؤتمر دورته الثانية عشرة، المعقودة في فيينا من 14 إلى 18 تشرين الأول/أكتوبر "
      "2024.\n");
  CHECK(ar->has(kSession, "heldIn", "place:vienna"));
}

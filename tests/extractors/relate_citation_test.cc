// cites (and adopted, which the reference recognizer emits): what a document
// and the resolutions it reproduces refer to.
#include "tests/extractors/relate_test_support.h"

using crimekg::testing::extract_text;

namespace {
const std::string kUntoc =
    "instrument:united-nations-convention-against-transnational-organized-crime";
const std::string kCop =
    "body:conference-of-the-parties-to-the-united-nations-convention-against-transnational-"
    "organized-crime";
}  // namespace

TEST_CASE(
    "cites (en): \"pursuant to\" a resolution, a document symbol, a Convention annexed to a "
    "resolution") {
  auto x = extract_text(
      "Report of the Secretary-General\n\n"
      "Summary\n\n"
      "The present report has been prepared pursuant to General Assembly resolution 58/136 (see "
      "also A/59/150).\n\n"
      "1. The Office promotes the United Nations Convention against Transnational Organized Crime "
      "(General Assembly "
      "resolution 55/25, annex I).\n\n"
      "2. In its resolution 1373 (2001), the Security Council called upon States to cooperate.\n",
      "report.txt");
  const std::string self = x->analysis.id;
  REQUIRE(self == "document:report.txt");
  CHECK(x->has(self, "cites", "resolution:ga/58/136"));
  CHECK(x->has(self, "cites", "document:A/59/150"));
  CHECK(x->has("resolution:ga/55/25", "cites", kUntoc));
  // Naming a resolution is not citing it without a cue.
  CHECK_FALSE(x->has(self, "cites", "resolution:sc/1373"));
  CHECK(x->has("body:general-assembly", "adopted", "resolution:ga/58/136"));
  CHECK(x->has("body:security-council", "adopted", "resolution:sc/1373"));
}

TEST_CASE(
    "cites (ar): a resolution the report reproduces cites what its text recalls; titles name "
    "instruments") {
  auto x = extract_text(
      "مؤتمر الأطراف في اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية\n\n"
      "أولاً- القرارات التي اعتمدها المؤتمر\n\n"
      "1- اعتمد مؤتمر الأطراف القرار التالي:\n\n"
      "القرار 1/12\n\n"
      "تنفيذ الأحكام المتعلقة بالتعاون الدولي\n\n"
      "إن مؤتمر الأطراف في اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية،\n\n"
      "وإذ يشير إلى قراره 4/10 المؤرخ 16 تشرين الأول/أكتوبر 2020 والمعنون \"تعزيز تنفيذ اتفاقية "
      "الأمم المتحدة "
      "لمكافحة الجريمة المنظمة عبر الوطنية\"،\n\n"
      "1- يرحب بالتقرير الوارد في الوثيقة CTOC/COP/2024/5؛\n\n"
      "ثانياً - المسائل التنظيمية\n\n"
      "2- أقر المؤتمر جدول الأعمال الوارد في الوثيقة CTOC/COP/2024/1.\n",
      "cop.txt");
  const std::string self = x->analysis.id;
  CHECK(x->has("resolution:cop-untoc/12/1", "cites", "resolution:cop-untoc/10/4"));
  CHECK(x->has("resolution:cop-untoc/12/1", "cites", "document:CTOC/COP/2024/5"));
  CHECK(x->has("resolution:cop-untoc/10/4", "cites", kUntoc));
  // After the next chapter heading the report speaks for itself again.
  CHECK(x->has(self, "cites", "document:CTOC/COP/2024/1"));
  CHECK_FALSE(x->has(self, "cites", "document:CTOC/COP/2024/5"));
  CHECK_FALSE(x->has("resolution:cop-untoc/12/1", "cites", "document:CTOC/COP/2024/1"));
  CHECK(x->has(kCop, "adopted", "resolution:cop-untoc/12/1"));
  CHECK(x->has(kCop, "adopted", "resolution:cop-untoc/10/4"));
}

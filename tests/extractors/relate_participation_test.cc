// participatedIn: who spoke at, attended or chaired the meeting a report covers.
#include "tests/extractors/relate_test_support.h"

using crimekg::testing::extract_text;

namespace {
const std::string kSession =
    "meeting:conference-of-the-parties-to-the-united-nations-convention-against-transnational-"
    "organized-crime/12";
}  // namespace

TEST_CASE("participatedIn (en): statements, observers, the officers list") {
  auto x = extract_text(
      "Conference of the Parties to the United Nations Convention against Transnational Organized "
      "Crime\n\n"
      "Report of the Conference of the Parties on its twelfth session\n\n"
      "1. Statements were made by the representatives of Qatar, Egypt and Morocco.\n\n"
      "2. A statement was made by the observer for the International Criminal Police "
      "Organization.\n\n"
      "3. The following officers were elected:\n\n"
      "President: Peter Burian (Slovakia)\n\n"
      "Vice-President: Anika Markovic (Sweden)\n\n"
      "4. The Global Firearms Programme trained officials of Austria.\n");
  for (const char* state : {"state:qat", "state:egy", "state:mar", "state:svk", "state:swe"})
    CHECK(x->has(state, "participatedIn", kSession));
  CHECK(x->has("body:international-criminal-police-organization", "participatedIn", kSession));
  // The meeting's own body does not participate in itself; a State named elsewhere did not speak.
  CHECK_FALSE(
      x->has("body:conference-of-the-parties-to-the-united-nations-convention-against-"
             "transnational-organized-crime",
             "participatedIn", kSession));
  CHECK_FALSE(x->has("state:aut", "participatedIn", kSession));
}

TEST_CASE("participatedIn (ar): «وأدلى ببيانات ممثلو», «المراقب عن», the Bureau") {
  auto x = extract_text(
      "مؤتمر الأطراف في اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية\n\n"
      "تقرير مؤتمر الأطراف عن أعمال دورته الثانية عشرة\n\n"
      "1- وأدلى ببيانات ممثلو مصر وقطر والمغرب.\n\n"
      "2- وأدلى ببيان المراقب عن المنظمة الدولية للشرطة الجنائية (الإنتربول).\n\n"
      "3- وانتخب المؤتمر أعضاء المكتب التالية أسماؤهم:\n\n"
      "الرئيس: بيتر بوريان (سلوفاكيا)\n\n"
      "نواب الرئيس: أنيكا ماركوفيتش (السويد)\n\n"
      "جيم - إقرار جدول الأعمال\n\n"
      "4- ودرّب البرنامج العالمي المتعلق بالأسلحة النارية موظفين من النمسا.\n");
  for (const char* state : {"state:qat", "state:egy", "state:mar", "state:svk", "state:swe"})
    CHECK(x->has(state, "participatedIn", kSession));
  CHECK(x->has("body:international-criminal-police-organization", "participatedIn", kSession));
  CHECK_FALSE(x->has("state:aut", "participatedIn", kSession));
}

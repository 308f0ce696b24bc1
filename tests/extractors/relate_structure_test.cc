// partOf, runs, supports: from the text's own wording (the test lexicon
// holds no partOf, runBy or supports facts).
#include "tests/extractors/relate_test_support.h"

using crimekg::testing::extract_text;

namespace {
const std::string kUnodc = "body:united-nations-office-on-drugs-and-crime";
const std::string kFirearmsProtocol =
    "instrument:protocol-against-the-illicit-manufacturing-of-and-trafficking-in-firearms-their-"
    "parts-and-components-and-ammunition";
const std::string kUntoc =
    "instrument:united-nations-convention-against-transnational-organized-crime";
const std::string kSomProtocol =
    "instrument:protocol-against-the-smuggling-of-migrants-by-land-sea-and-air";
}  // namespace

TEST_CASE(
    "partOf, runs, supports (en): \"X of Y\" chains, \"its\", \"launched\", \"supplementing\", "
    "\"implementation of\"") {
  auto x = extract_text(
      "1. It reviews the activities of the Terrorism Prevention Branch of the Division for Treaty "
      "Affairs of the "
      "United Nations Office on Drugs and Crime and of the Office for Democratic Institutions and "
      "Human Rights "
      "(ODIHR) of the Organization for Security and Co-operation in Europe.\n\n"
      "2. As mandated by the Commission on Crime Prevention and Criminal Justice, the Office "
      "launched its Global "
      "Programme against Terrorism in October 2002.\n\n"
      "3. The Container Control Programme of the United Nations Office on Drugs and Crime and the "
      "World Customs "
      "Organization builds capacity in ports.\n\n"
      "4. The Global Firearms Programme supports the implementation of the Firearms Protocol.\n\n"
      "5. The Protocol against the Smuggling of Migrants by Land, Sea and Air, supplementing the "
      "United Nations "
      "Convention against Transnational Organized Crime, entered into force in 2004.\n");
  CHECK(x->has("body:terrorism-prevention-branch", "partOf", "body:division-for-treaty-affairs"));
  CHECK(x->has("body:division-for-treaty-affairs", "partOf", kUnodc));
  CHECK_FALSE(x->has("body:terrorism-prevention-branch", "partOf", kUnodc));
  CHECK(x->has("body:office-for-democratic-institutions-and-human-rights", "partOf",
               "body:organization-for-security-and-co-operation-in-europe"));
  CHECK(x->has(kUnodc, "runs", "programme:global-programme-against-terrorism"));
  CHECK(x->has(kUnodc, "runs", "programme:container-control-programme"));
  CHECK(x->has("body:world-customs-organization", "runs", "programme:container-control-programme"));
  CHECK(x->has("programme:global-firearms-programme", "supports", kFirearmsProtocol));
  CHECK(x->has(kSomProtocol, "partOf", kUntoc));
}

TEST_CASE("partOf, runs, supports (ar): «التابع ل», «المكمل ل», «تنفيذ»") {
  auto x = extract_text(
      "1- يقدم مكتب الأمم المتحدة المعني بالمخدرات والجريمة المساعدة التقنية.\n\n"
      "2- ويقوم البرنامج العالمي لمراقبة الحاويات التابع للمكتب ومنظمة الجمارك العالمية ببناء "
      "القدرات.\n\n"
      "3- وتعمل شعبة شؤون المعاهدات التابعة لمكتب الأمم المتحدة المعني بالمخدرات والجريمة على "
      "ذلك.\n\n"
      "4- ويدعم البرنامج العالمي المتعلق بالأسلحة النارية تنفيذ بروتوكول الأسلحة النارية.\n\n"
      "5- وبدأ نفاذ بروتوكول مكافحة تهريب المهاجرين عن طريق البر والبحر والجو، المكمل لاتفاقية "
      "الأمم المتحدة "
      "لمكافحة الجريمة المنظمة عبر الوطنية، في عام 2004.\n");
  CHECK(x->has(kUnodc, "runs", "programme:container-control-programme"));
  CHECK(x->has("body:world-customs-organization", "runs", "programme:container-control-programme"));
  CHECK(x->has("body:division-for-treaty-affairs", "partOf", kUnodc));
  CHECK(x->has("programme:global-firearms-programme", "supports", kFirearmsProtocol));
  CHECK(x->has(kSomProtocol, "partOf", kUntoc));
}

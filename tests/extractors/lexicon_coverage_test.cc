// Lexicon coverage: sentences in the UN languages naming entities that UN
// crime-policy documents often name (meeting venues, bodies, programmes,
// instruments), extracted by the real Pipeline with data/ as shipped. Each
// case lists ids that must be found and ids that must not: names that are
// also ordinary words or other entities' names (Salvador and El Salvador,
// Spanish «la paz», Chinese 里加 inside 这里加强) stay apart.
#include <catch2/catch.hpp>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "extractors/analysis.h"
#include "extractors/document.h"
#include "extractors/pipeline.h"
#include "tests/extractors/test_support.h"

namespace crimekg {
namespace {

struct CoverageCase {
  const char* language;
  const char* text;
  std::vector<std::string> found;
  std::vector<std::string> not_found;
};

testing::ShippedPipeline& shared() { return testing::shipped_pipeline(); }

// The ids a sentence names, and its mentions with their surfaces for messages.
std::set<std::string> mentioned_ids(const std::string& text, std::string& shown) {
  INFO(shared().problems);
  REQUIRE(shared().pipeline);
  Document document;
  std::vector<DocumentProblem> problems;
  REQUIRE(make_document("coverage.txt", text, document, problems));
  DocumentAnalysis analysis;
  shared().pipeline->extract(document, ExtractOptions{}, shared().workspace, analysis);
  std::set<std::string> ids;
  std::ostringstream out;
  for (const auto& m : analysis.mentions) {
    ids.insert(m.id);
    out << "  " << m.id << " <- \"" << analysis.slice(m.span) << "\"\n";
  }
  shown = out.str();
  return ids;
}

void check(const std::vector<CoverageCase>& cases) {
  for (const auto& c : cases) {
    std::string shown;
    const auto ids = mentioned_ids(c.text, shown);
    INFO("[" << c.language << "] " << c.text << "\nmentions:\n" << shown);
    for (const auto& id : c.found) {
      INFO("expected " << id);
      CHECK(ids.count(id) == 1);
    }
    for (const auto& id : c.not_found) {
      INFO("not expected " << id);
      CHECK(ids.count(id) == 0);
    }
  }
}

}  // namespace

TEST_CASE("lexicon coverage: venues of UN crime meetings", "[lexicon][coverage]") {
  check({
      {"en",
       "The Twelfth United Nations Congress on Crime Prevention and Criminal Justice was held in "
       "Salvador, Brazil.",
       {"place:salvador", "state:bra"},
       {"state:slv"}},
      {"ar",
       "مؤتمر الأمم المتحدة الثاني عشر لمنع الجريمة والعدالة الجنائية، المعقود في سلفادور، "
       "البرازيل.",
       {"place:salvador"},
       {"state:slv"}},
      {"zh",
       "第十二届联合国预防犯罪和刑事司法大会在巴西萨尔瓦多举行。",
       {"place:salvador"},
       {"state:slv"}},
      {"ru",
       "Двенадцатый Конгресс Организации Объединенных Наций по предупреждению преступности и "
       "уголовному "
       "правосудию состоялся в Салвадор, Бразилия.",
       {"place:salvador"},
       {"state:slv"}},
      {"ar", "وأدلى ببيانات ممثلو السلفادور وغواتيمالا.", {"state:slv"}, {"place:salvador"}},
      {"en",
       "Statements were made by the representatives of El Salvador and Guatemala.",
       {"state:slv"},
       {"place:salvador"}},
      {"en",
       "Regional meetings were held in Chisinau, Podgorica, Ljubljana, Bratislava, Tallinn, Riga "
       "and Vilnius.",
       {"place:chisinau", "place:podgorica", "place:ljubljana", "place:bratislava", "place:tallinn",
        "place:riga", "place:vilnius"},
       {}},
      {"fr",
       "Les réunions se sont tenues à Luanda, à Séville, à Putrajaya et à Cancún.",
       {"place:luanda", "place:seville", "place:putrajaya", "place:cancun"},
       {}},
      {"es", "La reunión se celebró en La Paz (Bolivia).", {"place:la-paz"}, {}},
      {"es",
       "La delincuencia organizada amenaza la paz y la seguridad internacionales.",
       {},
       {"place:la-paz"}},
      {"zh", "会议在卢布尔雅那和布拉迪斯拉发举行。", {"place:ljubljana", "place:bratislava"}, {}},
      {"zh", "各国应在这里加强合作。", {}, {"place:riga"}},
      {"en", "The meeting was held in Washington, D.C.", {"place:washington-d-c"}, {}},
      {"en",
       "A study by George Washington University was presented.",
       {},
       {"place:washington-d-c"}},
  });
}

TEST_CASE("lexicon coverage: bodies", "[lexicon][coverage]") {
  check({
      {"en",
       "The Special Rapporteur on trafficking in persons, especially women and children, UNFPA and "
       "the Contact Group "
       "on Piracy off the Coast of Somalia contributed.",
       {"body:special-rapporteur-on-trafficking-in-persons-especially-women-and-children",
        "body:united-nations-population-fund",
        "body:contact-group-on-piracy-off-the-coast-of-somalia"},
       {}},
      {"ar",
       "وقدم مكتب خدمات الرقابة الداخلية وصندوق الأمم المتحدة للسكان تقريرهما.",
       {"body:office-of-internal-oversight-services", "body:united-nations-population-fund"},
       {}},
      {"es",
       "La Oficina de las Naciones Unidas de Servicios para Proyectos apoyó el proyecto.",
       {"body:united-nations-office-for-project-services"},
       {}},
      {"fr",
       "Le Programme des Nations Unies pour les établissements humains a participé.",
       {"body:united-nations-human-settlements-programme"},
       {}},
      {"fr",
       "Le trafic détruit un habitat naturel.",
       {},
       {"body:united-nations-human-settlements-programme"}},
      {"zh",
       "联合国阿富汗援助团和世界贸易组织参加了会议。",
       {"body:united-nations-assistance-mission-in-afghanistan", "body:world-trade-organization"},
       {}},
      {"en",
       "The UNODC Country Office in Nigeria and EAPCCO cooperated.",
       {"body:united-nations-office-on-drugs-and-crime-country-office-in-nigeria",
        "body:eastern-africa-police-chiefs-cooperation-organization"},
       {}},
  });
}

TEST_CASE("lexicon coverage: programmes and instruments", "[lexicon][coverage]") {
  check({
      {"en",
       "The Global SMART Programme and the Afghan Opiate Trade Project (AOTP) reported on Project "
       "Ion.",
       {"programme:global-synthetics-monitoring-analyses-reporting-and-trends-programme",
        "programme:afghan-opiate-trade-project", "programme:project-ion"},
       {}},
      {"en",
       "States referred to the Lanzarote Convention, the Djibouti Code of Conduct and the Global "
       "Plan of Action to "
       "Combat Trafficking in Persons.",
       {"instrument:council-of-europe-convention-on-the-protection-of-children-against-sexual-"
        "exploitation-and-sexual-"
        "abuse",
        "instrument:code-of-conduct-concerning-the-repression-of-piracy-and-armed-robbery-against-"
        "ships-in-the-"
        "western-indian-ocean-and-the-gulf-of-aden",
        "instrument:united-nations-global-plan-of-action-to-combat-trafficking-in-persons"},
       {}},
      {"ar",
       "وأشار المتكلمون إلى خطة عمل الأمم المتحدة العالمية لمكافحة الاتجار بالأشخاص واتفاقية "
       "الرياض العربية "
       "للتعاون القضائي.",
       {"instrument:united-nations-global-plan-of-action-to-combat-trafficking-in-persons",
        "instrument:riyadh-arab-agreement-for-judicial-cooperation"},
       {}},
      {"zh",
       "联合国打击贩运人口全球行动计划和消除对妇女一切形式歧视公约。",
       {"instrument:united-nations-global-plan-of-action-to-combat-trafficking-in-persons",
        "instrument:convention-on-the-elimination-of-all-forms-of-discrimination-against-women"},
       {}},
      {"ru",
       "Салвадорская декларация и Венская декларация о преступности и правосудии.",
       {"instrument:salvador-declaration-on-comprehensive-strategies-for-global-challenges-crime-"
        "prevention-and-"
        "criminal-justice-systems-and-their-development-in-a-changing-world",
        "instrument:vienna-declaration-on-crime-and-justice-meeting-the-challenges-of-the-twenty-"
        "first-century"},
       {}},
  });
}

}  // namespace crimekg

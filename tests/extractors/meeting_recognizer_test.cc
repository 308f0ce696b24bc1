#include "extractors/meeting_recognizer.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <set>

#include "extractors/reference_recognizer.h"
#include "tests/extractors/test_support.h"

using namespace crimekg;

namespace {

// The shared small lexicon plus the bodies, places and meeting series these
// sentences name.
const Recognizer& meeting_recognizer_knowledge() {
  static const std::unique_ptr<Recognizer> recognizer = [] {
    using testing::entry;
    Lexicon lex = testing::small_lexicon();
    lex.add(entry("body:working-group-on-firearms", NodeType::kBody, "Working Group on Firearms",
                  {{"ar", "الفريق العامل المعني بالأسلحة النارية"}}, {},
                  {{"en", {"the Working Group"}}, {"ar", {"الفريق العامل"}}}));
    lex.add(entry("body:working-group-on-trafficking-in-persons", NodeType::kBody,
                  "Working Group on Trafficking in Persons",
                  {{"ar", "الفريق العامل المعني بالاتجار بالأشخاص"}}));
    lex.add(entry("crime:organized-crime", NodeType::kCrimeType, "organized crime",
                  {{"ar", "الجريمة المنظمة"}}));
    lex.add(entry("state:ken", NodeType::kState, "Kenya", {{"ar", "كينيا"}}));
    lex.add(entry("state:tha", NodeType::kState, "Thailand", {{"ar", "تايلند"}}));
    lex.add(entry("state:sen", NodeType::kState, "Senegal", {{"ar", "السنغال"}}));
    lex.add(entry("state:jpn", NodeType::kState, "Japan", {{"ar", "اليابان"}}));
    lex.add(entry("place:nairobi", NodeType::kPlace, "Nairobi", {{"ar", "نيروبي"}}));
    lex.add(entry("place:bangkok", NodeType::kPlace, "Bangkok", {{"ar", "بانكوك"}}));
    lex.add(entry("place:geneva", NodeType::kPlace, "Geneva", {{"ar", "جنيف"}}));
    lex.add(entry("place:dakar", NodeType::kPlace, "Dakar", {{"ar", "داكار"}}));
    lex.add(entry("place:doha", NodeType::kPlace, "Doha", {{"ar", "الدوحة"}}));
    lex.add(entry("place:kyoto", NodeType::kPlace, "Kyoto", {{"ar", "كيوتو"}}));
    lex.add(entry("meeting:united-nations-congress-on-crime-prevention-and-criminal-justice",
                  NodeType::kMeeting,
                  "United Nations Congress on Crime Prevention and Criminal Justice",
                  {{"ar", "مؤتمر الأمم المتحدة لمنع الجريمة والعدالة الجنائية"}}));
    Cues cues;
    Status status = cues.load_folder(std::string(CRIMEKG_SOURCE_DIR) + "/data/cues");
    if (!status.ok()) throw std::runtime_error(status.to_string());
    return Recognizer::compile(std::move(lex), std::move(cues), status);
  }();
  return *recognizer;
}

struct Run {
  Document document;
  DocumentAnalysis analysis;
};

// Recognition, references, then meetings, over `text`.
std::unique_ptr<Run> run(const std::string& text) {
  auto r = std::make_unique<Run>();
  std::vector<DocumentProblem> problems;
  REQUIRE(make_document("test.txt", text, r->document, problems));
  auto& a = r->analysis;
  a.document = &r->document;
  a.id = "document:test.txt";
  a.segments = segment(r->document.text);
  static thread_local Normaliser normaliser;
  static thread_local SentenceSplitter splitter;
  const Recognizer& k = meeting_recognizer_knowledge();
  k.recognise(a, normaliser);
  ReferenceRecognizer(k).recognise(a, splitter);
  MeetingRecognizer(k).recognise(a, splitter);
  return r;
}

std::set<std::string> meeting_ids(const DocumentAnalysis& a) {
  std::set<std::string> out;
  for (const auto& m : a.mentions)
    if (m.type == NodeType::kMeeting) out.insert(m.id);
  return out;
}

std::string label_of(const DocumentAnalysis& a, const std::string& id) {
  auto it = a.extra_nodes.find(id);
  return it == a.extra_nodes.end() ? "" : it->second.label;
}

// The evidence texts of heldIn(meeting, place).
std::vector<std::string> held_in(const DocumentAnalysis& a, const std::string& meeting,
                                 const std::string& place) {
  std::vector<std::string> out;
  for (const auto& e : a.edges)
    if (e.predicate == predicate::kHeldIn && e.source == meeting && e.target == place)
      for (const auto& ev : e.evidence) {
        CHECK(a.text().substr(ev.start, ev.end - ev.start) ==
              ev.text);  // evidence is an exact slice
        out.push_back(ev.text);
      }
  return out;
}

std::size_t held_in_count(const DocumentAnalysis& a) {
  return static_cast<std::size_t>(
      std::count_if(a.edges.begin(), a.edges.end(),
                    [](const EdgeRecord& e) { return e.predicate == predicate::kHeldIn; }));
}

}  // namespace

TEST_CASE("meetings: a described meeting, its premodifiers, place with country and year") {
  auto r = run(
      "3. An expert group meeting on the protection of witnesses in organized crime cases was "
      "organized by "
      "the United Nations Office on Drugs and Crime in Nairobi, Kenya, from 4 to 6 March 2019.\n");
  const auto& a = r->analysis;
  const std::string id =
      "meeting:expert-group-meeting-on-the-protection-of-witnesses-in-organized-crime-cases/2019";
  CHECK(meeting_ids(a) == std::set<std::string>{id});
  CHECK(label_of(a, id) ==
        "expert group meeting on the protection of witnesses in organized crime cases");
  CHECK(held_in(a, id, "place:nairobi") ==
        std::vector<std::string>{
            "expert group meeting on the protection of witnesses in organized crime cases was "
            "organized by the United Nations Office on Drugs and Crime in Nairobi, Kenya, from 4 "
            "to 6 March 2019"});
}

TEST_CASE("meetings: a capitalised title keeps its colon and is placed by 'which was held in'") {
  auto r =
      run("5. Participants welcomed the outcome of the Regional Seminar on Electronic Evidence: "
          "the Role of Judges, "
          "which was held in Bangkok on 12 and 13 May 2022. Speakers at that Seminar called for "
          "more training.\n");
  const auto& a = r->analysis;
  const std::string id = "meeting:regional-seminar-on-electronic-evidence-the-role-of-judges/2022";
  CHECK(meeting_ids(a) == std::set<std::string>{id});  // the bare "that Seminar" is no new meeting
  CHECK(label_of(a, id) == "Regional Seminar on Electronic Evidence: the Role of Judges");
  CHECK(held_in(a, id, "place:bangkok") ==
        std::vector<std::string>{
            "Regional Seminar on Electronic Evidence: the Role of Judges, which was held in "
            "Bangkok on 12 and 13 May 2022"});
}

TEST_CASE("meetings: 'A meeting was held in X on dates on Y' takes its topic from after the date") {
  auto r =
      run("8. A meeting was held in Geneva from 2 to 4 October 2018 on the role of parliaments in "
          "preventing "
          "corruption, money-laundering and fraud. A meeting was held in Geneva in 2019.\n");
  const auto& a = r->analysis;
  const std::string id =
      "meeting:meeting-on-the-role-of-parliaments-in-preventing-corruption-money-laundering-and-"
      "fraud/2018";
  CHECK(meeting_ids(a) == std::set<std::string>{id});  // the second has no topic: not identifiable
  CHECK(label_of(a, id) ==
        "meeting on the role of parliaments in preventing corruption, money-laundering and fraud");
  CHECK(held_in(a, id, "place:geneva") ==
        std::vector<std::string>{"meeting was held in Geneva from 2 to 4 October 2018"});
}

TEST_CASE("meetings: two meetings 'in conjunction with' each other share place and date") {
  auto r =
      run("11. The Office organized a regional workshop on mutual legal assistance in conjunction "
          "with a seminar on "
          "extradition in Dakar, Senegal, from 1 to 3 June 2017.\n");
  const auto& a = r->analysis;
  const std::string workshop = "meeting:regional-workshop-on-mutual-legal-assistance/2017";
  const std::string seminar = "meeting:seminar-on-extradition/2017";
  CHECK(meeting_ids(a) == std::set<std::string>{workshop, seminar});
  CHECK(label_of(a, workshop) == "regional workshop on mutual legal assistance");
  CHECK(
      held_in(a, seminar, "place:dakar") ==
      std::vector<std::string>{"seminar on extradition in Dakar, Senegal, from 1 to 3 June 2017"});
  CHECK(held_in(a, workshop, "place:dakar") ==
        std::vector<std::string>{
            "regional workshop on mutual legal assistance in conjunction with a seminar on "
            "extradition in Dakar, Senegal, from 1 to 3 June 2017"});
}

TEST_CASE("meetings: 'organized by' a body names an untitled meeting; lists inside a topic") {
  auto r =
      run("12. As a follow-up to the special meeting organized by the Security Council on 9 May "
          "2016, the Office "
          "hosted a meeting between national, regional and international experts in Vienna on 1 "
          "and 2 June 2016.\n");
  const auto& a = r->analysis;
  const std::string special = "meeting:special-meeting-organized-by-the-security-council/2016";
  const std::string between =
      "meeting:meeting-between-national-regional-and-international-experts/2016";
  CHECK(meeting_ids(a) == std::set<std::string>{special, between});
  CHECK(held_in(a, special, "place:vienna").empty());  // Vienna is the second meeting's
  CHECK(held_in(a, between, "place:vienna") ==
        std::vector<std::string>{
            "meeting between national, regional and international experts in Vienna on 1 and 2 "
            "June 2016"});
}

TEST_CASE("meetings: numbered meetings of a working group, before and after the body") {
  auto r =
      run("14. The recommendations adopted by the Working Group on Firearms at its sixth and "
          "seventh meetings, held in "
          "Vienna, were noted. The eighth meeting of the Working Group on Trafficking in Persons "
          "was postponed.\n");
  const auto& a = r->analysis;
  CHECK(meeting_ids(a) ==
        std::set<std::string>{"meeting:working-group-on-firearms/6",
                              "meeting:working-group-on-firearms/7",
                              "meeting:working-group-on-trafficking-in-persons/8"});
  CHECK(label_of(a, "meeting:working-group-on-firearms/7") ==
        "seventh meeting of the Working Group on Firearms");
  CHECK(held_in(a, "meeting:working-group-on-firearms/6", "place:vienna") ==
        std::vector<std::string>{"sixth and seventh meetings, held in Vienna"});
  CHECK(held_in(a, "meeting:working-group-on-firearms/7", "place:vienna").size() == 1);
  CHECK(held_in(a, "meeting:working-group-on-trafficking-in-persons/8", "place:vienna").empty());
}

TEST_CASE("meetings: plenary meetings of a session body and other non-meetings are not meetings") {
  auto r =
      run("15. At its first meeting, on 13 May 2019, the Commission on Crime Prevention and "
          "Criminal Justice elected "
          "its officers. The second meeting of the Commission was short. The workshops produced "
          "final documents. "
          "Meeting the needs of victims was discussed, and one issue of the journal *Forum on "
          "Crime and Justice* was "
          "devoted to it. The Conference room in Vienna was full.\n");
  CHECK(meeting_ids(r->analysis).empty());
  CHECK(held_in_count(r->analysis) == 0);
}

TEST_CASE("meetings: Arabic meeting of a body, dated and placed: meeting:<body>/<year>") {
  auto r =
      run("4- ترحب اللجنة بنتائج اجتماع الفريق العامل المعني بالأسلحة النارية المعقود في فيينا "
          "يومي 7 و8 "
          "حزيران/يونيه 2021.\n");
  const auto& a = r->analysis;
  const std::string id = "meeting:working-group-on-firearms/2021";
  CHECK(meeting_ids(a) == std::set<std::string>{id});
  CHECK(held_in(a, id, "place:vienna") ==
        std::vector<std::string>{
            "اجتماع الفريق العامل المعني بالأسلحة النارية المعقود في فيينا يومي 7 و8 "
            "حزيران/يونيه 2021"});
  CHECK(a.extra_nodes.at(id).labels.at("ar") == "اجتماع الفريق العامل المعني بالأسلحة النارية");
}

TEST_CASE(
    "meetings: Arabic numbered meetings: «اجتماعه الثامن», ordinal lists, «ورقة اجتماع» is none") {
  auto r =
      run("6- وقدم الفريق العامل المعني بالاتجار بالأشخاص، في اجتماعه الثامن المعقود في الدوحة في "
          "3 آذار/مارس 2020، "
          "توصيات إلى المؤتمر. وأحاط علما بنتائج الاجتماعين الخامس والسادس للفريق العامل المعني "
          "بالأسلحة النارية. "
          "وعرضت الأمانة ورقة اجتماع عن الموضوع.\n");
  const auto& a = r->analysis;
  CHECK(meeting_ids(a) == std::set<std::string>{"meeting:working-group-on-trafficking-in-persons/8",
                                                "meeting:working-group-on-firearms/5",
                                                "meeting:working-group-on-firearms/6"});
  CHECK(label_of(a, "meeting:working-group-on-trafficking-in-persons/8") ==
        "eighth meeting of the Working Group on Trafficking in Persons");
  CHECK(held_in(a, "meeting:working-group-on-trafficking-in-persons/8", "place:doha") ==
        std::vector<std::string>{"اجتماعه الثامن المعقود في الدوحة في 3 آذار/مارس 2020"});
  CHECK(held_in_count(a) == 1);
}

TEST_CASE(
    "meetings: an Arabic title with an ordinal inside names a numbered meeting of a lexicon "
    "series") {
  auto r =
      run("7- وإذ يشير إلى الإعلان الذي اعتمده مؤتمر الأمم المتحدة الرابع عشر لمنع الجريمة "
          "والعدالة الجنائية، المعقود في "
          "كيوتو، اليابان، في الفترة من 7 إلى 12 آذار/مارس 2021،\n");
  const auto& a = r->analysis;
  const std::string id =
      "meeting:united-nations-congress-on-crime-prevention-and-criminal-justice/14";
  CHECK(meeting_ids(a) == std::set<std::string>{id});
  CHECK(label_of(a, id) ==
        "Fourteenth United Nations Congress on Crime Prevention and Criminal Justice");
  CHECK(held_in(a, id, "place:kyoto") ==
        std::vector<std::string>{
            "مؤتمر الأمم المتحدة الرابع عشر لمنع الجريمة والعدالة الجنائية، المعقود في كيوتو، "
            "اليابان، في الفترة من 7 إلى 12 آذار/مارس 2021"});
}

TEST_CASE("meetings: English header: title meeting and its 'Place, Country, dates' line") {
  auto r =
      run("General Assembly\n\nDistr.: Limited\n2 May 2024\n\n"
          "Asia-Pacific Regional Expert Meeting on Cybercrime Legislation\n\n"
          "Bangkok, Thailand, 10–12 April 2024\n\nDraft report\n\n"
          "1. Statements were made by the representatives of Qatar and Morocco.\n");
  const auto& a = r->analysis;
  const std::string id = "meeting:asia-pacific-regional-expert-meeting-on-cybercrime-legislation";
  CHECK(meeting_ids(a) == std::set<std::string>{id});
  CHECK(a.report_meeting == id);
  CHECK(held_in(a, id, "place:bangkok") ==
        std::vector<std::string>{"Bangkok, Thailand, 10–12 April 2024"});
}

TEST_CASE("meetings: Arabic header: session line and place line; a report title with its venue") {
  auto r =
      run("Distr.: General\n3 March 2022\n\n"
          "مؤتمر الأطراف في اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية\n\n"
          "الدورة الحادية عشرة\n\n"
          "فيينا، 17-21 تشرين الأول/أكتوبر 2022\n\n"
          "تقرير الأمانة\n\n"
          "1- نص التقرير.\n");
  const std::string cop11 =
      "meeting:conference-of-the-parties-to-the-united-nations-convention-against-transnational-"
      "organized-crime/11";
  CHECK(r->analysis.report_meeting == cop11);
  CHECK(held_in(r->analysis, cop11, "place:vienna") ==
        std::vector<std::string>{"فيينا، 17-21 تشرين الأول/أكتوبر 2022"});

  auto title =
      run("Distr.: General\n\n"
          "تقرير عن اجتماع الفريق العامل المعني بالأسلحة النارية المعقود في فيينا يومي 7 و8 "
          "حزيران/يونيه 2021\n\n"
          "1- اعتمد الفريق العامل، في اجتماعه المعقود في فيينا يومي 7 و8 حزيران/يونيه 2021، "
          "التوصيات التالية.\n");
  const std::string wg = "meeting:working-group-on-firearms/2021";
  CHECK(title->analysis.report_meeting == wg);
  CHECK(meeting_ids(title->analysis) == std::set<std::string>{wg});
  CHECK(held_in(title->analysis, wg, "place:vienna").size() == 2);
}

TEST_CASE("meetings: a document only submitted to a session reports on no meeting") {
  auto r =
      run("General Assembly\n\nDistr.: General\n30 July 2004\n\nFifty-ninth session\n\n"
          "Item 98 of the provisional agenda\n\nReport of the Secretary-General\n\n"
          "1. The Commission on Crime Prevention and Criminal Justice met in Vienna.\n");
  CHECK(r->analysis.report_meeting.empty());
}

TEST_CASE("meetings: every date pattern of the cue files compiles and names its year") {
  const Status status = MeetingRecognizer::check_cues(meeting_recognizer_knowledge().cues());
  CHECK(status.ok());
  if (!status.ok()) WARN(status.to_string());
}

TEST_CASE(
    "meetings: an English report title 'on its tenth session, held in' and a 'Report on' line") {
  const std::string cop10 =
      "meeting:conference-of-the-parties-to-the-united-nations-convention-against-transnational-"
      "organized-crime/10";
  auto r = run(
      "Distr.: General\n20 October 2020\n\n"
      "Report of the Conference of the Parties to the United Nations Convention against "
      "Transnational Organized Crime on its tenth session, held in Vienna from 12 to 16 October "
      "2020\n\n"
      "1. The Conference adopted the following resolutions.\n");
  CHECK(r->analysis.report_meeting == cop10);
  CHECK(held_in(r->analysis, cop10, "place:vienna") ==
        std::vector<std::string>{"tenth session, held in Vienna from 12 to 16 October 2020"});

  auto ccpcj =
      run("Commission on Crime Prevention and Criminal Justice\n\n"
          "Report on the thirtieth session\n\n"
          "1. The Commission met in Vienna.\n");
  CHECK(ccpcj->analysis.report_meeting ==
        "meeting:commission-on-crime-prevention-and-criminal-justice/30");
}

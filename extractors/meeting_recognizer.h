// Meetings as entities: the session or meeting a document reports on (its
// title and header), and meetings named in running text, with the place and
// date the text gives them (`heldIn` edges).
//
// Runs after ReferenceRecognizer, only around the trigger words of the
// "meetings" section of data/cues/<lang>.json (head nouns: "meeting",
// "symposium", «اجتماع», «حلقة عمل»; held cues: "held", «المعقودة»):
//  - numbered meetings of a body: "the eighth meeting of the Working Group on
//    X", "its tenth and eleventh meetings", «اجتماعه الرابع عشر»,
//    «الاجتماعين العاشر والحادي عشر للفريق العامل ...», «دورة المؤتمر
//    التاسعة» -> meeting:<body-slug>/<number>;
//  - dated meetings of a body: «اجتماع فريق الخبراء ... المعقود في فيينا يومي
//    29 و30 أيار/مايو 2023», "a meeting of the Working Group held in May
//    2023" -> meeting:<body-slug>/<year>, or the numbered meeting of that
//    body and year when the document numbers it elsewhere; «اجتماعهما» (two
//    bodies) -> the joint meeting of both;
//  - titled meetings: capitalised titles ("Symposium on Combating
//    International Terrorism: the Contribution of the United Nations",
//    "Fifteenth United Nations Congress on ...") and descriptive ones ("an
//    expert group meeting on the preparation of model legislation on
//    extradition", "a meeting of experts ... on 24 and 25 February 2004"),
//    -> meeting:<slug of the title>[/<year the sentence gives>]; Arabic
//    titles with no English form get a stable hashed id (the scorer also
//    matches by name). Descriptive titles need a date or a place (a meeting
//    that took place), capitalised ones do not;
//  - for every Meeting mention (also the numbered sessions of
//    ReferenceRecognizer and the meetings lexicon): "held in X", "in X"
//    right after it, «المعقودة في X», and the header's "Marrakech, Morocco,
//    23–25 April 2025" line -> heldIn(meeting, place), the clause or the
//    header line as evidence;
//  - DocumentAnalysis::report_meeting: the meeting a header line places
//    ("Report ... on its tenth session, held in Vienna ...", «تقرير ... عن
//    أعمال دورته الثانية عشرة، المعقودة في فيينا»), else the header's meeting
//    title or session line above a "Place, Country, dates" line, else the
//    meeting of a "Report of/on ..." header line; empty for documents only
//    submitted to a session ("Fifty-ninth session / Item 98 ...").
#ifndef CRIMEKG_EXTRACTORS_MEETING_RECOGNIZER_H_
#define CRIMEKG_EXTRACTORS_MEETING_RECOGNIZER_H_

#include "extractors/analysis.h"
#include "extractors/recognise.h"

namespace crimekg {

class SentenceSplitter;

// Values of TriggerKind::kMeetingHead hits (a bit per cue list; a word in
// several lists yields one hit per list).
namespace meeting_head {
inline constexpr int kTitle = 1;     // "heads": names a meeting ("workshop", «ندوة»)
inline constexpr int kNumbered = 2;  // "numbered_heads": takes ordinals ("meeting", «اجتماع»)
inline constexpr int kPossessive = 4;  // "possessive_heads": «اجتماعه» (its meeting)
inline constexpr int kDualPossessive =
    8;  // "dual_possessive_heads": «اجتماعهما» (their joint meeting)
inline constexpr int kSession = 16;  // "session_heads": «دورة» before a body and an ordinal
}  // namespace meeting_head

class MeetingRecognizer {
 public:
  explicit MeetingRecognizer(const Recognizer& knowledge) : knowledge_(knowledge) {}
  void recognise(DocumentAnalysis& analysis, SentenceSplitter& sentences) const;
  // Problems with the "meetings" cues: a date pattern that does not compile
  // or names no group "year" (recognise() skips such patterns).
  static Status check_cues(const Cues& cues);

 private:
  const Recognizer& knowledge_;
};

}  // namespace crimekg

#endif  // CRIMEKG_EXTRACTORS_MEETING_RECOGNIZER_H_

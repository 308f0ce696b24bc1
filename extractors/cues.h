// Cue files: per-language trigger words, ordinals, list separators and
// relation cue phrases (data/cues/<lang>.json), and language-independent
// facts (data/cues/common.json: resolution issuers, document-symbol series).
#ifndef CRIMEKG_EXTRACTORS_CUES_H_
#define CRIMEKG_EXTRACTORS_CUES_H_

#include <unicode/regex.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "graph/status.h"

namespace crimekg {

struct LanguageCues {
  std::string language;
  // Words that tell this language apart from others written in the same script.
  std::vector<std::string> frequent_words;
  // Trigger kind -> words or phrases. Kinds the recognizers use:
  //   resolution, decision                     "resolution", «القرار», «مقرر»
  //   resolution_possessive, decision_possessive  "its resolution", «قراره»
  //   session, session_possessive              "session", «الدورة», «دورته»
  std::map<std::string, std::vector<std::string>> triggers;
  // Ordinal phrase -> number ("twelfth" 12, «الثانية عشرة» 12).
  std::map<std::string, int> ordinals;
  // Words joining items of a list of references ("and", «و»).
  std::vector<std::string> list_words;
  // ICU regexes for a clause allowed between a reference number and the next
  // separator (dates: "of 12 December 2001").
  std::vector<std::string> number_trailers;
  // The same, compiled at load time (an invalid pattern is a load problem).
  std::vector<std::shared_ptr<const icu::RegexPattern>> compiled_trailers;
  // Words linking a reference or session to the body after it ("of the",
  // «الصادر عن»).
  std::vector<std::string> issuer_links;
  // Whether "X/Y" is printed number first (Arabic «1/12» is 12/1 in English).
  bool number_first = false;
  // Article -> the contractions that stand for it after a preposition
  // (French "le": "du", "au"; Spanish "el": "del", "al"): a lexicon form of
  // this language starting with the article is also found after them.
  std::map<std::string, std::vector<std::string>> article_contractions;
  // Relation cue phrases: predicate -> phrases (see extractors/relate.h).
  std::map<std::string, std::vector<std::string>> relation_cues;
  // Meeting cues: list name -> words, phrases or regexes (head nouns, held
  // cues, title words, month names, date patterns); see
  // extractors/meeting_recognizer.h and the "meetings" section of the files.
  std::map<std::string, std::vector<std::string>> meetings;
};

struct ResolutionIssuer {
  std::string code;       // "ga", "cop-untoc"
  std::string body_id;    // "body:general-assembly"
  std::string label;      // "General Assembly" (English, as printed before "resolution")
  int max_session = 0;    // highest plausible session number (0: numbered by year or singly)
  std::string numbering;  // "session" (58/136), "year" (2002/19), "single" (1373 (2001))
};

struct Cues {
  std::vector<LanguageCues> languages;
  std::vector<ResolutionIssuer> issuers;
  std::vector<std::string> symbol_series;  // "A", "S", "E", "CTOC", ...
  // Words of a canonical English body label that mark a body meeting in
  // numbered sessions ("Commission", "Working Group").
  std::vector<std::string> session_holder_heads;

  // Reads data/cues/*.json; every problem is reported.
  Status load_folder(const std::string& folder);
  const LanguageCues* language(const std::string& code) const;
  const ResolutionIssuer* issuer_by_body(const std::string& body_id) const;
  const ResolutionIssuer* issuer_by_code(const std::string& code) const;
  // Whether a body with this canonical English label holds numbered
  // sessions: an issuer of resolutions, or a label with a session holder head.
  bool holds_sessions(const std::string& body_id, std::string_view english_label) const;
};

}  // namespace crimekg

#endif  // CRIMEKG_EXTRACTORS_CUES_H_

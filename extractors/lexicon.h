// Lexicons: the entities crimekg knows by name, read from data/lexicon/*.json
// (format in data/README.md). Loading reports every problem with file, line
// and entry id.
#ifndef CRIMEKG_EXTRACTORS_LEXICON_H_
#define CRIMEKG_EXTRACTORS_LEXICON_H_

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/model.h"
#include "graph/status.h"

namespace crimekg {

using NamesByLanguage = std::map<std::string, std::vector<std::string>>;

struct LexiconEntry {
  std::string id;
  NodeType type = NodeType::kBody;
  std::string label;
  std::map<std::string, std::string> labels;
  NamesByLanguage names;
  std::vector<std::string> aliases;
  NamesByLanguage short_forms;
  // Short forms that mean this entry by UN convention even when the document
  // never names it in full ("the Secretariat" is the UN Secretariat).
  NamesByLanguage default_short_forms;
  NamesByLanguage guarded;
  std::vector<std::string> same_as;
  std::vector<std::string> part_of;
  std::vector<std::string> run_by;
  std::vector<std::string> addresses;
  std::vector<std::string> supports;
  std::string file;
  std::size_t line = 0;
};

class Lexicon {
 public:
  // Reads one lexicon file; entries are appended. Problems (bad JSON, a
  // missing field, an id of the wrong type, a duplicate id) are all reported.
  Status load_file(const std::string& path);
  // Reads every *.json of `folder` in name order, except *_extra.json (inputs
  // of generators).
  Status load_folder(const std::string& folder);
  // Checks references between entries (partOf, runBy, addresses, supports).
  Status check_references() const;

  const std::vector<LexiconEntry>& entries() const { return entries_; }
  const LexiconEntry* find(std::string_view id) const;
  std::size_t index_of(std::string_view id) const;  // npos when absent
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  // Adds an entry built in code (tests).
  Status add(LexiconEntry entry);

 private:
  std::vector<LexiconEntry> entries_;
  std::unordered_map<std::string, std::size_t> index_;
};

// 1-based line of byte `offset` in `text`.
std::size_t line_of_offset(std::string_view text, std::size_t offset);

}  // namespace crimekg

#endif  // CRIMEKG_EXTRACTORS_LEXICON_H_

#include "extractors/relate_name_phrases.h"

#include <algorithm>

namespace crimekg {

bool contains_phrase(std::string_view folded, std::string_view phrase) noexcept {
  if (phrase.empty()) return false;
  for (auto at = folded.find(phrase); at != std::string_view::npos;
       at = folded.find(phrase, at + 1)) {
    const std::size_t end = at + phrase.size();
    if ((at == 0 || folded[at - 1] == ' ') && (end == folded.size() || folded[end] == ' '))
      return true;
  }
  return false;
}

NamePhraseIndex::NamePhraseIndex(const Recognizer& knowledge) : knowledge_(knowledge) {
  const auto& entries = knowledge.lexicon().entries();
  for (std::size_t index = 0; index < entries.size(); ++index) {
    const NodeType type = entries[index].type;
    if (type != NodeType::kCrimeType && type != NodeType::kInstrument) continue;
    // Forms shorter than three bytes are acronyms' shadows, not names.
    for (const auto& form : knowledge.folded_forms(index)) {
      if (form.size() < 3) continue;
      if (type == NodeType::kCrimeType)
        add(crime_phrases_, crimes_by_word_, form, index);
      else
        add(instrument_phrases_, instruments_by_word_, form, index);
    }
  }
  by_entry_.resize(entries.size());
  for (std::size_t index = 0; index < entries.size(); ++index) {
    const NodeType type = entries[index].type;
    if (type == NodeType::kBody || type == NodeType::kProgramme || type == NodeType::kMeeting ||
        type == NodeType::kInstrument)
      by_entry_[index] = crimes_stated(knowledge.folded_label(index), index);
  }
}

void NamePhraseIndex::add(std::vector<Phrase>& phrases, ByFirstWord& index, std::string_view text,
                          std::size_t entry) {
  const std::string_view first = text.substr(0, text.find(' '));
  auto& bucket = index[std::string(first)];
  for (std::uint32_t p : bucket)
    if (phrases[p].text == text && phrases[p].entry == entry) return;
  bucket.push_back(static_cast<std::uint32_t>(phrases.size()));
  phrases.push_back({std::string(text), entry});
}

template <typename Visit>
void NamePhraseIndex::find(std::string_view folded, const std::vector<Phrase>& phrases,
                           const ByFirstWord& index, Visit&& visit) {
  std::size_t at = 0;
  while (at < folded.size()) {
    std::size_t word_end = folded.find(' ', at);
    if (word_end == std::string_view::npos) word_end = folded.size();
    auto bucket = index.find(folded.substr(at, word_end - at));
    if (bucket != index.end()) {
      for (std::uint32_t p : bucket->second) {
        const std::string& text = phrases[p].text;
        const std::size_t end = at + text.size();
        if (end <= folded.size() && folded.compare(at, text.size(), text) == 0 &&
            (end == folded.size() || folded[end] == ' '))
          visit(Hit{phrases[p].entry, at, end});
      }
    }
    at = word_end + 1;
  }
}

std::vector<std::string> NamePhraseIndex::crimes_stated(std::string_view folded,
                                                        std::size_t own_entry) const {
  // Byte ranges taken by embedded instrument names.
  std::vector<Hit> taken;
  find(folded, instrument_phrases_, instruments_by_word_, [&](const Hit& h) {
    if (h.entry != own_entry) taken.push_back(h);
  });
  std::vector<Hit> hits;
  find(folded, crime_phrases_, crimes_by_word_, [&](const Hit& h) {
    for (const auto& t : taken)
      if (t.begin <= h.begin && h.end <= t.end) return;
    hits.push_back(h);
  });
  const auto& entries = knowledge_.lexicon().entries();
  std::vector<std::string> out;
  for (const auto& h : hits) {
    bool nested = false;
    for (const auto& o : hits)
      nested |= o.entry != h.entry && o.begin <= h.begin && h.end <= o.end &&
                o.end - o.begin > h.end - h.begin;
    if (nested) continue;
    const std::string& id = entries[h.entry].id;
    if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> NamePhraseIndex::instruments_embedded(std::string_view folded,
                                                               std::size_t own_entry) const {
  std::vector<std::size_t> found;
  find(folded, instrument_phrases_, instruments_by_word_, [&](const Hit& h) {
    if (h.entry != own_entry) found.push_back(h.entry);
  });
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  std::vector<std::string> out;
  const auto& entries = knowledge_.lexicon().entries();
  for (std::size_t e : found) out.push_back(entries[e].id);
  return out;
}

}  // namespace crimekg

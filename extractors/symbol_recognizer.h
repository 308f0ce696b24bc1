// UN document symbols ("A/59/150", "S/2004/276", "CTOC/COP/2024/5",
// "E/CN.15/2023/CRP.3", "A/RES/58/136", "/Rev.1", "/Add.2", "/Corr.1"),
// read at the series triggers the gazetteer pass found.
#ifndef CRIMEKG_EXTRACTORS_SYMBOL_RECOGNIZER_H_
#define CRIMEKG_EXTRACTORS_SYMBOL_RECOGNIZER_H_

#include <optional>
#include <string_view>

#include "extractors/analysis.h"

namespace crimekg {

// The symbol starting at text[begin], if one does: its end offset.
std::optional<std::uint32_t> symbol_end(std::string_view text, std::uint32_t begin);

class SymbolRecognizer {
 public:
  void recognise(DocumentAnalysis& analysis) const;
};

}  // namespace crimekg

#endif  // CRIMEKG_EXTRACTORS_SYMBOL_RECOGNIZER_H_

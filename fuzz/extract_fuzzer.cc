// Any byte sequence through the whole pipeline: no crash, no hang, every
// evidence span inside the document and equal to its text.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "extractors/pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static std::unique_ptr<crimekg::Pipeline> pipeline = [] {
    crimekg::Status status;
    auto p = crimekg::Pipeline::create(crimekg::Pipeline::default_data_folder(), status);
    if (!p) std::abort();
    return p;
  }();
  static crimekg::Workspace workspace;
  std::vector<crimekg::DocumentProblem> problems;
  crimekg::Document document;
  if (!crimekg::make_document("fuzz.txt", std::string(reinterpret_cast<const char*>(data), size),
                              document, problems))
    return 0;
  const auto fragment = pipeline->extract(document, {}, workspace);
  for (const auto& edge : fragment.edges)
    for (const auto& e : edge.evidence)
      if (e.end > document.text.size() || e.start > e.end ||
          document.text.compare(e.start, e.end - e.start, e.text) != 0)
        std::abort();
  return 0;
}

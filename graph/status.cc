#include "graph/status.h"

namespace crimekg {

std::string Status::to_string() const {
  std::string out;
  for (const auto& p : problems_) {
    out += p.file;
    if (p.line > 0) out += ":" + std::to_string(p.line);
    out += ": ";
    if (!p.entry.empty()) out += p.entry + ": ";
    out += p.message;
    out += '\n';
  }
  return out;
}

}  // namespace crimekg

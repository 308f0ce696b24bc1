// An input document: its bytes exactly as read, a copy safe to process, and
// what is known about it (id, language, title).
#ifndef CRIMEKG_EXTRACTORS_DOCUMENT_H_
#define CRIMEKG_EXTRACTORS_DOCUMENT_H_

#include <cstdint>
#include <string>
#include <vector>

namespace crimekg {

struct Document {
  std::string path;  // as given on the command line
  std::string file_name;
  // The text every offset refers to: the file's bytes, except that bytes of
  // ill-formed UTF-8 and NULs are replaced one for one by spaces, so offsets
  // into `text` are offsets into the file.
  std::string text;
  std::size_t invalid_bytes = 0;  // how many were replaced
  std::size_t first_invalid = 0;  // offset of the first
};

// Why a file cannot be used, or what was wrong but survivable.
struct DocumentProblem {
  bool fatal = false;   // the document was not loaded
  std::string message;  // "PATH: reason"
};

// Loads a file. Empty, binary (mostly NUL or control bytes), unreadable and
// over-large (>= 2 GiB, ICU's limit) files are fatal problems; ill-formed
// UTF-8 is repaired as described above and reported as a non-fatal problem.
bool load_document(const std::string& path, Document& document,
                   std::vector<DocumentProblem>& problems);

// Same, from bytes already in memory (tests, fuzzers).
bool make_document(std::string path, std::string bytes, Document& document,
                   std::vector<DocumentProblem>& problems);

// Expands INPUT arguments: files as given, folders to their *.txt files
// (recursively), sorted so the merge order is fixed.
std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs,
                                       std::vector<DocumentProblem>& problems);

}  // namespace crimekg

#endif  // CRIMEKG_EXTRACTORS_DOCUMENT_H_

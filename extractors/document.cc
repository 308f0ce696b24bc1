#include "extractors/document.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <filesystem>

#include "graph/atomic_file.h"

namespace crimekg {

bool make_document(std::string path, std::string bytes, Document& document,
                   std::vector<DocumentProblem>& problems) {
  document = Document{};
  document.path = std::move(path);
  document.file_name = std::filesystem::path(document.path).filename().string();
  if (bytes.size() >= static_cast<std::size_t>(INT32_MAX)) {
    problems.push_back({true, document.path + ": file is larger than 2 GiB; split it"});
    return false;
  }
  if (bytes.empty()) {
    problems.push_back({true, document.path + ": file is empty"});
    return false;
  }
  // A text file has few control bytes; a binary one (PDF, Word, image) has many.
  std::size_t control = 0;
  const std::size_t sample = std::min<std::size_t>(bytes.size(), 65536);
  for (std::size_t i = 0; i < sample; ++i) {
    const unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c == 0 || (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')) ++control;
  }
  if (control * 10 > sample) {
    problems.push_back({true, document.path +
                                  ": not a text file (binary content; convert PDF or Word "
                                  "documents to UTF-8 plain text first)"});
    return false;
  }
  const int32_t n = static_cast<int32_t>(bytes.size());
  for (int32_t i = 0; i < n;) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(bytes.data(), i, n, c);
    if (c < 0 || c == 0) {
      for (int32_t k = at; k < i; ++k) bytes[k] = ' ';
      if (document.invalid_bytes == 0) document.first_invalid = static_cast<std::size_t>(at);
      document.invalid_bytes += static_cast<std::size_t>(i - at);
    }
  }
  if (document.invalid_bytes > 0) {
    problems.push_back(
        {false, document.path + ": not valid UTF-8 (" + std::to_string(document.invalid_bytes) +
                    " bad bytes, first at byte " + std::to_string(document.first_invalid) +
                    "); they were read as spaces"});
  }
  document.text = std::move(bytes);
  return true;
}

bool load_document(const std::string& path, Document& document,
                   std::vector<DocumentProblem>& problems) {
  std::string bytes, error;
  if (!read_whole_file(path, bytes, error)) {
    problems.push_back({true, error});
    return false;
  }
  return make_document(path, std::move(bytes), document, problems);
}

std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs,
                                       std::vector<DocumentProblem>& problems) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (const auto& input : inputs) {
    std::error_code ec;
    const auto status = fs::status(input, ec);
    if (ec || !fs::exists(status)) {
      problems.push_back({true, input + ": no such file or folder"});
      continue;
    }
    if (fs::is_directory(status)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(
               input, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && it->path().extension() == ".txt") {
          found.push_back(it->path().string());
        }
      }
      if (ec) problems.push_back({false, input + ": could not list every file: " + ec.message()});
      std::sort(found.begin(), found.end());
      if (found.empty()) problems.push_back({false, input + ": folder holds no .txt files"});
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(input);
    }
  }
  return files;
}

}  // namespace crimekg

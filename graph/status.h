// Loading regime errors: a Status lists every problem found, each with the
// file, line and entry it concerns, so one run shows all of them at once.
#ifndef CRIMEKG_GRAPH_STATUS_H_
#define CRIMEKG_GRAPH_STATUS_H_

#include <cstddef>
#include <string>
#include <vector>

namespace crimekg {

struct Problem {
  std::string file;
  std::size_t line = 0;  // 1-based; 0 when not known
  std::string entry;     // the lexicon entry id, rule name or record concerned
  std::string message;
};

class Status {
 public:
  bool ok() const { return problems_.empty(); }
  const std::vector<Problem>& problems() const { return problems_; }
  void add(Problem problem) { problems_.push_back(std::move(problem)); }
  void add(std::string file, std::size_t line, std::string entry, std::string message) {
    problems_.push_back({std::move(file), line, std::move(entry), std::move(message)});
  }
  void merge(const Status& other) {
    problems_.insert(problems_.end(), other.problems_.begin(), other.problems_.end());
  }
  // "file:line: entry: message", one problem a line.
  std::string to_string() const;

 private:
  std::vector<Problem> problems_;
};

// Exit codes of the crimekg command, documented in README.md and --help.
namespace exit_code {
inline constexpr int kOk = 0;
inline constexpr int kUsage = 1;         // bad command line
inline constexpr int kInputProblem = 2;  // an input file was unreadable or malformed; others done
inline constexpr int kOutputError = 3;   // an output could not be written
inline constexpr int kDataError = 4;     // lexicons or cue files failed to load
inline constexpr int kNotFound = 5;      // a query named nothing in the graph
}  // namespace exit_code

}  // namespace crimekg

#endif  // CRIMEKG_GRAPH_STATUS_H_

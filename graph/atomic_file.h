// Outputs are written to a temporary file beside the target and renamed over
// it, so a failed or interrupted run never leaves a half-written export.
#ifndef CRIMEKG_GRAPH_ATOMIC_FILE_H_
#define CRIMEKG_GRAPH_ATOMIC_FILE_H_

#include <functional>
#include <ostream>
#include <string>

namespace crimekg {

// Calls write(stream) on a temporary file and renames it to `path`. Returns
// an empty string on success, otherwise a message naming the path and the
// problem; the target is then left as it was. `path` "-" writes to stdout.
std::string write_file_atomically(const std::string& path,
                                  const std::function<void(std::ostream&)>& write);

// Reads a whole file; returns false and sets `error` ("PATH: reason") if it
// cannot.
bool read_whole_file(const std::string& path, std::string& contents, std::string& error);

}  // namespace crimekg

#endif  // CRIMEKG_GRAPH_ATOMIC_FILE_H_

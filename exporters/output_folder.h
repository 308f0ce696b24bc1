// Folder outputs (Neo4j, Kuzu) written whole or not at all: the files go into
// a temporary folder beside the target, which is then renamed into place.
#ifndef CRIMEKG_EXPORTERS_OUTPUT_FOLDER_H_
#define CRIMEKG_EXPORTERS_OUTPUT_FOLDER_H_

#include <functional>
#include <string>
#include <vector>

namespace crimekg::detail {

struct OutputFile {
  std::string name;  // a plain file name, no folder
  std::string contents;
};

// Writes `files` as the folder `path`. An existing folder there is replaced
// only if everything in it is a file `is_ours` accepts (a previous export of
// the same kind); otherwise nothing is touched, so a mistyped -o can never
// wipe a folder of other files. Returns "" on success, else a message naming
// the path.
std::string write_folder_atomically(const std::string& path, const std::vector<OutputFile>& files,
                                    const std::function<bool(const std::string&)>& is_ours);

}  // namespace crimekg::detail

#endif  // CRIMEKG_EXPORTERS_OUTPUT_FOLDER_H_

#include "exporters/output_folder.h"

#include <unistd.h>

#include <filesystem>

#include "graph/atomic_file.h"

namespace crimekg::detail {

namespace fs = std::filesystem;

std::string write_folder_atomically(const std::string& path, const std::vector<OutputFile>& files,
                                    const std::function<bool(const std::string&)>& is_ours) {
  if (path == "-") return "-: this format is a folder of files and cannot go to standard output";
  std::string trimmed = path;
  while (trimmed.size() > 1 && trimmed.back() == '/') trimmed.pop_back();
  const fs::path target(trimmed);
  std::error_code ec;

  const bool exists = fs::exists(fs::symlink_status(target, ec));
  if (exists) {
    if (!fs::is_directory(fs::symlink_status(target, ec))) {
      return path + ": exists and is not a folder";
    }
    for (const auto& entry : fs::directory_iterator(target, ec)) {
      const std::string name = entry.path().filename().string();
      if (!entry.is_regular_file(ec) || !is_ours(name)) {
        return path + ": the folder holds '" + name +
               "', which crimekg did not write; choose a new or empty folder";
      }
    }
    if (ec) return path + ": cannot read folder: " + ec.message();
  }
  if (target.has_parent_path()) {
    fs::create_directories(target.parent_path(), ec);
    if (ec)
      return path + ": cannot create folder " + target.parent_path().string() + ": " + ec.message();
  }

  const std::string suffix = "." + std::to_string(::getpid());
  const fs::path temp(trimmed + ".tmp" + suffix);
  fs::remove_all(temp, ec);
  if (!fs::create_directory(temp, ec) || ec) {
    return path + ": cannot create temporary folder " + temp.string() + ": " + ec.message();
  }
  auto fail = [&](const std::string& message) {
    std::error_code ignored;
    fs::remove_all(temp, ignored);
    return message;
  };
  for (const auto& file : files) {
    const std::string error =
        write_file_atomically((temp / file.name).string(), [&file](std::ostream& out) {
          out.write(file.contents.data(), static_cast<std::streamsize>(file.contents.size()));
        });
    if (!error.empty()) return fail(path + ": " + error);
  }

  // Swap: the old export moves aside, the new one takes its name, the old
  // one goes. If the second rename fails the old export is put back.
  const fs::path old(trimmed + ".old" + suffix);
  if (exists) {
    fs::remove_all(old, ec);
    fs::rename(target, old, ec);
    if (ec) return fail(path + ": cannot move the previous export aside: " + ec.message());
  }
  fs::rename(temp, target, ec);
  if (ec) {
    const std::string message =
        path + ": cannot rename temporary folder into place: " + ec.message();
    std::error_code ignored;
    if (exists) fs::rename(old, target, ignored);
    return fail(message);
  }
  if (exists) fs::remove_all(old, ec);
  return "";
}

}  // namespace crimekg::detail

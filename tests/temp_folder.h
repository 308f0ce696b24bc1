// A fresh folder for one test under the system temp folder, removed with
// everything in it when the object goes. Shared by the test modules.
#ifndef CRIMEKG_TESTS_TEMP_FOLDER_H_
#define CRIMEKG_TESTS_TEMP_FOLDER_H_

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <string>
#include <system_error>

namespace crimekg::testing {

class TempFolder {
 public:
  // Unique per process and per object: tests may run side by side.
  explicit TempFolder(const std::string& name) {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("crimekg-test-" + name + "-" + std::to_string(::getpid()) + "-" +
             std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;

  std::string operator/(const std::string& name) const { return (path_ / name).string(); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace crimekg::testing

#endif  // CRIMEKG_TESTS_TEMP_FOLDER_H_

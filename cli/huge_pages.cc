#include "cli/huge_pages.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <optional>
#include <string>

namespace crimekg::cli {
namespace {

constexpr const char* kTunable = "glibc.malloc.hugetlb";

// The kernel gives huge pages only to memory a process asks them for
// (madvise). With "always" the heap has them already; with "never" asking
// is in vain.
bool huge_pages_need_asking() {
  std::ifstream in("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string modes;
  if (!std::getline(in, modes)) return false;
  return modes.find("[madvise]") != std::string::npos;
}

}  // namespace

void reexec_with_huge_pages(char** argv) {
  if (const char* opt = std::getenv("CRIMEKG_HUGE_PAGES"); opt && std::string(opt) == "0") return;
  const char* tunables = std::getenv("GLIBC_TUNABLES");
  if (tunables != nullptr && std::string(tunables).find(kTunable) != std::string::npos) return;
  if (!huge_pages_need_asking()) return;
  std::optional<std::string> previous;
  if (tunables != nullptr) previous = tunables;
  const std::string value = (previous ? *previous + ":" : std::string()) + kTunable + "=1";
  if (::setenv("GLIBC_TUNABLES", value.c_str(), 1) != 0) return;
  ::execv("/proc/self/exe", argv);
  // Not re-executed (no /proc, say): carry on as we are.
  if (previous) {
    ::setenv("GLIBC_TUNABLES", previous->c_str(), 1);
  } else {
    ::unsetenv("GLIBC_TUNABLES");
  }
}

}  // namespace crimekg::cli

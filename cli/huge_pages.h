// Transparent huge pages for the heap. A large graph is millions of small
// allocations, and on a virtual machine faulting them in 4 KB at a time
// costs more than the work itself: loading a 100k-node snapshot spends
// most of its time in page faults, and extraction from a fresh heap runs
// at two thirds of its warm speed. glibc backs malloc with huge pages only
// when told at startup (GLIBC_TUNABLES=glibc.malloc.hugetlb=1; nothing
// changes it later), so crimekg runs itself again, once, with that setting.
#ifndef CRIMEKG_CLI_HUGE_PAGES_H_
#define CRIMEKG_CLI_HUGE_PAGES_H_

namespace crimekg::cli {

// Re-executes the program (/proc/self/exe, same arguments) with
// glibc.malloc.hugetlb=1 added to GLIBC_TUNABLES, if the kernel gives
// transparent huge pages on request only ("madvise", Debian's default),
// unless the tunable is already set or CRIMEKG_HUGE_PAGES=0 (for valgrind
// and the like). Returns only if it did
// not re-execute; the environment is then as it was.
void reexec_with_huge_pages(char** argv);

}  // namespace crimekg::cli

#endif  // CRIMEKG_CLI_HUGE_PAGES_H_

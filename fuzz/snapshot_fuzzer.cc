// Any byte sequence as a graph snapshot: no crash, no hang, no read out of
// bounds. The bytes are written to a file (snapshots are mapped, not read
// from memory), opened, loaded both ways, every edge's evidence and
// documents read (a damaged block throws EvidenceReadError, nothing else
// may), and the folded names queried. Damage must be refused with a reason.
//
// Each input is tried as it is and again with its checksums recomputed:
// mutations rarely keep a CRC-32 right, so without the second pass the
// fuzzer would hardly get past the checksums to the checks that guard
// against crafted files. Seed it with small real snapshots:
//   build-fuzz/fuzz/snapshot_fuzzer -max_total_time=60 CORPUS_DIR
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "graph/snapshot.h"

namespace {

std::uint64_t get(const std::string& bytes, std::uint64_t at, int size) {
  std::uint64_t v = 0;
  for (int i = 0; i < size; ++i)
    v |= std::uint64_t{static_cast<unsigned char>(bytes[at + i])} << (8 * i);
  return v;
}

void put_u32(std::string& bytes, std::uint64_t at, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) bytes[at + i] = static_cast<char>((v >> (8 * i)) & 0xFF);
}

std::uint32_t crc_of(const std::string& bytes, std::uint64_t begin, std::uint64_t end) {
  return static_cast<std::uint32_t>(
      ::crc32(0, reinterpret_cast<const Bytef*>(bytes.data() + begin), end - begin));
}

// Rewrites every checksum the layout of graph/snapshot.cc places where it
// can be found: evidence blocks, sections, the directory. Leaves the bytes
// as they are wherever the structure around a checksum is out of bounds.
void recompute_checksums(std::string& bytes) {
  const std::uint64_t size = bytes.size();
  if (size < 52) return;
  const std::uint64_t footer = size - 24;
  const std::uint64_t directory = get(bytes, footer, 8);
  if (directory < 24 || directory > footer - 4) return;
  const std::uint64_t count = get(bytes, directory, 4);
  if (count > (footer - directory - 4) / 24) return;
  struct Range {
    std::uint64_t begin = 0, end = 0;
    bool found = false;
  } evidence, edges;
  for (std::uint64_t i = 0; i < count; ++i) {
    const std::uint64_t entry = directory + 4 + 24 * i;
    const auto tag = get(bytes, entry, 4);
    const auto offset = get(bytes, entry + 8, 8), length = get(bytes, entry + 16, 8);
    if (offset > directory || length > directory - offset) continue;
    if (tag == 0x44495645) evidence = {offset, offset + length, true};  // "EVID"
    if (tag == 0x45474445) edges = {offset, offset + length, true};     // "EDGE"
  }
  // Evidence blocks first: their bytes are not under a section checksum.
  if (evidence.found && edges.found && edges.end - edges.begin >= 8) {
    const std::uint64_t total =
        std::min(get(bytes, edges.begin, 8), (edges.end - edges.begin - 8) / 32);
    for (std::uint64_t i = 0; i < total; ++i) {
      const auto begin = get(bytes, edges.begin + 8 + 32 * i + 24, 8);
      const auto end = i + 1 < total ? get(bytes, edges.begin + 8 + 32 * (i + 1) + 24, 8)
                                     : evidence.end - evidence.begin;
      if (begin > end || end > evidence.end - evidence.begin || end - begin < 4) continue;
      put_u32(bytes, evidence.begin + begin,
              crc_of(bytes, evidence.begin + begin + 4, evidence.begin + end));
    }
  }
  for (std::uint64_t i = 0; i < count; ++i) {
    const std::uint64_t entry = directory + 4 + 24 * i;
    const auto offset = get(bytes, entry + 8, 8), length = get(bytes, entry + 16, 8);
    if (get(bytes, entry, 4) == 0x44495645 || offset > directory || length > directory - offset)
      continue;
    put_u32(bytes, entry + 4, crc_of(bytes, offset, offset + length));
  }
  put_u32(bytes, footer + 8, crc_of(bytes, directory, footer));
}

void check(const std::string& path, const std::string& bytes) {
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) std::abort();
  }
  crimekg::Status status;
  const auto snapshot = crimekg::GraphSnapshot::open(path, status);
  if (!snapshot) {
    if (status.ok()) std::abort();  // refused without saying why
    return;
  }
  // Both ways of loading; problems (a record the writer got wrong) are
  // reported, not fatal, and every node and edge is still added.
  crimekg::KnowledgeGraph whole, graph;
  snapshot->load(whole, crimekg::EvidenceLoading::kInGraph);
  snapshot->load(graph, crimekg::EvidenceLoading::kLazy);
  for (const auto* g : {&whole, &graph}) {
    if (g->node_count() != snapshot->node_count() || g->edge_count() != snapshot->edge_count())
      std::abort();
  }
  // A file that passed its checksums may still be inconsistent (a crafted
  // one): what is read then need not make sense, only stay in bounds.
  for (auto e : graph.sorted_edges()) {
    try {
      graph.evidence_documents(e);
      graph.evidence(e);
    } catch (const crimekg::EvidenceReadError&) {
    }
  }
  snapshot->folded_scheme();
  for (std::size_t i = 0; i < snapshot->folded_count(); ++i)
    snapshot->folded(snapshot->folded_at(i).first);
  for (std::size_t v = 0; v < graph.node_count(); ++v) snapshot->folded(graph.node(v).label);
  snapshot->folded("");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // One file per process, removed when the fuzzer exits.
  static const struct ScratchFile {
    std::string path = (std::filesystem::temp_directory_path() /
                        ("crimekg_snapshot_fuzzer_" + std::to_string(::getpid()) + ".crimekg"))
                           .string();
    ~ScratchFile() {
      std::error_code ignored;
      std::filesystem::remove(path, ignored);
    }
  } scratch;
  const std::string& path = scratch.path;
  std::string bytes(reinterpret_cast<const char*>(data), size);
  check(path, bytes);
  recompute_checksums(bytes);
  check(path, bytes);
  return 0;
}

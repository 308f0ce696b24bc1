#include "graph/snapshot.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <exception>
#include <fstream>
#include <limits>
#include <mutex>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "graph/node_link.h"

// Layout, version 1. Integers are little-endian; "varint" is LEB128
// (unsigned, at most 10 bytes); a string is a varint byte length and the
// bytes.
//
//   header     16-byte signature "CRIMEKG SNAPSHOT", u32 version, u32 0
//   sections   in this order, each where the directory says:
//     EVID     one block per edge, in edge order: u32 CRC-32 of the rest of
//              the block; varint n, n ascending vocabulary indices (the
//              edge's documents); per piece of evidence: varint document
//              (vocabulary index), string paragraph, varint start, varint
//              end, string text, varint extractor (vocabulary index), u64
//              confidence (IEEE 754 bits)
//     NODE     varint count; per node, ids strictly ascending: u8 type,
//              string id, string label, varint n + n (language, label)
//              strings, varint n + n alias strings, varint mentions, varint
//              n + n sameAs strings, varint n + n (key, value) strings
//     PRED     varint count; the predicates, strictly ascending
//     VOCA     varint count; the evidence documents and extractors,
//              strictly ascending
//     EDGE     u64 count; per edge, (source, predicate, target) strictly
//              ascending, 32 bytes: u32 source node, u32 target node, u32
//              predicate, u32 pieces of evidence, u64 weight, u64 offset of
//              its EVID block (blocks are contiguous: a block ends where the
//              next begins)
//     FOLD     (optional) string scheme; u32 n; u32 slots (a power of two);
//              slots × u32 (0 or 1 + the index of a pair, linear probing on
//              the FNV-1a hash of the name); n × (u64 offset, u32 name
//              length, u32 key length) into the bytes that follow, where
//              each name is followed by its key; pairs in name order
//   directory  u32 count; count × (u32 tag, u32 CRC-32 of the section or 0
//              for EVID, u64 offset, u64 size)
//   footer     u64 directory offset, u32 CRC-32 of the directory, u32
//              version, 8 bytes "CRIMEKG\n"

namespace crimekg {
namespace detail {
namespace {

constexpr char kSignature[16] = {'C', 'R', 'I', 'M', 'E', 'K', 'G', ' ',
                                 'S', 'N', 'A', 'P', 'S', 'H', 'O', 'T'};
constexpr char kEndMark[8] = {'C', 'R', 'I', 'M', 'E', 'K', 'G', '\n'};
constexpr std::uint32_t kVersion = 1;
constexpr std::size_t kHeaderSize = 24;
constexpr std::size_t kFooterSize = 24;
constexpr std::size_t kDirectoryEntrySize = 24;
constexpr std::size_t kEdgeRecordSize = 32;

constexpr std::uint32_t tag(const char (&name)[5]) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(name[0])) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(name[1])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(name[2])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(name[3])) << 24;
}
constexpr std::uint32_t kEvidenceTag = tag("EVID");
constexpr std::uint32_t kNodesTag = tag("NODE");
constexpr std::uint32_t kPredicatesTag = tag("PRED");
constexpr std::uint32_t kVocabularyTag = tag("VOCA");
constexpr std::uint32_t kEdgesTag = tag("EDGE");
constexpr std::uint32_t kFoldedTag = tag("FOLD");

std::string tag_name(std::uint32_t t) {
  std::string name;
  for (int i = 0; i < 4; ++i) {
    const char c = static_cast<char>((t >> (8 * i)) & 0xFF);
    name += (c >= 0x20 && c < 0x7F) ? c : '?';
  }
  return name;
}

std::uint32_t crc32_of(const char* data, std::size_t size, std::uint32_t crc = 0) {
  uLong value = crc;
  // zlib takes sizes as uInt: feed large ranges in pieces.
  while (size > 0) {
    const std::size_t piece = std::min<std::size_t>(size, 1u << 30);
    value = ::crc32(value, reinterpret_cast<const Bytef*>(data), static_cast<uInt>(piece));
    data += piece;
    size -= piece;
  }
  return static_cast<std::uint32_t>(value);
}

// Maps in a range of the file that is about to be read whole, in one call
// rather than a page fault per 4 KB page (each a trap to the kernel, dear
// on a virtual machine). Advice only: older kernels lack it.
void populate(const char* begin, const char* end) {
  const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
  const auto first = reinterpret_cast<std::uintptr_t>(begin) & ~(page - 1);
  const auto last = reinterpret_cast<std::uintptr_t>(end);
  if (last <= first) return;
  if (::madvise(reinterpret_cast<void*>(first), last - first, MADV_POPULATE_READ) != 0) {
    ::madvise(reinterpret_cast<void*>(first), last - first, MADV_WILLNEED);
  }
}

std::uint64_t fnv1a(std::string_view text) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : text) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

// ---------------------------------------------------------------- writing

// Bytes being assembled for one section or block.
class Encoder {
 public:
  void u8(std::uint8_t v) { bytes_.push_back(static_cast<char>(v)); }
  void u32(std::uint32_t v) { fixed(v, 4); }
  void u64(std::uint64_t v) { fixed(v, 8); }
  void varint(std::uint64_t v) {
    while (v >= 0x80) {
      bytes_.push_back(static_cast<char>((v & 0x7F) | 0x80));
      v >>= 7;
    }
    bytes_.push_back(static_cast<char>(v));
  }
  void string(std::string_view s) {
    varint(s.size());
    bytes_.append(s.data(), s.size());
  }
  void raw(std::string_view s) { bytes_.append(s.data(), s.size()); }
  void patch_u32(std::size_t at, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) bytes_[at + i] = static_cast<char>((v >> (8 * i)) & 0xFF);
  }
  const std::string& bytes() const { return bytes_; }
  void clear() { bytes_.clear(); }

 private:
  // `size` bytes of `v`, least significant first.
  void fixed(std::uint64_t v, int size) {
    for (int i = 0; i < size; ++i) bytes_.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
  }
  std::string bytes_;
};

struct DirectoryEntry {
  std::uint32_t tag = 0;
  std::uint32_t crc = 0;
  std::uint64_t offset = 0;
  std::uint64_t size = 0;
};

// Writes sections one after another, remembering where each went.
class SectionWriter {
 public:
  explicit SectionWriter(std::ostream& out) : out_(out) {}

  void write(const char* data, std::size_t size) {
    out_.write(data, static_cast<std::streamsize>(size));
    offset_ += size;
  }
  void begin(std::uint32_t t) { current_ = {t, 0, offset_, 0}; }
  // Section bytes; `checked` sections get a CRC in the directory.
  void append(const std::string& bytes, bool checked = true) {
    if (checked) current_.crc = crc32_of(bytes.data(), bytes.size(), current_.crc);
    write(bytes.data(), bytes.size());
  }
  void end() {
    current_.size = offset_ - current_.offset;
    directory_.push_back(current_);
  }
  std::uint64_t offset() const { return offset_; }
  std::uint64_t section_offset() const { return offset_ - current_.offset; }
  const std::vector<DirectoryEntry>& directory() const { return directory_; }

 private:
  std::ostream& out_;
  std::uint64_t offset_ = 0;
  DirectoryEntry current_;
  std::vector<DirectoryEntry> directory_;
};

// Index of `value` in a sorted vector known to hold it.
template <typename T>
std::uint32_t index_in(const std::vector<T>& sorted, std::string_view value) {
  return static_cast<std::uint32_t>(std::lower_bound(sorted.begin(), sorted.end(), value) -
                                    sorted.begin());
}

void encode_node(Encoder& e, const NodeData& node) {
  e.u8(static_cast<std::uint8_t>(node.type));
  e.string(node.id);
  e.string(node.label);
  e.varint(node.labels.size());
  for (const auto& [language, text] : node.labels) {
    e.string(language);
    e.string(text);
  }
  e.varint(node.aliases.size());
  for (const auto& alias : node.aliases) e.string(alias);
  e.varint(node.mentions);
  e.varint(node.same_as.size());
  for (const auto& same : node.same_as) e.string(same);
  e.varint(node.properties.size());
  for (const auto& [key, value] : node.properties) {
    e.string(key);
    e.string(value);
  }
}

void encode_folded(Encoder& e, const FoldedNames& names) {
  // Sorted by name, one pair per name, so the bytes do not depend on the
  // order the caller listed them in.
  std::vector<const std::pair<std::string, std::string>*> pairs;
  pairs.reserve(names.pairs.size());
  for (const auto& p : names.pairs) pairs.push_back(&p);
  std::sort(pairs.begin(), pairs.end(), [](auto* a, auto* b) { return *a < *b; });
  pairs.erase(std::unique(pairs.begin(), pairs.end(),
                          [](auto* a, auto* b) { return a->first == b->first; }),
              pairs.end());
  std::uint32_t slots = 16;
  while (slots < pairs.size() * 2) slots *= 2;
  std::vector<std::uint32_t> table(slots, 0);
  for (std::uint32_t i = 0; i < pairs.size(); ++i) {
    auto slot = fnv1a(pairs[i]->first) & (slots - 1);
    while (table[slot] != 0) slot = (slot + 1) & (slots - 1);
    table[slot] = i + 1;
  }
  e.string(names.scheme);
  e.u32(static_cast<std::uint32_t>(pairs.size()));
  e.u32(slots);
  for (auto t : table) e.u32(t);
  std::uint64_t offset = 0;
  for (const auto* p : pairs) {
    e.u64(offset);
    e.u32(static_cast<std::uint32_t>(p->first.size()));
    e.u32(static_cast<std::uint32_t>(p->second.size()));
    offset += p->first.size() + p->second.size();
  }
  for (const auto* p : pairs) {
    e.raw(p->first);
    e.raw(p->second);
  }
}

// ---------------------------------------------------------------- reading

// Reads a byte range; any read past its end sets `failed` and yields zeros,
// so decoding code checks once at the end of a record.
class Decoder {
 public:
  Decoder(const char* begin, const char* end) : p_(begin), end_(end) {}

  bool failed() const { return failed_; }
  // Marks the range damaged: a value read was impossible.
  void fail() {
    failed_ = true;
    p_ = end_;
  }
  bool at_end() const { return p_ == end_; }
  std::size_t remaining() const { return static_cast<std::size_t>(end_ - p_); }

  std::uint8_t u8() {
    if (!need(1)) return 0;
    return static_cast<std::uint8_t>(*p_++);
  }
  std::uint32_t u32() { return static_cast<std::uint32_t>(fixed(4)); }
  std::uint64_t u64() { return fixed(8); }
  std::uint64_t varint() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (!need(1)) return 0;
      const auto byte = static_cast<unsigned char>(*p_++);
      if (shift == 63 && byte > 1) break;  // more than 64 bits
      v |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
      if ((byte & 0x80) == 0) return v;
    }
    failed_ = true;
    return 0;
  }
  std::string_view string() {
    const std::uint64_t size = varint();
    if (failed_ || !need(size)) return {};
    std::string_view s(p_, size);
    p_ += size;
    return s;
  }
  // A count of items that each take at least `min_bytes`: more than the
  // bytes left could hold is damage, caught before anything is reserved.
  std::uint64_t count(std::size_t min_bytes) {
    const std::uint64_t n = varint();
    if (n > remaining() / std::max<std::size_t>(1, min_bytes)) {
      failed_ = true;
      return 0;
    }
    return n;
  }

 private:
  // `size` bytes, least significant first.
  std::uint64_t fixed(int size) {
    if (!need(size)) return 0;
    std::uint64_t v = 0;
    for (int i = 0; i < size; ++i)
      v |= static_cast<std::uint64_t>(static_cast<unsigned char>(p_[i])) << (8 * i);
    p_ += size;
    return v;
  }
  bool need(std::uint64_t n) {
    if (failed_ || n > remaining()) {
      failed_ = true;
      p_ = end_;
      return false;
    }
    return true;
  }
  const char* p_;
  const char* end_;
  bool failed_ = false;
};

struct EdgeRecordView {
  std::uint32_t source, target, predicate, evidence_count;
  std::uint64_t weight, offset;
};

}  // namespace
}  // namespace detail

struct GraphSnapshot::Impl final : EvidenceStore {
  std::string path;
  const char* data = nullptr;
  std::size_t size = 0;

  // Sections, as byte ranges of the mapping.
  const char* evidence_begin = nullptr;
  std::size_t evidence_size = 0;
  const char* nodes_begin = nullptr;
  const char* nodes_end = nullptr;
  const char* edges = nullptr;  // the first record
  std::uint64_t edge_total = 0;

  std::vector<std::string_view> predicates;  // ascending
  std::vector<std::string_view> vocabulary;  // ascending
  std::vector<const char*> node_records;     // where each node's record starts
  std::vector<std::string_view> node_ids;
  std::vector<std::uint32_t> first_edge;  // node -> its first edge; node_count + 1
  std::vector<std::uint32_t> in_degree;   // node -> edges into it

  // The folded-name table is checked on first use: a query that looks up
  // no name by folding never reads it. Damaged, it is ignored (names are
  // then folded afresh), since it only saves time.
  std::pair<const char*, const char*> fold_section{nullptr, nullptr};
  std::uint32_t fold_crc = 0;
  mutable std::once_flag fold_checked;
  mutable bool fold_usable = false;
  std::string_view fold_scheme;
  std::uint32_t fold_count = 0, fold_slots = 0;
  const char* fold_table = nullptr;    // slots × u32
  const char* fold_entries = nullptr;  // fold_count × 16 bytes
  const char* fold_bytes = nullptr;
  std::size_t fold_bytes_size = 0;

  ~Impl() override {
    if (data != nullptr) ::munmap(const_cast<char*>(data), size);
  }

  detail::EdgeRecordView edge_at(std::uint64_t i) const {
    detail::Decoder d(edges + i * detail::kEdgeRecordSize,
                      edges + (i + 1) * detail::kEdgeRecordSize);
    detail::EdgeRecordView r{};
    r.source = d.u32();
    r.target = d.u32();
    r.predicate = d.u32();
    r.evidence_count = d.u32();
    r.weight = d.u64();
    r.offset = d.u64();
    return r;
  }

  std::string edge_name(const detail::EdgeRecordView& r) const {
    return std::string(node_ids[r.source]) + " -" + std::string(predicates[r.predicate]) + "-> " +
           std::string(node_ids[r.target]);
  }

  // The edge's block, its checksum checked, positioned after the CRC.
  // nullopt if the store holds no such edge.
  std::optional<std::uint64_t> find_edge(std::size_t source, std::string_view predicate,
                                         std::size_t target) const {
    if (source + 1 >= first_edge.size() || target + 1 >= first_edge.size()) return std::nullopt;
    auto p = std::lower_bound(predicates.begin(), predicates.end(), predicate);
    if (p == predicates.end() || *p != predicate) return std::nullopt;
    const auto pred = static_cast<std::uint32_t>(p - predicates.begin());
    std::uint64_t lo = first_edge[source], hi = first_edge[source + 1];
    while (lo < hi) {
      const std::uint64_t mid = lo + (hi - lo) / 2;
      const auto r = edge_at(mid);
      if (std::tie(r.predicate, r.target) < std::tie(pred, target))
        lo = mid + 1;
      else
        hi = mid;
    }
    if (lo == first_edge[source + 1]) return std::nullopt;
    const auto r = edge_at(lo);
    if (r.predicate != pred || r.target != target) return std::nullopt;
    return lo;
  }

  detail::Decoder block(std::uint64_t i, const detail::EdgeRecordView& r) const {
    const std::uint64_t end = i + 1 < edge_total ? edge_at(i + 1).offset : evidence_size;
    const char* begin = evidence_begin + r.offset;
    detail::Decoder d(begin, evidence_begin + end);
    const std::uint32_t crc = d.u32();
    if (d.failed() || detail::crc32_of(begin + 4, end - r.offset - 4) != crc) {
      throw EvidenceReadError(path + ": the evidence of " + edge_name(r) +
                              " is damaged (checksum mismatch)");
    }
    return d;
  }

  std::vector<std::string_view> read_documents(detail::Decoder& d,
                                               const detail::EdgeRecordView& r) const {
    std::vector<std::string_view> documents;
    const std::uint64_t n = d.count(1);
    documents.reserve(n);
    std::uint64_t previous = 0;
    for (std::uint64_t k = 0; k < n; ++k) {
      const std::uint64_t v = d.varint();
      if (v >= vocabulary.size() || (k > 0 && v <= previous)) d.fail();
      if (d.failed()) break;
      documents.push_back(vocabulary[v]);
      previous = v;
    }
    if (d.failed()) {
      throw EvidenceReadError(path + ": the evidence of " + edge_name(r) +
                              " is damaged (bad document list)");
    }
    return documents;
  }

  std::vector<Evidence> read_evidence(std::uint64_t i, const detail::EdgeRecordView& r) const {
    auto d = block(i, r);
    read_documents(d, r);
    std::vector<Evidence> items;
    // Each piece takes at least 13 bytes.
    if (r.evidence_count > d.remaining() / 13)
      d.fail();
    else
      items.reserve(r.evidence_count);
    for (std::uint32_t k = 0; k < r.evidence_count && !d.failed(); ++k) {
      Evidence item;
      const std::uint64_t document = d.varint();
      item.paragraph = d.string();
      item.start = d.varint();
      item.end = d.varint();
      item.text = d.string();
      const std::uint64_t extractor = d.varint();
      const std::uint64_t bits = d.u64();
      if (document >= vocabulary.size() || extractor >= vocabulary.size()) d.fail();
      if (d.failed()) break;
      item.document = vocabulary[document];
      item.extractor = vocabulary[extractor];
      std::memcpy(&item.confidence, &bits, sizeof bits);
      items.push_back(std::move(item));
    }
    if (d.failed() || !d.at_end()) {
      throw EvidenceReadError(path + ": the evidence of " + edge_name(r) +
                              " is damaged (bad evidence record)");
    }
    return items;
  }

  std::vector<Evidence> evidence(std::size_t source, std::string_view predicate,
                                 std::size_t target) const override {
    const auto i = find_edge(source, predicate, target);
    if (!i) return {};
    return read_evidence(*i, edge_at(*i));
  }

  std::vector<std::string_view> documents(std::size_t source, std::string_view predicate,
                                          std::size_t target) const override {
    const auto i = find_edge(source, predicate, target);
    if (!i) return {};
    const auto r = edge_at(*i);
    auto d = block(*i, r);
    return read_documents(d, r);
  }

  bool decode_node(std::size_t i, NodeData& node) const {
    const char* end = i + 1 < node_records.size() ? node_records[i + 1] : nodes_end;
    detail::Decoder d(node_records[i], end);
    const std::uint8_t type = d.u8();
    if (type >= kNodeTypeCount) return false;
    node.type = static_cast<NodeType>(type);
    node.id = d.string();
    node.label = d.string();
    for (std::uint64_t n = d.count(2); n > 0 && !d.failed(); --n) {
      auto language = d.string();
      auto text = d.string();
      node.labels.emplace_hint(node.labels.end(), language, text);
    }
    std::uint64_t n = d.count(1);
    node.aliases.reserve(n);
    for (; n > 0 && !d.failed(); --n) node.aliases.emplace_back(d.string());
    node.mentions = d.varint();
    n = d.count(1);
    node.same_as.reserve(n);
    for (; n > 0 && !d.failed(); --n) node.same_as.emplace_back(d.string());
    for (n = d.count(2); n > 0 && !d.failed(); --n) {
      auto key = d.string();
      auto value = d.string();
      node.properties.emplace_hint(node.properties.end(), key, value);
    }
    return !d.failed() && d.at_end();
  }

  Status parse(std::size_t file_size);

  // Checks the folded-name table once; false if there is none or it is damaged.
  bool folded_names_usable() const {
    std::call_once(fold_checked, [this] {
      const_cast<Impl*>(this)->fold_usable = const_cast<Impl*>(this)->check_folded_names();
    });
    return fold_usable;
  }

  bool check_folded_names() {
    const auto [begin, end] = fold_section;
    if (begin == nullptr) return false;
    detail::populate(begin, end);
    if (detail::crc32_of(begin, end - begin) != fold_crc) return false;
    detail::Decoder d(begin, end);
    fold_scheme = d.string();
    fold_count = d.u32();
    fold_slots = d.u32();
    const bool shape =
        !d.failed() && fold_slots >= 16 && (fold_slots & (fold_slots - 1)) == 0 &&
        fold_count <= fold_slots / 2 &&
        d.remaining() >= std::uint64_t{fold_slots} * 4 + std::uint64_t{fold_count} * 16;
    if (!shape) return false;
    fold_table = end - d.remaining();
    fold_entries = fold_table + std::uint64_t{fold_slots} * 4;
    fold_bytes = fold_entries + std::uint64_t{fold_count} * 16;
    fold_bytes_size = end - fold_bytes;
    std::uint64_t expected = 0;
    for (std::uint32_t i = 0; i < fold_count; ++i) {
      detail::Decoder e(fold_entries + i * 16, fold_entries + (i + 1) * 16);
      const auto offset = e.u64();
      const auto lengths = std::uint64_t{e.u32()} + e.u32();
      if (offset != expected || lengths > fold_bytes_size - offset) return false;
      expected += lengths;
    }
    for (std::uint32_t slot = 0; slot < fold_slots; ++slot) {
      detail::Decoder e(fold_table + slot * 4, fold_table + slot * 4 + 4);
      if (e.u32() > fold_count) return false;
    }
    return expected == fold_bytes_size;
  }
};

void write_snapshot(const KnowledgeGraph& graph, const FoldedNames* names, std::ostream& out) {
  using detail::Encoder;
  const auto vertices = graph.sorted_vertices();
  const auto edges = graph.sorted_edges();
  std::vector<std::uint32_t> rank(graph.node_count());
  for (std::size_t i = 0; i < vertices.size(); ++i)
    rank[vertices[i]] = static_cast<std::uint32_t>(i);

  std::vector<std::string_view> predicates, vocabulary;
  {
    std::unordered_set<std::string_view> seen_predicates, seen_words;
    for (auto e : edges) {
      const EdgeData& data = graph.edge(e);
      if (seen_predicates.insert(data.predicate).second) predicates.push_back(data.predicate);
      for (const auto& item : graph.evidence(e)) {
        if (seen_words.insert(item.document).second) vocabulary.push_back(item.document);
        if (seen_words.insert(item.extractor).second) vocabulary.push_back(item.extractor);
      }
    }
  }
  std::sort(predicates.begin(), predicates.end());
  std::sort(vocabulary.begin(), vocabulary.end());

  detail::SectionWriter w(out);
  {
    Encoder header;
    header.raw(std::string_view(detail::kSignature, sizeof detail::kSignature));
    header.u32(detail::kVersion);
    header.u32(0);
    w.write(header.bytes().data(), header.bytes().size());
  }

  // Evidence first: the edge records hold where each block went and how
  // many pieces it holds.
  std::vector<std::uint64_t> block_offsets;
  std::vector<std::uint32_t> evidence_counts;
  block_offsets.reserve(edges.size());
  evidence_counts.reserve(edges.size());
  w.begin(detail::kEvidenceTag);
  Encoder block;
  std::vector<std::uint32_t> item_documents, documents;
  for (auto e : edges) {
    const auto& items = graph.evidence(e);
    block.clear();
    block.u32(0);
    item_documents.clear();
    for (const auto& item : items) {
      item_documents.push_back(detail::index_in(vocabulary, item.document));
    }
    documents = item_documents;
    std::sort(documents.begin(), documents.end());
    documents.erase(std::unique(documents.begin(), documents.end()), documents.end());
    block.varint(documents.size());
    for (auto d : documents) block.varint(d);
    for (std::size_t k = 0; k < items.size(); ++k) {
      const Evidence& item = items[k];
      block.varint(item_documents[k]);
      block.string(item.paragraph);
      block.varint(item.start);
      block.varint(item.end);
      block.string(item.text);
      block.varint(detail::index_in(vocabulary, item.extractor));
      std::uint64_t bits;
      std::memcpy(&bits, &item.confidence, sizeof bits);
      block.u64(bits);
    }
    block.patch_u32(0, detail::crc32_of(block.bytes().data() + 4, block.bytes().size() - 4));
    block_offsets.push_back(w.section_offset());
    evidence_counts.push_back(static_cast<std::uint32_t>(items.size()));
    w.append(block.bytes(), false);
  }
  w.end();

  Encoder section;
  w.begin(detail::kNodesTag);
  section.varint(vertices.size());
  for (auto v : vertices) {
    detail::encode_node(section, graph.node(v));
    // Flushed as it grows: a large graph's nodes are tens of megabytes.
    if (section.bytes().size() > (1u << 20)) {
      w.append(section.bytes());
      section.clear();
    }
  }
  w.append(section.bytes());
  w.end();

  for (auto [t, strings] : {std::pair{detail::kPredicatesTag, &predicates},
                            std::pair{detail::kVocabularyTag, &vocabulary}}) {
    section.clear();
    w.begin(t);
    section.varint(strings->size());
    for (auto s : *strings) section.string(s);
    w.append(section.bytes());
    w.end();
  }

  section.clear();
  w.begin(detail::kEdgesTag);
  section.u64(edges.size());
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const auto e = edges[i];
    const EdgeData& data = graph.edge(e);
    const auto& g = graph.graph();
    section.u32(rank[boost::source(e, g)]);
    section.u32(rank[boost::target(e, g)]);
    section.u32(detail::index_in(predicates, data.predicate));
    section.u32(evidence_counts[i]);
    section.u64(data.weight);
    section.u64(block_offsets[i]);
    if (section.bytes().size() > (1u << 20)) {
      w.append(section.bytes());
      section.clear();
    }
  }
  w.append(section.bytes());
  w.end();

  if (names != nullptr) {
    section.clear();
    w.begin(detail::kFoldedTag);
    detail::encode_folded(section, *names);
    w.append(section.bytes());
    w.end();
  }

  const std::uint64_t directory_offset = w.offset();
  Encoder directory;
  directory.u32(static_cast<std::uint32_t>(w.directory().size()));
  for (const auto& entry : w.directory()) {
    directory.u32(entry.tag);
    directory.u32(entry.crc);
    directory.u64(entry.offset);
    directory.u64(entry.size);
  }
  Encoder footer;
  footer.u64(directory_offset);
  footer.u32(detail::crc32_of(directory.bytes().data(), directory.bytes().size()));
  footer.u32(detail::kVersion);
  footer.raw(std::string_view(detail::kEndMark, sizeof detail::kEndMark));
  w.write(directory.bytes().data(), directory.bytes().size());
  w.write(footer.bytes().data(), footer.bytes().size());
}

bool is_snapshot_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char head[sizeof detail::kSignature];
  if (!in.read(head, sizeof head)) return false;
  return std::memcmp(head, detail::kSignature, sizeof head) == 0;
}

Status GraphSnapshot::Impl::parse(std::size_t file_size) {
  using detail::Decoder;
  Status status;
  auto fail = [&](const std::string& entry, const std::string& message) {
    status.add(path, 0, entry, message);
    return status;
  };
  if (file_size < detail::kHeaderSize + detail::kFooterSize + 4 ||
      std::memcmp(data, detail::kSignature, sizeof detail::kSignature) != 0) {
    return fail("", "not a crimekg snapshot (no snapshot signature)");
  }
  Decoder header(data + sizeof detail::kSignature, data + detail::kHeaderSize);
  if (const auto version = header.u32(); version != detail::kVersion) {
    return fail("", "snapshot version " + std::to_string(version) + ", this crimekg reads " +
                        std::to_string(detail::kVersion) + " (write it again with this crimekg)");
  }
  const char* footer_at = data + file_size - detail::kFooterSize;
  if (std::memcmp(footer_at + 16, detail::kEndMark, sizeof detail::kEndMark) != 0) {
    return fail("", "the snapshot is truncated (no end mark)");
  }
  Decoder footer(footer_at, footer_at + 16);
  const std::uint64_t directory_offset = footer.u64();
  const std::uint32_t directory_crc = footer.u32();
  // The footer repeats the version, and no checksum covers it: a footer
  // that disagrees with the header is damage (or another writer's file).
  if (const auto version = footer.u32(); version != detail::kVersion) {
    return fail("footer", "the snapshot is damaged (footer says version " +
                              std::to_string(version) + ", the header " +
                              std::to_string(detail::kVersion) + ")");
  }
  if (directory_offset < detail::kHeaderSize ||
      directory_offset > file_size - detail::kFooterSize - 4) {
    return fail("directory", "the snapshot is damaged (directory out of bounds)");
  }
  const char* directory_begin = data + directory_offset;
  const std::size_t directory_size = footer_at - directory_begin;
  if (detail::crc32_of(directory_begin, directory_size) != directory_crc) {
    return fail("directory", "the snapshot is damaged (directory checksum mismatch)");
  }
  Decoder directory(directory_begin, footer_at);
  const std::uint32_t sections = directory.u32();
  if (directory_size != 4 + std::uint64_t{sections} * detail::kDirectoryEntrySize) {
    return fail("directory", "the snapshot is damaged (directory size)");
  }
  std::unordered_map<std::uint32_t, std::pair<const char*, const char*>> found;
  for (std::uint32_t i = 0; i < sections; ++i) {
    const std::uint32_t t = directory.u32();
    const std::uint32_t crc = directory.u32();
    const std::uint64_t offset = directory.u64();
    const std::uint64_t size = directory.u64();
    if (offset < detail::kHeaderSize || offset > directory_offset ||
        size > directory_offset - offset) {
      return fail(detail::tag_name(t), "the snapshot is damaged (section out of bounds)");
    }
    // Evidence is checked per block when read, folded names when first used.
    if (t == detail::kFoldedTag) fold_crc = crc;
    const bool read_now = t != detail::kEvidenceTag && t != detail::kFoldedTag;
    if (read_now) detail::populate(data + offset, data + offset + size);
    if (read_now && detail::crc32_of(data + offset, size) != crc) {
      return fail(detail::tag_name(t), "the snapshot is damaged (checksum mismatch)");
    }
    found[t] = {data + offset, data + offset + size};
  }
  for (auto t : {detail::kEvidenceTag, detail::kNodesTag, detail::kPredicatesTag,
                 detail::kVocabularyTag, detail::kEdgesTag}) {
    if (!found.count(t)) return fail(detail::tag_name(t), "the snapshot lacks this section");
  }
  evidence_begin = found[detail::kEvidenceTag].first;
  evidence_size = found[detail::kEvidenceTag].second - evidence_begin;

  // Strictly ascending string tables.
  auto strings = [&](std::uint32_t t, std::vector<std::string_view>& out) {
    Decoder d(found[t].first, found[t].second);
    const std::uint64_t n = d.count(1);
    out.reserve(n);
    for (std::uint64_t i = 0; i < n && !d.failed(); ++i) {
      out.push_back(d.string());
      if (i > 0 && out[i - 1] >= out[i]) d.fail();
    }
    return !d.failed() && d.at_end();
  };
  if (!strings(detail::kPredicatesTag, predicates)) {
    return fail("PRED", "the snapshot is damaged (predicate table)");
  }
  if (!strings(detail::kVocabularyTag, vocabulary)) {
    return fail("VOCA", "the snapshot is damaged (evidence vocabulary)");
  }

  // Node records: where each starts, and its id, ascending.
  {
    nodes_begin = found[detail::kNodesTag].first;
    nodes_end = found[detail::kNodesTag].second;
    Decoder d(nodes_begin, nodes_end);
    const std::uint64_t n = d.count(8);
    if (n >= std::numeric_limits<std::uint32_t>::max()) d.fail();
    node_records.reserve(n);
    node_ids.reserve(n);
    const char* at = nodes_begin;
    for (std::uint64_t i = 0; i < n && !d.failed(); ++i) {
      // Where this record starts: the decoder's position.
      at = nodes_end - d.remaining();
      node_records.push_back(at);
      d.u8();
      node_ids.push_back(d.string());
      if (node_ids.back().empty() || (i > 0 && node_ids[i - 1] >= node_ids[i])) d.fail();
      d.string();  // label
      for (auto k = d.count(2); k > 0 && !d.failed(); --k) d.string(), d.string();
      for (auto k = d.count(1); k > 0 && !d.failed(); --k) d.string();
      d.varint();
      for (auto k = d.count(1); k > 0 && !d.failed(); --k) d.string();
      for (auto k = d.count(2); k > 0 && !d.failed(); --k) d.string(), d.string();
    }
    if (d.failed() || !d.at_end()) {
      return fail("NODE", "the snapshot is damaged (node " + std::to_string(node_ids.size()) +
                              " unreadable or out of order)");
    }
    // The first record starts after the count.
  }

  // Edges: in bounds, strictly ascending, blocks contiguous.
  {
    Decoder d(found[detail::kEdgesTag].first, found[detail::kEdgesTag].second);
    edge_total = d.u64();
    if (d.failed() || d.remaining() / detail::kEdgeRecordSize != edge_total ||
        d.remaining() % detail::kEdgeRecordSize != 0) {
      return fail("EDGE", "the snapshot is damaged (edge table size)");
    }
    if (edge_total > std::numeric_limits<std::uint32_t>::max()) {
      return fail("EDGE", "the snapshot has more edges than this crimekg reads");
    }
    edges = found[detail::kEdgesTag].first + 8;
    const std::size_t nodes = node_ids.size();
    first_edge.assign(nodes + 1, 0);
    in_degree.assign(nodes, 0);
    std::uint32_t next_source = 0;
    detail::EdgeRecordView previous{};
    for (std::uint64_t i = 0; i < edge_total; ++i) {
      const auto r = edge_at(i);
      const bool ordered =
          i == 0 || std::tie(previous.source, previous.predicate, previous.target) <
                        std::tie(r.source, r.predicate, r.target);
      const bool blocks = (i == 0 ? r.offset == 0 : r.offset >= previous.offset + 4) &&
                          r.offset <= evidence_size - std::min<std::size_t>(evidence_size, 4);
      if (r.source >= nodes || r.target >= nodes || r.predicate >= predicates.size() || !ordered ||
          !blocks) {
        return fail("EDGE", "the snapshot is damaged (edge " + std::to_string(i) +
                                " out of range or out of order)");
      }
      while (next_source <= r.source) first_edge[next_source++] = static_cast<std::uint32_t>(i);
      ++in_degree[r.target];
      previous = r;
    }
    while (next_source <= nodes) first_edge[next_source++] = static_cast<std::uint32_t>(edge_total);
    if (edge_total == 0 ? evidence_size != 0 : previous.offset + 4 > evidence_size) {
      return fail("EVID", "the snapshot is damaged (evidence section size)");
    }
  }

  if (auto it = found.find(detail::kFoldedTag); it != found.end()) {
    fold_section = it->second;
  }
  return status;
}

GraphSnapshot::GraphSnapshot(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
GraphSnapshot::~GraphSnapshot() = default;

std::shared_ptr<const GraphSnapshot> GraphSnapshot::open(const std::string& path, Status& status) {
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    status.add(path, 0, "", std::strerror(errno));
    return nullptr;
  }
  struct stat info {};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    ::close(fd);
    status.add(path, 0, "", "not a regular file");
    return nullptr;
  }
  const auto size = static_cast<std::size_t>(info.st_size);
  if (size < detail::kHeaderSize + detail::kFooterSize + 4) {
    ::close(fd);
    status.add(path, 0, "", "not a crimekg snapshot (too short)");
    return nullptr;
  }
  void* mapped = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (mapped == MAP_FAILED) {
    status.add(path, 0, "", std::string("cannot map the file: ") + std::strerror(errno));
    return nullptr;
  }
  impl->data = static_cast<const char*>(mapped);
  impl->size = size;
  Status parsed = impl->parse(size);
  if (!parsed.ok()) {
    status.merge(parsed);
    return nullptr;
  }
  return std::shared_ptr<const GraphSnapshot>(new GraphSnapshot(std::move(impl)));
}

Status GraphSnapshot::load(KnowledgeGraph& graph, EvidenceLoading loading) const {
  Status status;
  if (graph.node_count() != 0) {
    status.add(impl_->path, 0, "", "a snapshot is loaded into an empty graph only");
    return status;
  }
  const Impl& s = *impl_;
  const std::size_t count = s.node_records.size();
  // Nodes are decoded on a second thread while the edges are added here:
  // both are mostly allocation and first touches of fresh memory.
  std::vector<NodeData> nodes(count);
  std::vector<std::size_t> unreadable;
  auto decode_all = [&] {
    for (std::size_t i = 0; i < count; ++i) {
      if (s.decode_node(i, nodes[i])) continue;
      // The checksum matched, so this is a writer's fault, not damage.
      unreadable.push_back(i);
      nodes[i] = NodeData{};
      nodes[i].id = s.node_ids[i];
      nodes[i].type = node_type_from_id(nodes[i].id).value_or(NodeType::kBody);
    }
  };
  std::exception_ptr decode_failure;
  auto decode_nodes = [&]() noexcept {
    try {
      decode_all();
    } catch (...) {
      decode_failure = std::current_exception();
    }
  };
  std::thread decoder;
  try {
    decoder = std::thread(decode_nodes);
  } catch (const std::system_error&) {
    decode_nodes();  // no thread to be had: one after the other
  }
  // Joined however this function is left.
  struct Joiner {
    std::thread& thread;
    ~Joiner() {
      if (thread.joinable()) thread.join();
    }
  } joiner{decoder};
  graph.add_vertices(count);
  for (std::size_t v = 0; v < count; ++v) {
    graph.reserve_degree(v, s.first_edge[v + 1] - s.first_edge[v], s.in_degree[v]);
  }
  std::vector<std::string> predicate_names(s.predicates.begin(), s.predicates.end());
  for (std::uint64_t i = 0; i < s.edge_total; ++i) {
    const auto r = s.edge_at(i);
    EdgeData data{predicate_names[r.predicate], r.weight, {}};
    if (loading == EvidenceLoading::kInGraph) {
      try {
        data.evidence = s.read_evidence(i, r);
      } catch (const EvidenceReadError& e) {
        // The message names the file and the edge; the edge is kept.
        std::string message = e.what();
        message.erase(0, std::min(message.size(), s.path.size() + 2));
        status.add(s.path, 0, "", message + "; the edge is kept without evidence");
      }
    }
    graph.add_new_edge(r.source, r.target, std::move(data));
  }
  if (decoder.joinable()) decoder.join();
  if (decode_failure) std::rethrow_exception(decode_failure);
  for (auto i : unreadable)
    status.add(s.path, 0, std::string(s.node_ids[i]), "node record unreadable");
  graph.set_nodes(std::move(nodes));
  if (loading == EvidenceLoading::kLazy) {
    graph.attach_evidence_store(std::shared_ptr<const EvidenceStore>(impl_, impl_.get()));
  }
  return status;
}

const std::string& GraphSnapshot::path() const { return impl_->path; }
std::size_t GraphSnapshot::node_count() const { return impl_->node_ids.size(); }
std::size_t GraphSnapshot::edge_count() const { return impl_->edge_total; }
std::string_view GraphSnapshot::folded_scheme() const {
  return impl_->folded_names_usable() ? impl_->fold_scheme : std::string_view();
}

std::size_t GraphSnapshot::folded_count() const {
  return impl_->folded_names_usable() ? impl_->fold_count : 0;
}

std::pair<std::string_view, std::string_view> GraphSnapshot::folded_at(std::size_t i) const {
  const Impl& s = *impl_;
  if (!s.folded_names_usable() || i >= s.fold_count) return {};
  detail::Decoder e(s.fold_entries + i * 16, s.fold_entries + (i + 1) * 16);
  const auto offset = e.u64();
  const auto name_size = e.u32();
  const auto key_size = e.u32();
  return {std::string_view(s.fold_bytes + offset, name_size),
          std::string_view(s.fold_bytes + offset + name_size, key_size)};
}

std::optional<std::string_view> GraphSnapshot::folded(std::string_view name) const {
  const Impl& s = *impl_;
  if (!s.folded_names_usable() || s.fold_count == 0) return std::nullopt;
  auto slot = detail::fnv1a(name) & (s.fold_slots - 1);
  // At most every slot once: a damaged table cannot loop.
  for (std::uint32_t probes = 0; probes < s.fold_slots; ++probes) {
    detail::Decoder e(s.fold_table + slot * 4, s.fold_table + slot * 4 + 4);
    const std::uint32_t entry = e.u32();
    if (entry == 0) return std::nullopt;
    const auto [stored, key] = folded_at(entry - 1);
    if (stored == name) return key;
    slot = (slot + 1) & (s.fold_slots - 1);
  }
  return std::nullopt;
}

Status load_snapshot_file(const std::string& path, KnowledgeGraph& graph, EvidenceLoading loading,
                          std::shared_ptr<const GraphSnapshot>* snapshot) {
  Status status;
  auto opened = GraphSnapshot::open(path, status);
  if (!opened) return status;
  status.merge(opened->load(graph, loading));
  if (snapshot != nullptr) *snapshot = std::move(opened);
  return status;
}

Status load_graph_file(const std::string& path, KnowledgeGraph& graph, EvidenceLoading loading,
                       std::shared_ptr<const GraphSnapshot>* snapshot) {
  if (!is_snapshot_file(path)) return load_node_link_file(path, graph);
  return load_snapshot_file(path, graph, loading, snapshot);
}

}  // namespace crimekg

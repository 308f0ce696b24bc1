#include "graph/node_link.h"

#include <fcntl.h>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/prettywriter.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <memory>

#include "graph/atomic_file.h"

namespace crimekg {
namespace detail {
namespace {

using Writer = rapidjson::PrettyWriter<rapidjson::OStreamWrapper>;

void write_string(Writer& w, const std::string& s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

void write_node(Writer& w, const NodeData& n) {
  w.StartObject();
  w.Key("id");
  write_string(w, n.id);
  w.Key("type");
  w.String(to_string(n.type).data(), static_cast<rapidjson::SizeType>(to_string(n.type).size()));
  w.Key("label");
  write_string(w, n.label);
  w.Key("labels");
  w.StartObject();
  for (const auto& [lang, text] : n.labels) {
    write_string(w, lang);
    write_string(w, text);
  }
  w.EndObject();
  w.Key("aliases");
  w.StartArray();
  for (const auto& a : n.aliases) write_string(w, a);
  w.EndArray();
  w.Key("mentions");
  w.Uint64(n.mentions);
  w.Key("sameAs");
  w.StartArray();
  for (const auto& s : n.same_as) write_string(w, s);
  w.EndArray();
  for (const auto& [key, value] : n.properties) {
    write_string(w, key);
    write_string(w, value);
  }
  w.EndObject();
}

void write_evidence(Writer& w, const Evidence& e) {
  w.StartObject();
  w.Key("document");
  write_string(w, e.document);
  w.Key("paragraph");
  write_string(w, e.paragraph);
  w.Key("start");
  w.Uint64(e.start);
  w.Key("end");
  w.Uint64(e.end);
  w.Key("text");
  write_string(w, e.text);
  w.Key("extractor");
  write_string(w, e.extractor);
  w.Key("confidence");
  w.Double(e.confidence);
  w.EndObject();
}

const char* kReserved[] = {"id", "type", "label", "labels", "aliases", "mentions", "sameAs"};

bool is_reserved(const std::string& key) {
  for (const char* r : kReserved)
    if (key == r) return true;
  return false;
}

std::string string_member(const rapidjson::Value& v, const char* key) {
  auto it = v.FindMember(key);
  if (it == v.MemberEnd() || !it->value.IsString()) return "";
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

std::vector<std::string> string_array(const rapidjson::Value& v, const char* key) {
  std::vector<std::string> out;
  auto it = v.FindMember(key);
  if (it == v.MemberEnd() || !it->value.IsArray()) return out;
  for (const auto& item : it->value.GetArray()) {
    if (item.IsString())
      insert_sorted_unique(out, std::string(item.GetString(), item.GetStringLength()));
  }
  return out;
}

}  // namespace
}  // namespace detail

void write_node_link(const KnowledgeGraph& graph, std::ostream& out) {
  rapidjson::OStreamWrapper stream(out);
  detail::Writer w(stream);
  w.SetIndent(' ', 2);
  w.StartObject();
  w.Key("directed");
  w.Bool(true);
  w.Key("multigraph");
  w.Bool(true);
  w.Key("graph");
  w.StartObject();
  w.Key("generator");
  w.String("crimekg");
  w.Key("ontology");
  w.String("crimekg crime-policy ontology 1");
  w.EndObject();
  w.Key("nodes");
  w.StartArray();
  for (auto v : graph.sorted_vertices()) detail::write_node(w, graph.node(v));
  w.EndArray();
  w.Key("links");
  w.StartArray();
  for (auto e : graph.sorted_edges()) {
    const EdgeData& d = graph.edge(e);
    w.StartObject();
    w.Key("source");
    detail::write_string(w, graph.source_node(e).id);
    w.Key("target");
    detail::write_string(w, graph.target_node(e).id);
    w.Key("key");
    detail::write_string(w, d.predicate);
    w.Key("predicate");
    detail::write_string(w, d.predicate);
    w.Key("weight");
    w.Uint64(d.weight);
    w.Key("evidence");
    w.StartArray();
    // graph.evidence: the edge's own, or read from a snapshot left on disk.
    for (const auto& item : graph.evidence(e)) detail::write_evidence(w, item);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out << '\n';
}

namespace detail {

// Memory in transparent huge pages where the kernel offers them (madvise):
// a large graph's JSON is a gigabyte, and its DOM half as much again;
// faulting that in 4 KB pages costs seconds of system time on a virtual
// machine, in 2 MB pages a fraction of it.
class HugePages {
 public:
  explicit HugePages(std::size_t size) : size_(size) {
    void* p = ::mmap(nullptr, size_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return;
    ::madvise(p, size_, MADV_HUGEPAGE);  // advice only: plain pages if refused
    data_ = static_cast<char*>(p);
  }
  HugePages(const HugePages&) = delete;
  HugePages& operator=(const HugePages&) = delete;
  ~HugePages() {
    if (data_ != nullptr) ::munmap(data_, size_);
  }
  char* data() const { return data_; }
  std::size_t size() const { return size_; }

 private:
  std::size_t size_;
  char* data_ = nullptr;
};

// Files from this size on are read into huge pages.
constexpr std::size_t kLargeFile = 32u << 20;

// Reads a whole regular file into huge pages, NUL-terminated; nullptr if
// it is not one or cannot be read (the caller's ordinary read then reports
// why).
std::unique_ptr<HugePages> read_large_file(const std::string& path, std::size_t& size) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return nullptr;
  size = std::filesystem::file_size(path, ec);
  if (ec || size < kLargeFile) return nullptr;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return nullptr;
  auto buffer = std::make_unique<HugePages>(size + 1);
  std::size_t done = 0;
  while (buffer->data() != nullptr && done < size) {
    const ssize_t n = ::read(fd, buffer->data() + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
  }
  // More than the size said (the file grew): the ordinary read takes it all.
  char extra;
  const bool complete = done == size && ::read(fd, &extra, 1) == 0;
  ::close(fd);
  if (buffer->data() == nullptr || !complete) return nullptr;
  buffer->data()[size] = '\0';
  return buffer;
}

// Parses the NUL-terminated `json` in place: the DOM's strings point into
// it, which is modified (unescaped, terminated). Saves copying every string
// into the DOM first. Large inputs get their DOM in huge pages too.
Status read_node_link_in_place(char* json, std::size_t size, const std::string& source_name,
                               KnowledgeGraph& graph) {
  Status status;
  // The DOM of node-link JSON takes about half the text's size.
  std::unique_ptr<HugePages> pool_pages;
  if (size >= kLargeFile) pool_pages = std::make_unique<HugePages>(size / 2);
  // RapidJSON's pool takes a user buffer only if there is one.
  auto pool = pool_pages && pool_pages->data() != nullptr
                  ? std::make_unique<rapidjson::MemoryPoolAllocator<>>(pool_pages->data(),
                                                                       pool_pages->size())
                  : std::make_unique<rapidjson::MemoryPoolAllocator<>>();
  rapidjson::Document doc(pool.get());
  // Full precision: the writer gives each confidence the shortest digits
  // that read back exactly, and only a correctly rounded reading does.
  doc.ParseInsitu<rapidjson::kParseFullPrecisionFlag>(json);
  if (doc.HasParseError()) {
    status.add(source_name, 0, "",
               std::string("not valid JSON at byte ") + std::to_string(doc.GetErrorOffset()) +
                   ": " + rapidjson::GetParseError_En(doc.GetParseError()));
    return status;
  }
  if (!doc.IsObject() || !doc.HasMember("nodes") || !doc["nodes"].IsArray()) {
    status.add(source_name, 0, "", "not a node-link graph: no \"nodes\" array");
    return status;
  }
  std::size_t index = 0;
  for (const auto& n : doc["nodes"].GetArray()) {
    const std::string where = "nodes[" + std::to_string(index++) + "]";
    if (!n.IsObject()) {
      status.add(source_name, 0, where, "node is not an object");
      continue;
    }
    NodeData node;
    node.id = detail::string_member(n, "id");
    if (node.id.empty()) {
      status.add(source_name, 0, where, "node has no string \"id\"");
      continue;
    }
    auto type = node_type_from_string(detail::string_member(n, "type"));
    if (!type) type = node_type_from_id(node.id);
    if (!type) {
      status.add(source_name, 0, node.id, "node has no known \"type\"");
      continue;
    }
    node.type = *type;
    node.label = detail::string_member(n, "label");
    if (auto it = n.FindMember("labels"); it != n.MemberEnd() && it->value.IsObject()) {
      for (const auto& m : it->value.GetObject()) {
        // With their lengths: a language or label may hold a NUL byte.
        if (m.value.IsString()) {
          node.labels[std::string(m.name.GetString(), m.name.GetStringLength())] =
              std::string(m.value.GetString(), m.value.GetStringLength());
        }
      }
    }
    node.aliases = detail::string_array(n, "aliases");
    node.same_as = detail::string_array(n, "sameAs");
    if (auto it = n.FindMember("mentions"); it != n.MemberEnd() && it->value.IsUint64()) {
      node.mentions = it->value.GetUint64();
    }
    for (const auto& m : n.GetObject()) {
      std::string key(m.name.GetString(), m.name.GetStringLength());
      if (detail::is_reserved(key) || !m.value.IsString()) continue;
      node.properties[key] = std::string(m.value.GetString(), m.value.GetStringLength());
    }
    graph.upsert_node(std::move(node));
  }
  const char* links_key = doc.HasMember("links") ? "links" : "edges";
  if (!doc.HasMember(links_key)) return status;
  if (!doc[links_key].IsArray()) {
    status.add(source_name, 0, links_key, "not an array");
    return status;
  }
  index = 0;
  for (const auto& l : doc[links_key].GetArray()) {
    const std::string where = std::string(links_key) + "[" + std::to_string(index++) + "]";
    if (!l.IsObject()) {
      status.add(source_name, 0, where, "link is not an object");
      continue;
    }
    EdgeRecord edge;
    edge.source = detail::string_member(l, "source");
    edge.target = detail::string_member(l, "target");
    edge.predicate = detail::string_member(l, "predicate");
    if (edge.predicate.empty()) edge.predicate = detail::string_member(l, "key");
    if (edge.source.empty() || edge.target.empty() || edge.predicate.empty()) {
      status.add(source_name, 0, where, "link needs string source, target and predicate");
      continue;
    }
    edge.weight = 1;
    if (auto it = l.FindMember("weight"); it != l.MemberEnd() && it->value.IsUint64()) {
      edge.weight = it->value.GetUint64();
    }
    if (auto it = l.FindMember("evidence"); it != l.MemberEnd() && it->value.IsArray()) {
      for (const auto& e : it->value.GetArray()) {
        if (!e.IsObject()) continue;
        Evidence item;
        item.document = detail::string_member(e, "document");
        item.paragraph = detail::string_member(e, "paragraph");
        item.text = detail::string_member(e, "text");
        item.extractor = detail::string_member(e, "extractor");
        if (auto s = e.FindMember("start"); s != e.MemberEnd() && s->value.IsUint64())
          item.start = s->value.GetUint64();
        if (auto s = e.FindMember("end"); s != e.MemberEnd() && s->value.IsUint64())
          item.end = s->value.GetUint64();
        if (auto s = e.FindMember("confidence"); s != e.MemberEnd() && s->value.IsNumber())
          item.confidence = s->value.GetDouble();
        edge.evidence.push_back(std::move(item));
      }
    }
    // A record that was not added is left whole, so it can be named.
    if (!graph.upsert_edge(std::move(edge))) {
      status.add(
          source_name, 0, where,
          "link names a node that is not in \"nodes\": " + edge.source + " -> " + edge.target);
    }
  }
  return status;
}

}  // namespace detail

Status read_node_link(const std::string& json, const std::string& source_name,
                      KnowledgeGraph& graph) {
  std::string copy = json;
  return detail::read_node_link_in_place(copy.data(), copy.size(), source_name, graph);
}

Status load_node_link_file(const std::string& path, KnowledgeGraph& graph) {
  std::size_t size = 0;
  if (auto large = detail::read_large_file(path, size)) {
    return detail::read_node_link_in_place(large->data(), size, path, graph);
  }
  std::string contents, error;
  if (!read_whole_file(path, contents, error)) {
    Status status;
    status.add(path, 0, "",
               error.substr(error.find(": ") == std::string::npos ? 0 : error.find(": ") + 2));
    return status;
  }
  return detail::read_node_link_in_place(contents.data(), contents.size(), path, graph);
}

}  // namespace crimekg

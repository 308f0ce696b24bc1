// Internal to crimekg::query: the RapidJSON writer every --format json
// answer uses, and the shapes of nodes and evidence in it. Not a public
// header (RapidJSON is a private dependency of the library).
#ifndef CRIMEKG_QUERY_JSON_WRITER_H_
#define CRIMEKG_QUERY_JSON_WRITER_H_

#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/prettywriter.h>

#include <ostream>
#include <string_view>

#include "graph/knowledge_graph.h"

namespace crimekg::query::json {

// Two-space indent, UTF-8 written as is (Arabic stays readable), one
// trailing newline added by finish().
class Writer {
 public:
  explicit Writer(std::ostream& out) : out_(out), stream_(out), writer_(stream_) {
    writer_.SetIndent(' ', 2);
  }
  rapidjson::PrettyWriter<rapidjson::OStreamWrapper>& operator*() { return writer_; }
  rapidjson::PrettyWriter<rapidjson::OStreamWrapper>* operator->() { return &writer_; }
  void finish() {
    stream_.Flush();
    out_ << '\n';
  }

 private:
  std::ostream& out_;
  rapidjson::OStreamWrapper stream_;
  rapidjson::PrettyWriter<rapidjson::OStreamWrapper> writer_;
};

using RawWriter = rapidjson::PrettyWriter<rapidjson::OStreamWrapper>;

inline void string(RawWriter& w, std::string_view s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}
inline void key(RawWriter& w, std::string_view s) {
  w.Key(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}
inline void member(RawWriter& w, std::string_view k, std::string_view v) {
  key(w, k);
  string(w, v);
}

// {"id", "type", "label"}: label in the requested language.
void node_ref(RawWriter& w, const NodeData& node, std::string_view language);
// Every field of a node, as node-link JSON writes it.
void node_full(RawWriter& w, const NodeData& node);
void evidence(RawWriter& w, const Evidence& item);

}  // namespace crimekg::query::json

#endif  // CRIMEKG_QUERY_JSON_WRITER_H_

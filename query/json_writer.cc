#include "query/json_writer.h"

#include "query/common.h"

namespace crimekg::query::json {

void node_ref(RawWriter& w, const NodeData& node, std::string_view language) {
  w.StartObject();
  member(w, "id", node.id);
  member(w, "type", to_string(node.type));
  member(w, "label", display_label(node, language));
  w.EndObject();
}

void node_full(RawWriter& w, const NodeData& node) {
  w.StartObject();
  member(w, "id", node.id);
  member(w, "type", to_string(node.type));
  member(w, "label", node.label);
  key(w, "labels");
  w.StartObject();
  for (const auto& [language, text] : node.labels) member(w, language, text);
  w.EndObject();
  key(w, "aliases");
  w.StartArray();
  for (const auto& alias : node.aliases) string(w, alias);
  w.EndArray();
  key(w, "mentions");
  w.Uint64(node.mentions);
  key(w, "sameAs");
  w.StartArray();
  for (const auto& same : node.same_as) string(w, same);
  w.EndArray();
  key(w, "properties");
  w.StartObject();
  for (const auto& [name, value] : node.properties) member(w, name, value);
  w.EndObject();
  w.EndObject();
}

void evidence(RawWriter& w, const Evidence& item) {
  w.StartObject();
  member(w, "document", item.document);
  member(w, "paragraph", item.paragraph);
  key(w, "start");
  w.Uint64(item.start);
  key(w, "end");
  w.Uint64(item.end);
  member(w, "text", item.text);
  member(w, "extractor", item.extractor);
  key(w, "confidence");
  w.Double(item.confidence);
  w.EndObject();
}

}  // namespace crimekg::query::json

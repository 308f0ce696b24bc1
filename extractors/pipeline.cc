#include "extractors/pipeline.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <unordered_map>

#include "extractors/analysis.h"
#include "extractors/meeting_recognizer.h"
#include "extractors/reference_recognizer.h"
#include "extractors/relate.h"
#include "extractors/symbol_recognizer.h"

namespace crimekg {
namespace detail {
namespace {

// A title for the Document node: the first heading after the header's
// metadata lines ("Distr.: General", dates, languages, session and item lines).
std::string find_title(const DocumentAnalysis& a) {
  for (const auto& p : a.segments.paragraphs) {
    if (p.kind == BlockKind::kParagraph && !p.label.empty() &&
        std::isdigit(static_cast<unsigned char>(p.label[0])))
      break;
    if (p.kind != BlockKind::kHeading) continue;
    const std::string text(a.slice(p.span));
    if (text.size() < 25 || text.find("Distr") != std::string::npos ||
        text.find("Original") != std::string::npos)
      continue;
    bool letters = false;
    for (char c : text) letters |= (c & 0x80) || std::isalpha(static_cast<unsigned char>(c));
    if (!letters) continue;
    std::string title;
    for (char c : text) title += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    while (!title.empty() && (title[0] == '#' || title[0] == ' ')) title.erase(0, 1);
    return title;
  }
  return "";
}

NodeData node_from_entry(const LexiconEntry& entry) {
  NodeData node;
  node.id = entry.id;
  node.type = entry.type;
  node.label = entry.label;
  node.labels = entry.labels;
  node.labels.emplace("en", entry.label);
  for (const auto& alias : entry.aliases) insert_sorted_unique(node.aliases, alias);
  for (const auto& same : entry.same_as) insert_sorted_unique(node.same_as, same);
  return node;
}

}  // namespace
}  // namespace detail

std::string Pipeline::default_data_folder() {
  if (const char* env = std::getenv("CRIMEKG_DATA")) return env;
  return CRIMEKG_DEFAULT_DATA_DIR;
}

std::unique_ptr<Pipeline> Pipeline::create(const std::string& data_folder, Status& status) {
  auto recognizer = Recognizer::create(data_folder, status);
  if (!recognizer) return nullptr;
  std::unique_ptr<Pipeline> pipeline(new Pipeline());
  pipeline->recognizer_ = std::move(recognizer);
  pipeline->relations_ = std::make_unique<RelationExtractor>(*pipeline->recognizer_);
  return pipeline;
}

Pipeline::~Pipeline() = default;

GraphFragment Pipeline::extract(const Document& document, const ExtractOptions& options,
                                Workspace& workspace) const {
  DocumentAnalysis analysis;
  return extract(document, options, workspace, analysis);
}

GraphFragment Pipeline::extract(const Document& document, const ExtractOptions& options,
                                Workspace& workspace, DocumentAnalysis& a) const {
  a = DocumentAnalysis{};
  a.document = &document;
  a.language = options.language;
  a.segments = segment(document.text);
  a.id = "document:" + (a.segments.symbol.empty() ? document.file_name : a.segments.symbol);

  recognizer_->recognise(a, workspace.normaliser);
  ReferenceRecognizer(*recognizer_).recognise(a, workspace.sentences);
  MeetingRecognizer(*recognizer_).recognise(a, workspace.sentences);
  SymbolRecognizer().recognise(a);
  relations_->relate(a, workspace.sentences);

  GraphFragment fragment;
  NodeData doc;
  doc.id = a.id;
  doc.type = NodeType::kDocument;
  const std::string title = detail::find_title(a);
  doc.label =
      a.segments.symbol.empty() ? (title.empty() ? document.file_name : title) : a.segments.symbol;
  doc.properties["file"] = document.path;
  doc.properties["language"] = a.language;
  // Where scripts mix, every language the document's paragraphs are in,
  // the document's first ("en ar").
  {
    std::vector<std::string> languages{a.language};
    for (const auto& l : a.paragraph_languages)
      if (!l.empty() && std::find(languages.begin(), languages.end(), l) == languages.end())
        languages.push_back(l);
    if (languages.size() > 1) {
      std::string joined;
      for (const auto& l : languages) joined += (joined.empty() ? "" : " ") + l;
      doc.properties["languages"] = joined;
    }
  }
  if (!title.empty()) doc.properties["title"] = title;
  doc.labels[a.language] = title.empty() ? doc.label : title;
  if (!a.segments.symbol.empty()) doc.properties["symbol"] = a.segments.symbol;
  fragment.nodes.push_back(std::move(doc));

  const auto& lexicon = recognizer_->lexicon();
  std::unordered_map<std::string, std::size_t> where;  // id -> index in fragment.nodes
  where[a.id] = 0;
  auto ensure = [&](const std::string& id) -> NodeData* {
    if (auto it = where.find(id); it != where.end()) return &fragment.nodes[it->second];
    if (const LexiconEntry* entry = lexicon.find(id)) {
      fragment.nodes.push_back(detail::node_from_entry(*entry));
    } else if (auto extra = a.extra_nodes.find(id); extra != a.extra_nodes.end()) {
      NodeData node = extra->second;
      node.mentions = 0;
      fragment.nodes.push_back(std::move(node));
    } else {
      return nullptr;
    }
    where[id] = fragment.nodes.size() - 1;
    return &fragment.nodes.back();
  };
  for (const auto& m : a.mentions) {
    if (NodeData* node = ensure(m.id)) {
      node->mentions += 1;
      // Surface forms in the document's language become labels when the
      // lexicon has none for that language.
      const std::string& language = a.language_at(m.span.begin);
      if ((m.kind == MentionKind::kName || m.kind == MentionKind::kAlias) && !language.empty() &&
          language != "und" && !node->labels.count(language))
        node->labels[language] = std::string(a.slice(m.span));
    }
  }
  for (auto& edge : a.edges) {
    if (!ensure(edge.source) || !ensure(edge.target)) continue;
    fragment.edges.push_back(std::move(edge));
  }
  return fragment;
}

}  // namespace crimekg

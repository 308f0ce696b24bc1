#include "extractors/symbol_recognizer.h"

#include <algorithm>

namespace crimekg {
namespace detail {
namespace {

bool symbol_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' ||
         c == '.' || c == '-' || c == '(' || c == ')';
}

}  // namespace
}  // namespace detail

std::optional<std::uint32_t> symbol_end(std::string_view text, std::uint32_t begin) {
  std::uint32_t i = begin;
  while (i < text.size() && detail::symbol_char(text[i])) ++i;
  // Trailing punctuation belongs to the sentence; an unbalanced ")" to a parenthesis.
  for (;;) {
    if (i <= begin) return std::nullopt;
    const char last = text[i - 1];
    if (last == '.' || last == '-' || last == '/') {
      --i;
      continue;
    }
    if (last == ')') {
      const auto s = text.substr(begin, i - begin);
      if (std::count(s.begin(), s.end(), '(') < std::count(s.begin(), s.end(), ')')) {
        --i;
        continue;
      }
    }
    if (last == '(') {
      --i;
      continue;
    }
    break;
  }
  const auto s = text.substr(begin, i - begin);
  const auto slash = s.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 >= s.size()) return std::nullopt;
  if (s.find_first_of("0123456789") == std::string_view::npos) return std::nullopt;
  if (s.find("//") != std::string_view::npos) return std::nullopt;
  // The series must stand alone: not the tail of a word or of a URL.
  if (begin > 0) {
    const char before = text[begin - 1];
    // "(A/59/150)": an opening parenthesis before the series is punctuation.
    if ((before != '(' && detail::symbol_char(before)) || before == ':' || before == '@')
      return std::nullopt;
  }
  return i;
}

void SymbolRecognizer::recognise(DocumentAnalysis& a) const {
  const auto text = a.text();
  for (const auto& trigger : a.triggers) {
    if (trigger.kind != TriggerKind::kSymbolSeries) continue;
    auto end = symbol_end(text, trigger.span.begin);
    if (!end) continue;
    const Span span{trigger.span.begin, *end};
    const std::string symbol(a.slice(span));
    const std::string id = "document:" + symbol;
    if (id == a.id) continue;  // the document's own symbol in its header
    a.mentions.push_back({span, id, NodeType::kDocument, MentionKind::kSymbol,
                          static_cast<std::size_t>(-1), 0.95, a.segments.paragraph_at(span.begin)});
    auto& node = a.extra_nodes[id];
    if (node.id.empty()) {
      node.id = id;
      node.type = NodeType::kDocument;
      node.label = symbol;
      node.properties["symbol"] = symbol;
    }
    // A symbol is printed the same in every language: it is the node's label
    // in the language of each document that cites it.
    if (!a.language.empty() && a.language != "und") node.labels.emplace(a.language, symbol);
    node.mentions += 1;
  }
  std::sort(a.mentions.begin(), a.mentions.end(),
            [](const Mention& x, const Mention& y) { return x.span.begin < y.span.begin; });
}

}  // namespace crimekg

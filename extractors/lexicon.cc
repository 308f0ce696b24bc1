#include "extractors/lexicon.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <filesystem>
#include <functional>

#include "graph/atomic_file.h"

namespace crimekg {
namespace detail {
namespace {

bool read_string(const rapidjson::Value& v, const char* key, std::string& out) {
  auto it = v.FindMember(key);
  if (it == v.MemberEnd() || !it->value.IsString()) return false;
  out.assign(it->value.GetString(), it->value.GetStringLength());
  return true;
}

// Reads ["a", "b"]; reports a non-array or non-string item.
void read_list(const rapidjson::Value& v, const char* key, std::vector<std::string>& out,
               const std::function<void(std::string)>& problem) {
  auto it = v.FindMember(key);
  if (it == v.MemberEnd()) return;
  if (!it->value.IsArray()) {
    problem(std::string("\"") + key + "\" must be an array of strings");
    return;
  }
  for (const auto& item : it->value.GetArray()) {
    if (!item.IsString()) {
      problem(std::string("\"") + key + "\" holds a non-string item");
      continue;
    }
    out.emplace_back(item.GetString(), item.GetStringLength());
  }
}

// Reads {"en": ["a"], "ar": ["b"]}.
void read_names(const rapidjson::Value& v, const char* key, NamesByLanguage& out,
                const std::function<void(std::string)>& problem) {
  auto it = v.FindMember(key);
  if (it == v.MemberEnd()) return;
  if (!it->value.IsObject()) {
    problem(std::string("\"") + key + "\" must map language codes to arrays of names");
    return;
  }
  for (const auto& m : it->value.GetObject()) {
    std::string lang(m.name.GetString(), m.name.GetStringLength());
    if (!m.value.IsArray()) {
      problem(std::string("\"") + key + "\"." + lang + " must be an array of names");
      continue;
    }
    for (const auto& item : m.value.GetArray()) {
      if (item.IsString() && item.GetStringLength() > 0)
        out[lang].emplace_back(item.GetString(), item.GetStringLength());
      else
        problem(std::string("\"") + key + "\"." + lang + " holds an empty or non-string name");
    }
  }
}

}  // namespace
}  // namespace detail

std::size_t line_of_offset(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + offset, '\n'));
}

Status Lexicon::add(LexiconEntry entry) {
  Status status;
  if (index_.count(entry.id)) {
    const auto& first = entries_[index_[entry.id]];
    status.add(
        entry.file, entry.line, entry.id,
        "duplicate id (first defined in " + first.file + ":" + std::to_string(first.line) + ")");
    return status;
  }
  index_.emplace(entry.id, entries_.size());
  entries_.push_back(std::move(entry));
  return status;
}

Status Lexicon::load_file(const std::string& path) {
  Status status;
  std::string text, error;
  if (!read_whole_file(path, text, error)) {
    status.add(path, 0, "", "cannot read: " + error);
    return status;
  }
  rapidjson::Document doc;
  doc.Parse(text.data(), text.size());
  if (doc.HasParseError()) {
    status.add(path, line_of_offset(text, doc.GetErrorOffset()), "",
               std::string("invalid JSON: ") + rapidjson::GetParseError_En(doc.GetParseError()));
    return status;
  }
  std::string type_name;
  if (!doc.IsObject() || !detail::read_string(doc, "type", type_name)) {
    status.add(path, 1, "", "a lexicon is an object with \"type\" and \"entries\"");
    return status;
  }
  auto type = node_type_from_string(type_name);
  if (!type) {
    status.add(path, 1, "", "unknown type \"" + type_name + "\"");
    return status;
  }
  if (!doc.HasMember("entries") || !doc["entries"].IsArray()) {
    status.add(path, 1, "", "\"entries\" must be an array");
    return status;
  }
  std::size_t search_from = 0;
  std::size_t index = 0;
  for (const auto& v : doc["entries"].GetArray()) {
    LexiconEntry entry;
    entry.file = path;
    entry.type = *type;
    const std::string where = "entries[" + std::to_string(index++) + "]";
    if (!v.IsObject() || !detail::read_string(v, "id", entry.id) || entry.id.empty()) {
      status.add(path, 0, where, "entry needs a string \"id\"");
      continue;
    }
    // RapidJSON keeps no positions: find the id's text to name the line.
    const std::string needle = "\"" + entry.id + "\"";
    const auto at = text.find(needle, search_from);
    if (at != std::string::npos) {
      entry.line = line_of_offset(text, at);
      search_from = at + needle.size();
    }
    auto problem = [&](std::string message) {
      status.add(path, entry.line, entry.id, std::move(message));
    };
    if (node_type_from_id(entry.id) != entry.type) {
      problem("id prefix does not match the file's type " + type_name + " (expected \"" +
              std::string(id_prefix(entry.type)) + ":...\")");
      continue;
    }
    if (!detail::read_string(v, "label", entry.label) || entry.label.empty()) {
      problem("entry needs a non-empty \"label\" (the English canonical name)");
      continue;
    }
    if (auto it = v.FindMember("labels"); it != v.MemberEnd()) {
      if (!it->value.IsObject()) {
        problem("\"labels\" must map language codes to names");
      } else {
        for (const auto& m : it->value.GetObject()) {
          if (m.value.IsString() && m.value.GetStringLength() > 0)
            entry.labels[m.name.GetString()] = m.value.GetString();
          else
            problem(std::string("\"labels\".") + m.name.GetString() +
                    " must be a non-empty string");
        }
      }
    }
    detail::read_names(v, "names", entry.names, problem);
    detail::read_names(v, "short_forms", entry.short_forms, problem);
    detail::read_names(v, "default_short_forms", entry.default_short_forms, problem);
    detail::read_names(v, "guarded", entry.guarded, problem);
    detail::read_list(v, "aliases", entry.aliases, problem);
    detail::read_list(v, "sameAs", entry.same_as, problem);
    detail::read_list(v, "partOf", entry.part_of, problem);
    detail::read_list(v, "runBy", entry.run_by, problem);
    detail::read_list(v, "addresses", entry.addresses, problem);
    detail::read_list(v, "supports", entry.supports, problem);
    status.merge(add(std::move(entry)));
  }
  return status;
}

Status Lexicon::load_folder(const std::string& folder) {
  namespace fs = std::filesystem;
  Status status;
  std::error_code ec;
  std::vector<std::string> files;
  for (const auto& item : fs::directory_iterator(folder, ec)) {
    const auto name = item.path().filename().string();
    if (item.path().extension() == ".json" && name.find("_extra.json") == std::string::npos)
      files.push_back(item.path().string());
  }
  if (ec) {
    status.add(folder, 0, "", "cannot list lexicon folder: " + ec.message());
    return status;
  }
  if (files.empty()) status.add(folder, 0, "", "no lexicon files (*.json) found");
  std::sort(files.begin(), files.end());
  for (const auto& f : files) status.merge(load_file(f));
  return status;
}

Status Lexicon::check_references() const {
  Status status;
  auto check = [&](const LexiconEntry& e, const std::vector<std::string>& ids, const char* field,
                   std::initializer_list<NodeType> allowed) {
    for (const auto& id : ids) {
      const LexiconEntry* target = find(id);
      if (!target) {
        status.add(e.file, e.line, e.id, std::string("\"") + field + "\" names unknown id " + id);
      } else if (std::find(allowed.begin(), allowed.end(), target->type) == allowed.end()) {
        status.add(e.file, e.line, e.id,
                   std::string("\"") + field + "\" names " + id + " of the wrong type");
      }
    }
  };
  for (const auto& e : entries_) {
    check(e, e.part_of, "partOf", {NodeType::kBody, NodeType::kInstrument});
    check(e, e.run_by, "runBy", {NodeType::kBody});
    check(e, e.addresses, "addresses", {NodeType::kCrimeType});
    check(e, e.supports, "supports", {NodeType::kInstrument});
  }
  return status;
}

const LexiconEntry* Lexicon::find(std::string_view id) const {
  auto it = index_.find(std::string(id));
  return it == index_.end() ? nullptr : &entries_[it->second];
}

std::size_t Lexicon::index_of(std::string_view id) const {
  auto it = index_.find(std::string(id));
  return it == index_.end() ? npos : it->second;
}

}  // namespace crimekg

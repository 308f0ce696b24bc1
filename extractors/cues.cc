#include "extractors/cues.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <filesystem>

#include "extractors/lexicon.h"
#include "graph/atomic_file.h"

namespace crimekg {
namespace detail {
namespace {

std::vector<std::string> strings(const rapidjson::Value& v, const std::string& where,
                                 const std::string& file, Status& status) {
  std::vector<std::string> out;
  if (!v.IsArray()) {
    status.add(file, 0, where, "must be an array of strings");
    return out;
  }
  for (const auto& item : v.GetArray()) {
    if (item.IsString())
      out.emplace_back(item.GetString(), item.GetStringLength());
    else
      status.add(file, 0, where, "holds a non-string item");
  }
  return out;
}

std::map<std::string, std::vector<std::string>> string_lists(const rapidjson::Value& v,
                                                             const std::string& where,
                                                             const std::string& file,
                                                             Status& status) {
  std::map<std::string, std::vector<std::string>> out;
  if (!v.IsObject()) {
    status.add(file, 0, where, "must map names to arrays of strings");
    return out;
  }
  for (const auto& m : v.GetObject()) {
    const std::string key = m.name.GetString();
    if (key.rfind("//", 0) == 0) continue;  // comments
    out[key] = strings(m.value, where + "." + key, file, status);
  }
  return out;
}

}  // namespace
}  // namespace detail

Status Cues::load_folder(const std::string& folder) {
  namespace fs = std::filesystem;
  Status status;
  std::error_code ec;
  std::vector<std::string> files;
  for (const auto& item : fs::directory_iterator(folder, ec))
    if (item.path().extension() == ".json") files.push_back(item.path().string());
  if (ec) {
    status.add(folder, 0, "", "cannot list cue folder: " + ec.message());
    return status;
  }
  std::sort(files.begin(), files.end());
  bool have_common = false;
  for (const auto& path : files) {
    std::string text, error;
    if (!read_whole_file(path, text, error)) {
      status.add(path, 0, "", error);
      continue;
    }
    rapidjson::Document doc;
    doc.Parse(text.data(), text.size());
    if (doc.HasParseError() || !doc.IsObject()) {
      status.add(path, line_of_offset(text, doc.GetErrorOffset()), "",
                 doc.HasParseError() ? std::string("invalid JSON: ") +
                                           rapidjson::GetParseError_En(doc.GetParseError())
                                     : "a cue file is a JSON object");
      continue;
    }
    if (fs::path(path).filename() == "common.json") {
      have_common = true;
      if (doc.HasMember("issuers") && doc["issuers"].IsArray()) {
        for (const auto& v : doc["issuers"].GetArray()) {
          ResolutionIssuer issuer;
          if (!v.IsObject() || !v.HasMember("code") || !v["code"].IsString() ||
              !v.HasMember("body") || !v["body"].IsString()) {
            status.add(path, 0, "issuers", "each issuer needs string \"code\" and \"body\"");
            continue;
          }
          issuer.code = v["code"].GetString();
          issuer.body_id = v["body"].GetString();
          if (v.HasMember("label") && v["label"].IsString()) issuer.label = v["label"].GetString();
          if (v.HasMember("max_session") && v["max_session"].IsInt())
            issuer.max_session = v["max_session"].GetInt();
          issuer.numbering = v.HasMember("numbering") && v["numbering"].IsString()
                                 ? v["numbering"].GetString()
                                 : "session";
          if (issuer.numbering != "session" && issuer.numbering != "year" &&
              issuer.numbering != "single")
            status.add(path, 0, issuer.code, "numbering must be session, year or single");
          issuers.push_back(std::move(issuer));
        }
      } else {
        status.add(path, 0, "issuers", "common.json needs an \"issuers\" array");
      }
      if (doc.HasMember("symbol_series"))
        symbol_series = detail::strings(doc["symbol_series"], "symbol_series", path, status);
      if (doc.HasMember("session_holder_heads"))
        session_holder_heads =
            detail::strings(doc["session_holder_heads"], "session_holder_heads", path, status);
      continue;
    }
    LanguageCues cues;
    if (!doc.HasMember("language") || !doc["language"].IsString()) {
      status.add(path, 1, "", "needs a string \"language\"");
      continue;
    }
    cues.language = doc["language"].GetString();
    if (doc.HasMember("frequent_words"))
      cues.frequent_words = detail::strings(doc["frequent_words"], "frequent_words", path, status);
    if (doc.HasMember("triggers"))
      cues.triggers = detail::string_lists(doc["triggers"], "triggers", path, status);
    if (doc.HasMember("list_words"))
      cues.list_words = detail::strings(doc["list_words"], "list_words", path, status);
    if (doc.HasMember("number_trailers"))
      cues.number_trailers =
          detail::strings(doc["number_trailers"], "number_trailers", path, status);
    for (const auto& pattern : cues.number_trailers) {
      UErrorCode error = U_ZERO_ERROR;
      UParseError where;
      std::shared_ptr<const icu::RegexPattern> compiled(
          icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(pattern), where, error));
      if (U_FAILURE(error) || !compiled) {
        status.add(path, line_of_offset(text, text.find(pattern.substr(0, 8))), "number_trailers",
                   "invalid regular expression \"" + pattern + "\": " + u_errorName(error));
        continue;
      }
      cues.compiled_trailers.push_back(std::move(compiled));
    }
    if (doc.HasMember("issuer_links"))
      cues.issuer_links = detail::strings(doc["issuer_links"], "issuer_links", path, status);
    if (doc.HasMember("number_first") && doc["number_first"].IsBool())
      cues.number_first = doc["number_first"].GetBool();
    if (doc.HasMember("article_contractions"))
      cues.article_contractions =
          detail::string_lists(doc["article_contractions"], "article_contractions", path, status);
    if (doc.HasMember("relation_cues"))
      cues.relation_cues =
          detail::string_lists(doc["relation_cues"], "relation_cues", path, status);
    if (doc.HasMember("meetings"))
      cues.meetings = detail::string_lists(doc["meetings"], "meetings", path, status);
    if (doc.HasMember("ordinals")) {
      if (!doc["ordinals"].IsObject()) {
        status.add(path, 0, "ordinals", "must map phrases to numbers");
      } else {
        for (const auto& m : doc["ordinals"].GetObject()) {
          if (m.value.IsInt())
            cues.ordinals[m.name.GetString()] = m.value.GetInt();
          else
            status.add(path, 0, std::string("ordinals.") + m.name.GetString(), "must be a number");
        }
      }
    }
    languages.push_back(std::move(cues));
  }
  if (!have_common) status.add(folder, 0, "common.json", "missing");
  return status;
}

const LanguageCues* Cues::language(const std::string& code) const {
  for (const auto& l : languages)
    if (l.language == code) return &l;
  return nullptr;
}

const ResolutionIssuer* Cues::issuer_by_body(const std::string& body_id) const {
  for (const auto& i : issuers)
    if (i.body_id == body_id) return &i;
  return nullptr;
}

const ResolutionIssuer* Cues::issuer_by_code(const std::string& code) const {
  for (const auto& i : issuers)
    if (i.code == code) return &i;
  return nullptr;
}

bool Cues::holds_sessions(const std::string& body_id, std::string_view english_label) const {
  if (issuer_by_body(body_id)) return true;
  // Whole words of the label: "Group" in "Working Group", not in "Groupings".
  std::size_t at = 0;
  while (at < english_label.size()) {
    std::size_t end = english_label.find_first_of(" -,", at);
    if (end == std::string_view::npos) end = english_label.size();
    const std::string_view word = english_label.substr(at, end - at);
    for (const auto& head : session_holder_heads)
      if (word == head) return true;
    at = end + 1;
  }
  return false;
}

}  // namespace crimekg

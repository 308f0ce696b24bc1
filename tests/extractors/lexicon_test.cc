#include "extractors/lexicon.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "extractors/cues.h"
#include "extractors/normalise.h"
#include "extractors/pipeline.h"
#include "extractors/slug.h"

using namespace crimekg;

TEST_CASE("a broken lexicon reports every problem with file, line and entry") {
  const auto path = std::filesystem::temp_directory_path() / "crimekg_bad_lexicon.json";
  std::ofstream(path) << R"({
  "type": "Body",
  "entries": [
    {"id": "body:one", "label": "One"},
    {"id": "state:two", "label": "Two"},
    {"id": "body:three"},
    {"id": "body:one", "label": "Again"},
    {"id": "body:four", "label": "Four", "names": {"en": "not a list"}}
  ]
})";
  Lexicon lexicon;
  const Status status = lexicon.load_file(path.string());
  REQUIRE(status.problems().size() == 4);
  CHECK(status.problems()[0].entry == "state:two");
  CHECK(status.problems()[0].line == 5);
  CHECK(status.problems()[1].entry == "body:three");
  CHECK(status.problems()[2].message.find("duplicate id") != std::string::npos);
  CHECK(status.problems()[3].entry == "body:four");
  CHECK(status.to_string().find(path.string() + ":5: state:two:") != std::string::npos);
  std::filesystem::remove(path);
}

TEST_CASE("invalid JSON names the line") {
  const auto path = std::filesystem::temp_directory_path() / "crimekg_broken.json";
  std::ofstream(path) << "{\n  \"type\": \"Body\",\n  \"entries\": [ {\"id\": }\n]}";
  Lexicon lexicon;
  const Status status = lexicon.load_file(path.string());
  REQUIRE(status.problems().size() == 1);
  CHECK(status.problems()[0].line == 3);
  std::filesystem::remove(path);
}

TEST_CASE("the shipped data folder loads without a problem and every id follows the ontology") {
  Status status;
  auto pipeline = Pipeline::create(std::string(CRIMEKG_SOURCE_DIR) + "/data", status);
  INFO(status.to_string());
  REQUIRE(pipeline);
  REQUIRE(status.ok());
  for (const auto& e : pipeline->recognizer().lexicon().entries()) {
    const auto key = e.id.substr(e.id.find(':') + 1);
    INFO(e.id);
    if (e.type == NodeType::kState) {
      CHECK(key.size() == 3);
    } else {
      // Slugs: lower-case a-z0-9 and single dashes; a numbered meeting adds "/N".
      const auto slash = key.rfind('/');
      const bool numbered = e.type == NodeType::kMeeting && slash != std::string::npos;
      const auto slug = numbered ? key.substr(0, slash) : key;
      CHECK(slugify(slug) == slug);
      if (numbered) CHECK(key.find_first_not_of("0123456789", slash + 1) == std::string::npos);
    }
  }
}

TEST_CASE("slug rule") {
  CHECK(slugify("The United Nations Office on Drugs and Crime") ==
        "united-nations-office-on-drugs-and-crime");
  CHECK(slugify("  GLO.ACT -- Global Action ") == "glo-act-global-action");
  CHECK(slugify("Ｆｕｌｌ width") == "full-width");
}

namespace {

// Every full form (label, labels, names, aliases; guarded forms excluded)
// of the shipped lexicon, folded as the matcher folds it, with the entries
// that carry it.
std::map<std::string, std::set<std::string>> full_forms_by_key() {
  Status status;
  auto pipeline = Pipeline::create(std::string(CRIMEKG_SOURCE_DIR) + "/data", status);
  REQUIRE(pipeline);
  Normaliser normaliser;
  std::map<std::string, std::set<std::string>> owners;
  for (const auto& e : pipeline->recognizer().lexicon().entries()) {
    std::set<std::string> guarded;
    for (const auto& [lang, list] : e.guarded)
      for (const auto& text : list) guarded.insert(fold_name(text));
    auto add = [&](const std::string& text) {
      std::string key;
      for (const auto& k : normaliser.keys_of(text)) key += (key.empty() ? "" : " ") + k;
      if (!guarded.count(fold_name(text))) owners[key].insert(e.id);
    };
    add(e.label);
    for (const auto& [lang, text] : e.labels) add(text);
    for (const auto& [lang, list] : e.names)
      for (const auto& text : list) add(text);
    for (const auto& text : e.aliases) add(text);
  }
  return owners;
}

}  // namespace

TEST_CASE("the shipped lexicon: no full name folds to another entry's full name",
          "[lexicon][collisions]") {
  // Known: Russian stemming folds Нигерия and Нигер to one key (the
  // "ru-stemming" pending reason of parallel_sentences.json).
  const std::set<std::string> known = {"нигер"};
  for (const auto& [key, ids] : full_forms_by_key()) {
    if (ids.size() < 2 || known.count(key)) continue;
    std::string list;
    for (const auto& id : ids) list += " " + id;
    INFO("\"" << key << "\":" << list);
    CHECK(ids.size() == 1);
  }
}

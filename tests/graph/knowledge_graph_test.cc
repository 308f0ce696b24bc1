#include "graph/knowledge_graph.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "graph/node_link.h"

using namespace crimekg;

namespace {

GraphFragment fragment(const std::string& doc, const std::string& label_lang,
                       const std::string& label) {
  GraphFragment f;
  NodeData d;
  d.id = "document:" + doc;
  d.type = NodeType::kDocument;
  d.properties["file"] = doc;
  f.nodes.push_back(d);
  NodeData unodc;
  unodc.id = "body:united-nations-office-on-drugs-and-crime";
  unodc.type = NodeType::kBody;
  unodc.label = "United Nations Office on Drugs and Crime";
  unodc.labels[label_lang] = label;
  unodc.aliases = {"UNODC"};
  unodc.mentions = 2;
  f.nodes.push_back(unodc);
  NodeData terrorism;
  terrorism.id = "crime:terrorism";
  terrorism.type = NodeType::kCrimeType;
  terrorism.label = "terrorism";
  terrorism.mentions = 1;
  f.nodes.push_back(terrorism);
  EdgeRecord e;
  e.source = unodc.id;
  e.target = terrorism.id;
  e.predicate = "addresses";
  e.evidence.push_back({d.id, "4", 10, 20, "some text", "test", 0.9});
  f.edges.push_back(e);
  return f;
}

}  // namespace

TEST_CASE("two documents naming one entity merge into one node; edges add up") {
  KnowledgeGraph g;
  g.merge(fragment("a.txt", "en", "United Nations Office on Drugs and Crime"));
  g.merge(fragment("b.txt", "ar", "مكتب الأمم المتحدة المعني بالمخدرات والجريمة"));
  CHECK(g.node_count() == 4);  // two documents, UNODC, terrorism
  const auto v = g.find("body:united-nations-office-on-drugs-and-crime");
  REQUIRE(v);
  const NodeData& n = g.node(*v);
  CHECK(n.mentions == 4);
  CHECK(n.labels.size() == 2);
  CHECK(n.labels.at("ar") == "مكتب الأمم المتحدة المعني بالمخدرات والجريمة");
  CHECK(n.aliases == std::vector<std::string>{"UNODC"});
  const auto e =
      g.find_edge("body:united-nations-office-on-drugs-and-crime", "addresses", "crime:terrorism");
  REQUIRE(e);
  CHECK(g.edge(*e).weight == 2);
  CHECK(g.edge(*e).evidence.size() == 2);
  CHECK(g.edge_count() == 1);
}

TEST_CASE("an edge to an unknown node is refused") {
  KnowledgeGraph g;
  CHECK(!g.upsert_edge({"state:qat", "meeting:x", "participatedIn", 1, {}}));
}

TEST_CASE("node-link JSON round-trips losslessly and deterministically") {
  KnowledgeGraph g;
  g.merge(fragment("b.txt", "ar", "مكتب \"الأمم\" \\ المتحدة\n"));
  g.merge(fragment("a.txt", "en", "United Nations Office on Drugs and Crime"));
  std::ostringstream first;
  write_node_link(g, first);
  KnowledgeGraph back;
  const Status status = read_node_link(first.str(), "mem", back);
  REQUIRE(status.ok());
  std::ostringstream second;
  write_node_link(back, second);
  CHECK(first.str() == second.str());
  CHECK(back.node_count() == g.node_count());
}

TEST_CASE("node-link JSON keeps NUL bytes in labels and every bit of a confidence") {
  KnowledgeGraph g;
  g.merge(fragment("a.txt", std::string("x\0y", 3), std::string("label\0tail", 10)));
  auto e =
      g.find_edge("body:united-nations-office-on-drugs-and-crime", "addresses", "crime:terrorism");
  REQUIRE(e);
  // Seventeen significant digits: only a correctly rounded reading gets it back.
  g.mutable_graph()[*e].evidence[0].confidence = 0.1 + 0.2;
  std::ostringstream text;
  write_node_link(g, text);
  KnowledgeGraph back;
  REQUIRE(read_node_link(text.str(), "mem", back).ok());
  const NodeData& unodc = back.node(*back.find("body:united-nations-office-on-drugs-and-crime"));
  CHECK(unodc.labels.at(std::string("x\0y", 3)) == std::string("label\0tail", 10));
  auto back_edge = back.find_edge("body:united-nations-office-on-drugs-and-crime", "addresses",
                                  "crime:terrorism");
  REQUIRE(back_edge);
  CHECK(back.edge(*back_edge).evidence[0].confidence == 0.1 + 0.2);
}

TEST_CASE("malformed node-link input reports every problem") {
  KnowledgeGraph g;
  const Status status = read_node_link(
      R"({"nodes":[{"id":"state:qat","type":"State"},{"type":"Body"},{"id":"x:y"}],
          "links":[{"source":"state:qat","target":"nowhere","predicate":"p"},{"source":1}]})",
      "bad.json", g);
  CHECK(status.problems().size() == 4);
  CHECK(g.node_count() == 1);
  KnowledgeGraph h;
  CHECK(!read_node_link("{not json", "broken.json", h).ok());
}

TEST_CASE("a large node-link file (read into huge pages) loads like a small one") {
  // Past the size from which files are read into huge pages: many edges
  // with long evidence, escapes and Arabic in the strings.
  KnowledgeGraph g;
  g.merge(fragment("b.txt", "ar", "مكتب \"الأمم\" \\ المتحدة\n"));
  const std::string sentence(400, 'x');
  for (int i = 0; i < 40000; ++i) {
    NodeData n;
    n.id = "state:s" + std::to_string(i);
    n.type = NodeType::kState;
    n.label = "State \"" + std::to_string(i) + "\" دولة";
    g.upsert_node(n);
    EdgeRecord e{n.id, "body:united-nations-office-on-drugs-and-crime", "mentionedWith", 1, {}};
    e.evidence.push_back({"document:b.txt", std::to_string(i), 0, 1, sentence + "\t", "test", 0.5});
    g.upsert_edge(e);
  }
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("crimekg_large_graph_" + std::to_string(::getpid()) + ".json"))
                               .string();
  std::string text;
  {
    std::ostringstream out;
    write_node_link(g, out);
    text = out.str();
    std::ofstream file(path, std::ios::binary);
    file << text;
  }
  REQUIRE(text.size() > (32u << 20));
  KnowledgeGraph back;
  REQUIRE(load_node_link_file(path, back).ok());
  std::ostringstream again;
  write_node_link(back, again);
  CHECK(again.str() == text);

  // Cut short, it is not JSON: one clear problem naming the file.
  std::filesystem::resize_file(path, text.size() - 100);
  KnowledgeGraph cut;
  const Status status = load_node_link_file(path, cut);
  REQUIRE(status.problems().size() == 1);
  CHECK(status.to_string().find(path) != std::string::npos);
  CHECK(status.to_string().find("not valid JSON") != std::string::npos);
  std::filesystem::remove(path);
}

// Extraction throughput: MB/s of text through the whole pipeline (one
// thread, then every core), and edges/s merged into the corpus graph.
// Usage: crimekg_bench FOLDER_OR_FILES... [--mb N]   (default: 50 MB of text,
// made by repeating the inputs; each repetition is a separate document)
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "extractors/document.h"
#include "extractors/pipeline.h"
#include "graph/knowledge_graph.h"

using namespace crimekg;
using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
  std::vector<std::string> inputs;
  double target_mb = 50;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--mb" && i + 1 < argc)
      target_mb = std::stod(argv[++i]);
    else
      inputs.push_back(a);
  }
  if (inputs.empty()) {
    std::cerr << "usage: crimekg_bench FOLDER_OR_FILES... [--mb N]\n";
    return 1;
  }
  Status status;
  auto pipeline = Pipeline::create(Pipeline::default_data_folder(), status);
  if (!pipeline) {
    std::cerr << status.to_string();
    return 4;
  }
  std::vector<DocumentProblem> problems;
  std::vector<Document> originals;
  for (const auto& path : expand_inputs(inputs, problems)) {
    Document d;
    if (load_document(path, d, problems)) originals.push_back(std::move(d));
  }
  if (originals.empty()) {
    std::cerr << "no documents\n";
    return 2;
  }
  std::vector<const Document*> corpus;
  std::size_t bytes = 0;
  while (bytes < target_mb * 1e6) {
    for (const auto& d : originals) {
      corpus.push_back(&d);
      bytes += d.text.size();
    }
  }
  const double mb = bytes / 1e6;

  // CPU seconds of the calling thread: on a loaded machine the wall clock
  // measures the neighbours too; the one-thread run reports both.
  auto thread_cpu = [] {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
  };
  double cpu_one = 0;
  auto run = [&](unsigned threads, std::vector<GraphFragment>& out) {
    out.assign(corpus.size(), {});
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
      Workspace workspace;
      for (std::size_t i = next++; i < corpus.size(); i = next++)
        out[i] = pipeline->extract(*corpus[i], {}, workspace);
    };
    const auto start = Clock::now();
    const double cpu_start = thread_cpu();
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
    worker();
    if (threads == 1) cpu_one = thread_cpu() - cpu_start;
    for (auto& t : pool) t.join();
    return std::chrono::duration<double>(Clock::now() - start).count();
  };
  std::vector<GraphFragment> fragments;
  // The first pass also grows the heap (page faults for every fragment
  // kept); the second reuses it, as a long-running build does.
  const double cold = run(1, fragments);
  const double cpu_cold = cpu_one;
  const double one = run(1, fragments);
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const double all = run(cores, fragments);
  std::size_t edges = 0;
  for (const auto& f : fragments) edges += f.edges.size();
  KnowledgeGraph graph;
  const auto start = Clock::now();
  for (const auto& f : fragments) graph.merge(f);
  const double merge = std::chrono::duration<double>(Clock::now() - start).count();
  std::printf("corpus: %zu documents, %.1f MB\n", corpus.size(), mb);
  std::printf("extract, 1 thread, cold heap: %8.2f MB/s (%.2f MB per CPU second)\n", mb / cold,
              mb / cpu_cold);
  std::printf("extract, 1 thread:   %8.2f MB/s (%.2f MB per CPU second)\n", mb / one, mb / cpu_one);
  std::printf("extract, %u threads: %8.2f MB/s\n", cores, mb / all);
  std::printf("merge:               %8.0f edges/s (%zu edge records -> %zu edges)\n", edges / merge,
              edges, graph.edge_count());
  return 0;
}

// `matrix`: how often nodes of some types (rows: Body) are joined to nodes
// of others (columns: CrimeType) by some predicates (addresses): "which
// bodies address which crimes, and on how much evidence".
#ifndef CRIMEKG_QUERY_MATRIX_H_
#define CRIMEKG_QUERY_MATRIX_H_

#include <cstdint>
#include <optional>
#include <ostream>
#include <string_view>
#include <vector>

#include "graph/knowledge_graph.h"
#include "query/common.h"

namespace crimekg::query {

// What a cell counts.
enum class MatrixMeasure {
  kEvidence,   // pieces of evidence: the sum of edge weights (default)
  kEdges,      // edges, one per predicate: 0 or 1 per predicate and cell
  kDocuments,  // distinct documents the evidence comes from
};
std::optional<MatrixMeasure> matrix_measure_from_name(std::string_view name);
std::string_view to_string(MatrixMeasure measure);

struct MatrixOptions {
  std::vector<NodeType> row_types = {NodeType::kBody};
  std::vector<NodeType> column_types = {NodeType::kCrimeType};
  PredicateSet predicates = PredicateSet::of({"addresses"});
  // Out: edges from a row node to a column node. In: from column to row.
  // Both: either (the default, so `--rows CrimeType --cols Body` is simply
  // the transposed table).
  Direction direction = Direction::kBoth;
  MatrixMeasure measure = MatrixMeasure::kEvidence;
  std::size_t max_rows = 0;     // 0: all
  std::size_t max_columns = 0;  // 0: all
};

struct Matrix {
  // Rows and columns with a non-zero total, largest total first, ties by
  // label then id. Totals are over all columns (rows), also those cut by
  // max_columns (max_rows).
  std::vector<KnowledgeGraph::Vertex> rows;
  std::vector<KnowledgeGraph::Vertex> columns;
  std::vector<std::uint64_t> row_totals;
  std::vector<std::uint64_t> column_totals;
  std::vector<std::vector<std::uint64_t>> cells;  // [row][column]
  std::uint64_t total = 0;
  std::size_t all_rows = 0;  // before max_rows
  std::size_t all_columns = 0;

  // The cell of the nodes with these ids, 0 if either is not in the table.
  std::uint64_t at(const KnowledgeGraph& graph, std::string_view row_id,
                   std::string_view column_id) const;
};

Matrix build_matrix(const KnowledgeGraph& graph, const MatrixOptions& options,
                    std::string_view language = "en");

void render_matrix(const KnowledgeGraph& graph, const Matrix& matrix, const MatrixOptions& options,
                   const RenderOptions& render, std::ostream& out);

}  // namespace crimekg::query

#endif  // CRIMEKG_QUERY_MATRIX_H_

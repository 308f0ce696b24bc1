// An RFC 4180 reader for the tests: quoted fields with doubled quotes and
// line breaks, as Neo4j and Kuzu read crimekg's CSV files. A field that was
// quoted is reported apart from an empty unquoted one.
#ifndef CRIMEKG_TESTS_EXPORTERS_CSV_READER_H_
#define CRIMEKG_TESTS_EXPORTERS_CSV_READER_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace crimekg::testing {

// std::nullopt: an empty unquoted field (no value).
using CsvRow = std::vector<std::optional<std::string>>;

inline std::vector<CsvRow> read_csv(const std::string& text) {
  std::vector<CsvRow> rows;
  CsvRow row;
  std::size_t i = 0;
  while (i < text.size()) {
    std::optional<std::string> field;
    if (text[i] == '"') {
      std::string value;
      ++i;
      while (i < text.size()) {
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            value += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        value += text[i++];
      }
      field = value;
    } else {
      std::string value;
      while (i < text.size() && text[i] != ',' && text[i] != '\n') value += text[i++];
      if (!value.empty()) field = value;
    }
    row.push_back(field);
    if (i < text.size() && text[i] == ',') {
      ++i;
    } else {
      rows.push_back(row);
      row.clear();
      ++i;  // the newline
    }
  }
  return rows;
}

// Rows as maps from header name to field.
inline std::vector<std::map<std::string, std::optional<std::string>>> read_csv_records(
    const std::string& text) {
  const auto rows = read_csv(text);
  std::vector<std::map<std::string, std::optional<std::string>>> out;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    std::map<std::string, std::optional<std::string>> record;
    for (std::size_t c = 0; c < rows[0].size() && c < rows[r].size(); ++c)
      record[*rows[0][c]] = rows[r][c];
    out.push_back(record);
  }
  return out;
}

}  // namespace crimekg::testing

#endif  // CRIMEKG_TESTS_EXPORTERS_CSV_READER_H_

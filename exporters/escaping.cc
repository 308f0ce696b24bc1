#include "exporters/escaping.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdint>

namespace crimekg::detail {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// Decodes the code point at text[i] and advances i past it. An ill-formed
// sequence (bad lead or continuation byte, overlong form, surrogate, above
// U+10FFFF, truncated) yields U+FFFD and advances one byte.
char32_t next_code_point(std::string_view text, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) {
    ++i;
    return lead;
  }
  std::size_t length;
  char32_t c;
  char32_t minimum;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, c = lead & 0x1F, minimum = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, c = lead & 0x0F, minimum = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, c = lead & 0x07, minimum = 0x10000;
  } else {
    ++i;
    return kReplacement;
  }
  if (i + length > text.size()) {
    ++i;
    return kReplacement;
  }
  for (std::size_t k = 1; k < length; ++k) {
    const unsigned char next = byte(i + k);
    if ((next & 0xC0) != 0x80) {
      ++i;
      return kReplacement;
    }
    c = (c << 6) | (next & 0x3F);
  }
  if (c < minimum || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
    ++i;
    return kReplacement;
  }
  i += length;
  return c;
}

// The character XML 1.0 can carry in place of `c`.
char32_t xml_char(char32_t c) {
  if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return 0x2400 + c;
  if (c == 0xFFFE || c == 0xFFFF) return kReplacement;
  return c;
}

std::string map_code_points(std::string_view text, char32_t (*map)(char32_t)) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    const char32_t c = next_code_point(text, i);
    const char32_t mapped = map ? map(c) : c;
    if (mapped == c && c != kReplacement) {
      out.append(text.substr(start, i - start));
    } else {
      append_utf8(out, mapped);
    }
  }
  return out;
}

std::string join_elements(const std::vector<std::string>& elements, bool mark) {
  std::string out;
  for (std::size_t i = 0; i < elements.size(); ++i) {
    if (i > 0) out += kArraySeparator;
    if (mark) out += kKuzuElementMark;
    for (char c : elements[i]) {
      if (c == kArraySeparator) {
        out += "\u241F";
      } else {
        out += c;
      }
    }
  }
  return out;
}

}  // namespace

std::string valid_utf8(std::string_view text) { return map_code_points(text, nullptr); }

std::string xml_safe(std::string_view text) { return map_code_points(text, xml_char); }

std::string xml_escape(std::string_view text) {
  const std::string safe = xml_safe(text);
  std::string out;
  out.reserve(safe.size() + safe.size() / 8);
  for (char c : safe) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      case '\t':
        out += "&#9;";
        break;
      case '\n':
        out += "&#10;";
        break;
      case '\r':
        out += "&#13;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string csv_field(std::string_view text) {
  const std::string valid = valid_utf8(text);
  std::string out = "\"";
  for (char c : valid) {
    if (c == '"') {
      out += "\"\"";
    } else if (c == '\0') {
      out += "\u2400";
    } else {
      out += c;
    }
  }
  out += '"';
  return out;
}

std::string csv_optional_field(const std::map<std::string, std::string>& values,
                               const std::string& key) {
  auto found = values.find(key);
  return found == values.end() ? std::string() : csv_field(found->second);
}

void append_csv_row(std::string& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    out += fields[i];
  }
  out += '\n';
}

std::string neo4j_array(const std::vector<std::string>& elements) {
  return join_elements(elements, false);
}

std::string kuzu_list(const std::vector<std::string>& elements) {
  return join_elements(elements, true);
}

std::string percent_encode(std::string_view text, bool keep_slash) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                       std::string_view("-._~!$&'()*+,;=:@").find(static_cast<char>(c)) !=
                           std::string_view::npos ||
                       (keep_slash && c == '/');
    if (plain) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0x0F];
    }
  }
  return out;
}

std::string identifier(std::string_view text) {
  std::string out;
  for (char c : text) {
    const bool ok =
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    out += ok ? c : '_';
  }
  if (out.empty() || (out[0] >= '0' && out[0] <= '9')) out.insert(out.begin(), '_');
  return out;
}

bool is_language_tag(std::string_view tag) {
  // language ["-" subtag]*: 2-8 letters first, then 1-8 letters or digits.
  std::size_t start = 0;
  bool first = true;
  while (true) {
    std::size_t end = tag.find('-', start);
    if (end == std::string_view::npos) end = tag.size();
    const std::string_view part = tag.substr(start, end - start);
    if (part.empty() || part.size() > 8) return false;
    for (char c : part) {
      const bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
      const bool digit = c >= '0' && c <= '9';
      if (!(letter || (digit && !first))) return false;
    }
    if (first && part.size() < 2) return false;
    first = false;
    if (end == tag.size()) return true;
    start = end + 1;
  }
}

std::string json_string_array(const std::vector<std::string>& elements) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.StartArray();
  for (const auto& element : elements) {
    const std::string valid = valid_utf8(element);
    writer.String(valid.data(), static_cast<rapidjson::SizeType>(valid.size()));
  }
  writer.EndArray();
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::string gephi_list(const std::vector<std::string>& elements) {
  std::string out = "[";
  for (std::size_t i = 0; i < elements.size(); ++i) {
    if (i > 0) out += ", ";
    out += '"';
    for (char c : elements[i]) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  out += ']';
  return out;
}

}  // namespace crimekg::detail

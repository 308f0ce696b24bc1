#include "extractors/slug.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

namespace crimekg {

std::string slugify(std::string_view text) {
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(error);
  std::string normalised;
  if (U_SUCCESS(error)) {
    icu::StringByteSink<std::string> sink(&normalised);
    nfkc->normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), sink,
                        nullptr, error);
  }
  if (U_FAILURE(error)) normalised.assign(text);
  std::string lower;
  lower.reserve(normalised.size());
  for (char c : normalised) lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  std::string_view rest(lower);
  if (rest.substr(0, 4) == "the ") rest.remove_prefix(4);
  std::string out;
  bool dash = false;
  for (char c : rest) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (dash && !out.empty()) out += '-';
      dash = false;
      out += c;
    } else {
      dash = true;
    }
  }
  return out;
}

}  // namespace crimekg

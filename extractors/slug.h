// The ontology's slug rule: NFKC, lower case, drop a leading "the ", every
// run of characters other than a-z0-9 becomes one "-", trim "-".
#ifndef CRIMEKG_EXTRACTORS_SLUG_H_
#define CRIMEKG_EXTRACTORS_SLUG_H_

#include <string>
#include <string_view>

namespace crimekg {

std::string slugify(std::string_view text);

}  // namespace crimekg

#endif  // CRIMEKG_EXTRACTORS_SLUG_H_

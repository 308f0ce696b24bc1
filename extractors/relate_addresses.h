// `addresses`: bodies, programmes, resolutions and meetings -> crime types.
//  - clause cues: "to combat", "against", "on", «لمكافحة», «المعني ب» right
//    before a crime (or a list of crimes), or "prevention" right after one:
//    the bodies and programmes of the sentence address it; with none, the
//    meeting a report covers does (its recommendations and debates);
//  - resolution-scoped sentences: "In its resolution 1373 (2001), the
//    Security Council noted ... terrorism ..." -> the resolution addresses
//    every crime the sentence names;
//  - agenda items: "agenda item 3, entitled “...”", «البند 2 من جدول
//    الأعمال المعنون "..."», and the items of a provisional agenda -> the
//    meeting addresses the crimes the item's title names (also through the
//    names of instruments, "Protocol against the Smuggling of Migrants").
// Crimes an entity's own name states are emitted by relate.cc.
#ifndef CRIMEKG_EXTRACTORS_RELATE_ADDRESSES_H_
#define CRIMEKG_EXTRACTORS_RELATE_ADDRESSES_H_

#include "extractors/relate_context.h"

namespace crimekg {

void relate_addresses(RelateContext& c);

// The crimes a span of text names: crime mentions, and crimes stated by the
// full names of instruments (and programmes) in it.
std::vector<std::string> crimes_in(const RelateContext& c, Span span, bool through_names);

}  // namespace crimekg

#endif  // CRIMEKG_EXTRACTORS_RELATE_ADDRESSES_H_

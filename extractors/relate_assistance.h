// `assisted` and `fundedBy`.
//  - assisted: a sentence with an assistance cue ("assistance had been
//    delivered to", "received ... assistance from the Office", «بدعم من
//    المكتب», «ساعدت») names the States helped; the helper is the sentence's
//    programme or body, else the actor of its paragraph, else the body the
//    document is about. A footnote marker in the sentence ("... 43 countries
//    as at 23 July 2004.³") binds the States its footnote lists.
//  - fundedBy: donor tables (a caption with "contributions" / "donor" naming
//    the fund, then rows "Austria <TAB> 1 025 674"), and "funded by" /
//    «تموله» + a State in a sentence.
#ifndef CRIMEKG_EXTRACTORS_RELATE_ASSISTANCE_H_
#define CRIMEKG_EXTRACTORS_RELATE_ASSISTANCE_H_

#include "extractors/relate_context.h"

namespace crimekg {

void relate_assistance(RelateContext& c);
void relate_funding(RelateContext& c);

}  // namespace crimekg

#endif  // CRIMEKG_EXTRACTORS_RELATE_ASSISTANCE_H_

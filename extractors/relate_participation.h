// `participatedIn`: States and bodies that spoke at, attended or were
// represented at a meeting, or hold an office of its Bureau.
//  - a sentence with a participation cue ("Statements were made by the
//    representatives of", "the observer for", "on behalf of", «وأدلى ببيان
//    ممثل», «مُثِّلت», «حضر») outside the resolutions a report reproduces: every
//    State and body it names (the meeting's own body and resolution issuers
//    aside) took part in the meeting the sentence is about
//    (RelateContext::meeting_for: the report's meeting, else the numbered
//    session named last before it);
//  - a cue sentence ending in ":" ("... the following officers:") extends to
//    the list lines after it ("Chair: Peter Burian (Slovakia)").
#ifndef CRIMEKG_EXTRACTORS_RELATE_PARTICIPATION_H_
#define CRIMEKG_EXTRACTORS_RELATE_PARTICIPATION_H_

#include "extractors/relate_context.h"

namespace crimekg {

void relate_participation(RelateContext& c);

}  // namespace crimekg

#endif  // CRIMEKG_EXTRACTORS_RELATE_PARTICIPATION_H_

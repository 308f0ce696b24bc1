// `cooperatesWith` (emitted both ways) and `heldIn`.
//  - "jointly with", "in cooperation with", «بالتعاون مع»: the sentence's
//    actor (its first body or programme, else the body the document is
//    about) works with every body or programme named after the cue in the
//    clause ("of the OAS" qualifiers aside);
//  - "cooperation between A and B", «مشتركة بين أ وب»: the listed parties
//    pairwise; "partner", "joined": the nearest parties on both sides;
//  - a sentence opening with several bodies as joint subject ("UNODC,
//    ISISC and the Monitoring Centre organized ...");
//  - heldIn: "held in Vienna", «المعقودة في فيينا»: the meeting named
//    before the cue in the sentence, else the meeting the report covers.
#ifndef CRIMEKG_EXTRACTORS_RELATE_COOPERATION_H_
#define CRIMEKG_EXTRACTORS_RELATE_COOPERATION_H_

#include "extractors/relate_context.h"

namespace crimekg {

void relate_cooperation(RelateContext& c);
void relate_venues(RelateContext& c);

}  // namespace crimekg

#endif  // CRIMEKG_EXTRACTORS_RELATE_COOPERATION_H_

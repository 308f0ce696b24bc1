// `cites`, and what titles say.
//  - A resolution or decision a report reproduces ("Resolution 12/1" and its
//    text) cites every resolution, decision, document and instrument its text
//    names ("Recalling its decision 2/2 ...", footnotes "CTOC/COP/WG.3/2023/4");
//    it addresses the crimes its title and section headings name.
//  - Outside such texts the document cites the documents it names, the
//    resolutions it names after a cite cue ("prepared pursuant to General
//    Assembly resolution 58/136"; the source is a document named before the
//    cue when there is one: "(E/CN.15/2023/CRP.3), prepared pursuant to
//    resolution 31/1"), the instruments it names after a cite cue or an
//    article ("in accordance with article 19 of the rules of procedure") and
//    the instruments its chapter headings are.
//  - "resolution X ..., entitled “...”" / «المعنون "..."» / «بشأن ...»: X cites
//    the instruments and addresses the crimes the title names.
//  - "the Convention (General Assembly resolution 55/25, annex I)", and the
//    same through a footnote: the resolution cites the instrument it annexes.
#ifndef CRIMEKG_EXTRACTORS_RELATE_CITATION_H_
#define CRIMEKG_EXTRACTORS_RELATE_CITATION_H_

#include "extractors/relate_context.h"

namespace crimekg {

void relate_citation(RelateContext& c);

}  // namespace crimekg

#endif  // CRIMEKG_EXTRACTORS_RELATE_CITATION_H_

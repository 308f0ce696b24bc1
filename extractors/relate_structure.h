// Organisational structure:
//  - partOf: "the Terrorism Prevention Branch of the Division for Treaty
//    Affairs of UNODC", «الشبكة ... التابعة لفرقة العمل», "reports to its
//    Technical Assistance Team"; a Protocol "supplementing" a Convention;
//  - runs: "the Global Programme ... of the Office", «البرنامج ... التابع
//    للمكتب ومنظمة الجمارك العالمية», "the Office launched its Global
//    Programme", "designed by UNODC", «مبادرة مشتركة بين المكتب والإنتربول»;
//  - supports: a programme and "the implementation of" an instrument in one
//    clause; a programme or body whose own name says it supports the
//    implementation of an instrument ("Legislative guide for the
//    implementation of the Firearms Protocol").
#ifndef CRIMEKG_EXTRACTORS_RELATE_STRUCTURE_H_
#define CRIMEKG_EXTRACTORS_RELATE_STRUCTURE_H_

#include "extractors/relate_context.h"

namespace crimekg {

void relate_structure(RelateContext& c);

}  // namespace crimekg

#endif  // CRIMEKG_EXTRACTORS_RELATE_STRUCTURE_H_

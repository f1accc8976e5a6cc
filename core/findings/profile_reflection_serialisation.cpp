// SPDX-License-Identifier: MIT
// reflection-serialisation: CPU under reflection and the encoding packages, by the function that
// calls into them.
#include "core/findings/profile_costs.h"
#include "core/findings/profile_rule_set.h"

namespace gs::findings {

void findReflectionSerialisation(const FindingInput& in, std::vector<Finding>& out)
{
    const FindingThresholds& t = in.limits;
    // fmt formats its operands by reflection, so Sprintf-heavy paths count with the encoders.
    findCpuFamily(in,
                  {"reflection-serialisation",
                   R"(^(reflect|encoding/(json|gob|xml)|google\.golang\.org/protobuf/[^.]+|fmt)\.)",
                   "in reflection and encoding",
                   "Encoding and formatting by reflection walk every value's type at run time. Encoding less (caching "
                   "encoded results), a generated or hand-written encoder, or strconv instead of fmt avoid it.",
                   t.reflectCpuHigh, t.reflectCpuMedium, t.reflectCpuLow},
                  out);
}

} // namespace gs::findings

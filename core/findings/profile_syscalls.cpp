// SPDX-License-Identifier: MIT
// syscalls: CPU inside system calls, by the function that makes them.
#include "core/findings/profile_costs.h"
#include "core/findings/profile_rule_set.h"

namespace gs::findings {

void findSyscalls(const FindingInput& in, std::vector<Finding>& out)
{
    const FindingThresholds& t = in.limits;
    // syscall's entry points (Syscall, Syscall6, RawSyscall, SyscallN; syscall/syscall6 where libc
    // makes the call), the runtime's raw system calls, and golang.org/x/sys/unix's.
    findCpuFamily(in,
                  {"syscalls",
                   R"(^syscall\.([Ss]yscall|[Rr]aw[Ss]yscall)|^(runtime/internal/syscall|internal/runtime/syscall)[./]|^golang\.org/x/sys/unix\.(Syscall|RawSyscall))",
                   "in system calls",
                   "Each system call crosses into the kernel. Many small reads or writes merge into a few large ones "
                   "behind a bufio.Reader or bufio.Writer.",
                   t.syscallCpuHigh, t.syscallCpuMedium, t.syscallCpuLow},
                  out);
}

} // namespace gs::findings

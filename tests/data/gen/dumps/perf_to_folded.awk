# SPDX-License-Identifier: MIT
# perf script (with call graphs) -> folded stacks "comm;root;...;leaf count", one line per
# distinct stack, as stackcollapse-perf.pl does: symbol offsets dropped, unknown frames kept.
function flush() {
    if (depth == 0) return
    s = comm
    for (i = depth; i >= 1; i--) s = s ";" frame[i]
    count[s]++
    depth = 0
}
/^[^ \t]/ { flush(); comm = $1; next }
/^[ \t]+[0-9a-f]+ / {
    sym = $2
    sub(/\+0x[0-9a-f]+$/, "", sym)
    frame[++depth] = sym
    next
}
/^$/ { flush() }
END { flush(); for (s in count) print s, count[s] }

# SPDX-License-Identifier: MIT
# perf script (with call graphs) -> the text bpftrace prints for `@[ustack] = count()` at exit:
# one "@[" block per distinct user stack (leaf first, "symbol+decimal offset", 8-space indent)
# followed by "]: count", ascending by count as bpftrace sorts maps.
function hex(h,   v, i) {
    v = 0
    for (i = 1; i <= length(h); i++) v = v * 16 + index("0123456789abcdef", substr(h, i, 1)) - 1
    return v
}
function flush() {
    if (depth == 0) return
    s = ""
    for (i = 1; i <= depth; i++) s = s "        " frame[i] "\n"
    count[s]++
    depth = 0
}
/^[^ \t]/ { flush(); next }
/^[ \t]+[0-9a-f]+ / {
    sym = $2
    if (match(sym, /\+0x[0-9a-f]+$/)) {
        off = substr(sym, RSTART + 3)
        sym = substr(sym, 1, RSTART - 1) "+" hex(off)
    }
    frame[++depth] = sym
    next
}
/^$/ { flush() }
END {
    flush()
    n = 0
    for (s in count) { n++; keys[n] = s }
    for (i = 1; i <= n; i++)
        for (j = i + 1; j <= n; j++)
            if (count[keys[j]] < count[keys[i]]) { t = keys[i]; keys[i] = keys[j]; keys[j] = t }
    for (i = 1; i <= n; i++) printf "@[\n%s]: %d\n", keys[i], count[keys[i]]
}

# SPDX-License-Identifier: MIT
# Reads `events` / `go tool trace -d=parsed` output of an old-format trace and, in every run of
# consecutive startup-status lines (goroutines that existed before tracing, made runnable by
# Go's converter in map order), puts the goroutine IDs in ascending order; times stay in place.
function flush(   i, j, t) {
    for (i = 2; i <= n; i++)
        for (j = i; j > 1 && id[j - 1] + 0 > id[j] + 0; j--) {
            t = id[j]; id[j] = id[j - 1]; id[j - 1] = t
        }
    for (i = 1; i <= n; i++) {
        line = run[i]
        sub(/ GoID=[0-9]+ /, " GoID=" id[i] " ", line)
        print line
    }
    n = 0
}
/^M=-1 P=-1 G=-1 StateTransition Time=.* Undetermined->Runnable / {
    n++
    run[n] = $0
    id[n] = $0
    sub(/.* GoID=/, "", id[n])
    sub(/ .*/, "", id[n])
    next
}
{ if (n) flush(); print }
END { if (n) flush() }

# Summarises bench results (works with mawk and gawk).
# Input (tab-separated): round  workload  test  target  rps  p50_us
# Variables: targets="direct haproxy twemproxy spinel", latency_workloads="c1", rounds=N
# Prints: median requests/s per row and target, then medians of per-round ratios, then p50 latency
# and the added latency over direct (median of per-round differences) for the latency workloads.

function med(list,    n, v, i, j, t) {
    n = split(list, v, " ")
    if (n == 0) return ""
    for (i = 2; i <= n; i++) {              # insertion sort, n is tiny
        t = v[i] + 0
        for (j = i - 1; j >= 1 && v[j] + 0 > t; j--) v[j + 1] = v[j]
        v[j + 1] = t
    }
    return (n % 2) ? v[(n + 1) / 2] + 0 : (v[n / 2] + v[n / 2 + 1]) / 2
}
function cell(x, fmt) { return x == "" ? "n/a" : sprintf(fmt, x) }

BEGIN {
    FS = "\t"
    nt = split(targets, T, " ")
    npair = 0
    # ratio pairs: every proxy against direct, then spinel against the other proxies
    for (i = 2; i <= nt; i++) { npair++; PA[npair] = T[i]; PB[npair] = T[1] }
    for (i = 2; i <= nt; i++) if (T[i] == "spinel")
        for (j = 2; j <= nt; j++) if (T[j] != "spinel") { npair++; PA[npair] = "spinel"; PB[npair] = T[j] }
    split(latency_workloads, LW, " ")
    for (i in LW) islat[LW[i]] = 1
}
{
    row = (index($3, $2) == 1) ? $2 : $2 "." $3      # "lrange" rather than "lrange.lrange_100"
    if (!(row in seen)) { seen[row] = 1; nrows++; R[nrows] = row; W[nrows] = $2 }
    rps[$1, row, $4] = $5
    lat[$1, row, $4] = $6
    if (!(($1) in rseen)) { rseen[$1] = 1; nr++; RN[nr] = $1 }
}
END {
    if (nrows == 0) { print "no results"; exit 1 }
    # header
    line = sprintf("%-16s", "workload")
    for (i = 1; i <= nt; i++) line = line sprintf(" %9s", T[i])
    line = line " |"
    for (p = 1; p <= npair; p++) { h = PA[p] "/" PB[p]; PW[p] = length(h); line = line sprintf(" %s", h) }
    print "requests/s: median over rounds; ratios: median of per-round ratios"
    print line
    for (r = 1; r <= nrows; r++) {
        row = R[r]
        line = sprintf("%-16s", row)
        for (i = 1; i <= nt; i++) {
            l = ""
            for (k = 1; k <= nr; k++) if ((RN[k], row, T[i]) in rps) l = l " " rps[RN[k], row, T[i]]
            line = line sprintf(" %9s", cell(med(l), "%.0f"))
        }
        line = line " |"
        for (p = 1; p <= npair; p++) {
            l = ""
            for (k = 1; k <= nr; k++) {
                a = (RN[k], row, PA[p]) in rps; b = (RN[k], row, PB[p]) in rps
                if (a && b && rps[RN[k], row, PB[p]] > 0) l = l " " rps[RN[k], row, PA[p]] / rps[RN[k], row, PB[p]]
            }
            line = line sprintf(" %" PW[p] "s", cell(med(l), "%.2f"))
        }
        print line
    }
    # latency
    any = 0
    for (r = 1; r <= nrows; r++) if (W[r] in islat) any = 1
    if (!any) exit 0
    print ""
    print "p50 latency in us: median over rounds; +us: added over direct, median of per-round differences"
    line = sprintf("%-16s", "workload")
    for (i = 1; i <= nt; i++) line = line sprintf(" %9s", T[i])
    line = line " |"
    for (i = 2; i <= nt; i++) { h = "+" T[i]; LWD[i] = (length(h) < 8 ? 8 : length(h)); line = line sprintf(" %" LWD[i] "s", h) }
    print line
    for (r = 1; r <= nrows; r++) {
        if (!(W[r] in islat)) continue
        row = R[r]
        line = sprintf("%-16s", row)
        for (i = 1; i <= nt; i++) {
            l = ""
            for (k = 1; k <= nr; k++) if ((RN[k], row, T[i]) in lat) l = l " " lat[RN[k], row, T[i]]
            line = line sprintf(" %9s", cell(med(l), "%.0f"))
        }
        line = line " |"
        for (i = 2; i <= nt; i++) {
            l = ""
            for (k = 1; k <= nr; k++)
                if (((RN[k], row, T[i]) in lat) && ((RN[k], row, T[1]) in lat))
                    l = l " " (lat[RN[k], row, T[i]] - lat[RN[k], row, T[1]])
            line = line sprintf(" %" LWD[i] "s", cell(med(l), "%+.0f"))
        }
        print line
    }
}

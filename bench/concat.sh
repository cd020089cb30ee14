# What the benchmark scripts share; sourced (from the project's top) by
# bench/all.sh, bench/read.sh and bench/timeline.sh, which set `tmp` (a
# scratch directory).

# srcs: the decisions every corpus is made of.
srcs=()
for f in fixtures/*/input.txt ../shared/decisions/*.txt; do
    [ -f "$f" ] && srcs+=("$f")
done

# concat FILE BYTES: one decision to the reader, FILE of about BYTES
# bytes: the first source's header, then the sources (BOMs and "Decision
# date" lines dropped: a second one starts a second decision, which the
# reader refuses) repeated until there are BYTES, cut at a line end.
concat() {
    local file=$1 want=$2 f
    [ -s "$file" ] && [ "$(stat -c %s "$file")" -ge "$want" ] && return
    : >"$tmp/one"
    for f in "${srcs[@]}"; do
        sed -e '1s/^\xEF\xBB\xBF//' \
            -e '/^[[:space:]]*Decision date[[:space:]]*:/Id' "$f" >>"$tmp/one"
        printf '\n\n' >>"$tmp/one"
    done
    sed -n '1,/^[[:space:]]*Decision date[[:space:]]*:/Ip' "${srcs[0]}" |
        sed '1s/^\xEF\xBB\xBF//' >"$file.part"
    while [ "$(stat -c %s "$file.part")" -lt "$want" ]; do
        cat "$tmp/one" >>"$file.part"
    done
    head -c "$want" "$file.part" | sed '$d' >"$file"
    rm -f "$file.part"
}

# bash completion for caseclock(1)                         -*- shell-script -*-
#
# Completes the commands, each command's options, the --format values each
# command accepts, --calendar divisions and *.ics files, --counting values,
# --rule IDs (asked of `caseclock rules --format json`, or the list below
# when the command cannot be run) and file names where a FILE goes.
# Needs nothing but bash; works with and without the bash-completion package.

# The rule IDs of calendars/rules.json, for when caseclock cannot be asked.
_caseclock_static_rules="
    admappeals2022.decision-letter
    admappeals2022.hear.in-year
    admappeals2022.hear.normal-round
    admappeals2022.hearing-notice
    admappeals2022.lodge
    ca1989.complaints.la-response
    ca1989.complaints.panel-meets
    ca1989.complaints.panel-report
    ca1989.complaints.panel-request
    ca1989.complaints.stage1
    ca1989.complaints.stage2
    ca1989.complaints.stage2-request
    ca1989.complaints.time-limit
    cplan2010.lac-review.first
    cplan2010.lac-review.second
    cplan2010.lac-review.subsequent
    cplan2010.visit.first
    cplan2010.visit.first-year
    cplan2010.visit.long-term
    dmpo2015.determination
    hgcra1996.dfg.decision
    hgcra1996.dfg.payment
    homeless.appeal.s204
    homeless.prevention.s195
    homeless.relief.s189b
    homeless.review.decision
    homeless.review.decision-appointed
    homeless.review.decision-referral
    homeless.review.decision-steps
    homeless.review.s202
    lassnhs2009.acknowledge
    lassnhs2009.oral-next-day
    lassnhs2009.response
    lassnhs2009.time-limit
    lga1974.s26b.late-complaint
    lga1974.s31.2-response
    lga1974.s31.2a-confirmation
    lga1974.s34d.late-complaint
    lgsco.remedy
    send2014.advice
    send2014.assess-decision
    send2014.draft-representations
    send2014.ehcp.final-plan
    send2014.no-plan-decision
    send2014.reassess.final
    send2014.review.amend-representations
    send2014.review.annual
    send2014.review.final-amended
    send2014.review.notice
    wt.assessment
    wt.core-group.first
    wt.icpc
    wt.rcpc.first
    wt.rcpc.subsequent
    wt.referral-decision
    wt2010.core-assessment
    wt2010.initial-assessment
"

_caseclock_rules()
{
    local bin=$1 ids=
    if [[ $bin == "~"* ]]; then
        bin=$HOME${bin#\~}
    fi
    if type -P -- "$bin" >/dev/null 2>&1; then
        ids=$("$bin" rules --format json 2>/dev/null |
            sed -n 's/^ *"id": *"\([^"]*\)",*$/\1/p')
    fi
    printf '%s\n' "${ids:-$_caseclock_static_rules}"
}

# Adds matches of `cur` among the words in $1 to COMPREPLY.
_caseclock_words()
{
    local w
    while IFS= read -r w; do
        [[ -n $w ]] && COMPREPLY+=("$prefix$w")
    done < <(compgen -W "$1" -- "$cur")
}

# Adds file names (and directories, to descend into) matching `cur`;
# with $1, only files matching that glob.
_caseclock_files()
{
    local f
    compopt -o filenames 2>/dev/null
    if [[ -n $1 ]]; then
        while IFS= read -r f; do
            COMPREPLY+=("$prefix$f")
        done < <(compgen -d -- "$cur"; compgen -f -X "!$1" -- "$cur")
    else
        while IFS= read -r f; do
            COMPREPLY+=("$prefix$f")
        done < <(compgen -f -- "$cur")
    fi
}

_caseclock()
{
    local cur=${COMP_WORDS[COMP_CWORD]} prev= opt= prefix= cmd= opts formats
    COMPREPLY=()
    if ((COMP_CWORD > 0)); then
        prev=${COMP_WORDS[COMP_CWORD - 1]}
    fi

    # The option whose value is being completed, if any: "--format X",
    # "--format=X" split at '=' (COMP_WORDBREAKS), or "--format=X" whole.
    if [[ $cur == = && $prev == -* ]]; then
        opt=$prev
        cur=
    elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then
        opt=${COMP_WORDS[COMP_CWORD - 2]}
    elif [[ $cur == --*=* ]]; then
        opt=${cur%%=*}
        prefix=$opt=
        cur=${cur#*=}
    else
        opt=$prev
    fi

    if ((COMP_CWORD == 1)); then
        _caseclock_words "add deadline workdays dates timeline check batch
            rules calendars --help --version"
        return 0
    fi
    cmd=${COMP_WORDS[1]}

    case $cmd in
    add)
        opts="--calendar --counting --format --explain -o"
        formats="text json ics"
        ;;
    deadline)
        opts="--rule --from --calendar --format --explain -o"
        formats="text json ics"
        ;;
    workdays)
        opts="--calendar --format"
        formats="text json"
        ;;
    dates)
        opts="--format -o --input-format --encoding --text-out --decision-date --authority --reference --category --outcome"
        formats="json text"
        ;;
    timeline)
        opts="--format -o --today --calendar --input-format --encoding --text-out --decision-date --authority --reference --category --outcome"
        formats="text json ics csv html"
        ;;
    check)
        opts="--format -o --today --strict --calendar --input-format --encoding --text-out --decision-date --authority --reference --category --outcome"
        formats="text json"
        ;;
    batch)
        opts="--jobs --command --from-list --today -o"
        formats=
        ;;
    rules)
        opts="--format"
        formats="text json markdown"
        ;;
    calendars)
        opts=
        formats=
        ;;
    *)
        return 0
        ;;
    esac

    # A value for an option this command takes.
    if [[ " $opts " == *" $opt "* ]]; then
        case $opt in
        --format)
            _caseclock_words "$formats"
            return 0
            ;;
        --calendar)
            # timeline and check take closure files only
            [[ $cmd == timeline || $cmd == check ]] ||
                _caseclock_words "england-and-wales scotland northern-ireland"
            _caseclock_files '*.ics'
            return 0
            ;;
        --counting)
            _caseclock_words "after beginning_with"
            return 0
            ;;
        --rule)
            _caseclock_words "$(_caseclock_rules "${COMP_WORDS[0]}")"
            return 0
            ;;
        -o | --text-out)
            _caseclock_files
            return 0
            ;;
        --input-format)
            _caseclock_words "auto text html pdf docx"
            return 0
            ;;
        --encoding)
            _caseclock_words "utf-8 windows-1252"
            return 0
            ;;
        --decision-date | --authority | --reference | --category | --outcome)
            # free text: nothing sensible to offer
            return 0
            ;;
        --from | --today)
            # A date: nothing sensible to offer.
            return 0
            ;;
        --command)
            _caseclock_words "dates timeline check"
            return 0
            ;;
        --from-list)
            _caseclock_files
            return 0
            ;;
        --jobs)
            _caseclock_words "$(seq 1 "$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)")"
            return 0
            ;;
        esac
    fi
    prefix=

    if [[ $cur == -* ]]; then
        _caseclock_words "$opts"
        return 0
    fi
    case $cmd in
    dates | timeline | check | batch)
        _caseclock_files
        ;;
    esac
    return 0
} &&
    complete -F _caseclock caseclock

# ex: filetype=sh

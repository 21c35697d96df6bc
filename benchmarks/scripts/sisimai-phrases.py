#!/usr/bin/env python3
"""Phrase agreement with Sisimai's reason lists (issue 14, item 1), read from a Sisimai checkout at run time.

    sisimai-phrases.py SISIMAI [--draw] [--part train|heldout|all] [--family NAME] [--list] [--rules DIR]

SISIMAI is a go-sisimai checkout (or any folder holding its reason/why-*.go files). Every literal of each reason's
phrase lists (`index := []string{...}`, and the parts of `pairs := [][]string{...}` joined with a documentation IP)
becomes a reply in the shape a Postfix DSN quotes it,

    host mx.example.org[192.0.2.9] said: CODE <phrase> (in reply to STAGE command)

with CODE 421 for the rate families (toomanyconn, speeding) and 550 otherwise, and STAGE "end of DATA" for the
content families (spamdetected, virusdetected, contenterror, mesgtoobig, exceedlimit, filtered) and "RCPT TO"
otherwise (Sisimai's stage-aware convention: an unknown-user text is userunknown at RCPT TO, filtered after DATA).
Each reply goes through `dbot explain --json` and the reason is compared with the family's (FailedSTARTTLS counts
our securityerror as agreement; see rules/README.md, "Sisimai reason crosswalk").

Held-out discipline: each family's phrases are split by a seeded draw (random.Random("14:" + family), 30% held out),
the same on every run for the same checkout. --draw writes the held-out replies once, before rules are written from
the rest, to tests/fixtures/heldout/sisimai-reasons/<family>.txt (one reply per line; not rule fixtures) and never
prints them. --part selects what is measured; --list prints every disagreement of that part. Nothing of Sisimai is
stored by this script except those held-out replies.

Run from the repository root; DBOT (default: the Release, else Debug build of src/DeliverabilityBot.Cli) names the CLI.
"""
import concurrent.futures, glob, json, os, random, re, subprocess, sys

ROOT = os.getcwd()
HELD_DIR = os.path.join(ROOT, "tests", "fixtures", "heldout", "sisimai-reasons")
FILLER = "192.0.2.1"
RATE = {"toomanyconn", "speeding"}
AFTER_DATA = {"spamdetected", "virusdetected", "contenterror", "mesgtoobig", "exceedlimit", "filtered"}
ALSO = {"failedstarttls": {"securityerror"}}
BLOCK = re.compile(r"(index|pairs)\s*:=\s*(?:\[\])+string\{(.*?)\n\s*\}\n", re.S)
PAIR = re.compile(r"\[\]string\{([^}]*)\}")
LIT = re.compile(r'"((?:[^"\\]|\\.)*)"')


def strip_comments(src):
    return "\n".join(re.sub(r'//[^"\n]*$', "", line) for line in src.splitlines())


def phrases(path):
    src = strip_comments(open(path, encoding="utf-8").read())
    out = []
    for kind, body in BLOCK.findall(src):
        if kind == "index":
            out += [m.encode().decode("unicode_escape") for m in LIT.findall(body)]
        else:
            for p in PAIR.findall(body):
                parts = LIT.findall(p)
                if parts:
                    out.append(FILLER.join(parts) if len(parts) > 1 else parts[0])
    return [p for p in out if p.strip()]


def families(sisimai):
    files = sorted(glob.glob(os.path.join(sisimai, "**", "why-*.go"), recursive=True))
    if not files:
        sys.exit(f"no reason/why-*.go under {sisimai}")
    fams = {}
    for f in files:
        name = os.path.basename(f)[4:-3]
        ps = phrases(f)
        if ps:
            fams[name] = ps
    return fams


def split(family, ps):
    k = round(len(ps) * 0.3)
    held = set(random.Random("14:" + family).sample(range(len(ps)), k))
    return [(i, p, "heldout" if i in held else "train") for i, p in enumerate(ps)]


def reply(family, phrase):
    code = 421 if family in RATE else 550
    stage = "end of DATA" if family in AFTER_DATA else "RCPT TO"
    return f"host mx.example.org[192.0.2.9] said: {code} {phrase} (in reply to {stage} command)"


def dbot():
    if os.environ.get("DBOT"):
        return os.environ["DBOT"].split()
    for cfg in ("Release", "Debug"):
        p = os.path.join(ROOT, "src", "DeliverabilityBot.Cli", "bin", cfg, "net10.0", "dbot.dll")
        if os.path.exists(p):
            return ["dotnet", p]
    sys.exit("build src/DeliverabilityBot.Cli first, or set DBOT")


def classify(cmd, rules, text):
    p = subprocess.run(cmd + ["explain", "--json", "--rules", rules, "--to", "someone@example.org", text], capture_output=True, text=True)
    line = next((l for l in p.stdout.splitlines() if l.startswith("{")), None)
    return json.loads(line).get("reason") if line else None


def draw(fams):
    os.makedirs(HELD_DIR, exist_ok=True)
    for family, ps in fams.items():
        path = os.path.join(HELD_DIR, family + ".txt")
        if os.path.exists(path):
            sys.exit(f"{path} exists: a held-out set is drawn once")
        held = [reply(family, p) for _, p, part in split(family, ps) if part == "heldout"]
        with open(path, "w", encoding="utf-8") as f:
            f.write("".join(r + "\n" for r in held))
        print(f"{family}: {len(ps)} phrases, {len(held)} held out")


def measure(fams, part, rules, listing):
    cmd = dbot()
    jobs = [(fam, p, s) for fam, ps in fams.items() for _, p, s in split(fam, ps) if part == "all" or s == part]
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        got = list(pool.map(lambda j: classify(cmd, rules, reply(j[0], j[1])), jobs))
    total = ok_total = 0
    for fam in fams:
        rows = [(j, g) for j, g in zip(jobs, got) if j[0] == fam]
        if not rows:
            continue
        want = {fam} | ALSO.get(fam, set())
        bad = [(j, g) for j, g in rows if g not in want]
        total += len(rows); ok_total += len(rows) - len(bad)
        print(f"{fam:16} {len(rows) - len(bad):3}/{len(rows):3} agree")
        if listing:
            for (f, p, s), g in bad:
                print(f"    - [{s}] {p!r}: {g}")
    print(f"{'all (' + part + ')':16} {ok_total}/{total} agree ({100.0 * ok_total / max(total, 1):.1f}%)")


def main(argv):
    args = argv[1:]
    if not args or args[0].startswith("-"):
        sys.exit(__doc__)
    sisimai = args.pop(0)
    opt = lambda name, default=None: args[args.index(name) + 1] if name in args else default
    fams = families(sisimai)
    if opt("--family"):
        fams = {k: v for k, v in fams.items() if k == opt("--family")}
    if "--draw" in args:
        draw(fams)
        return
    measure(fams, opt("--part", "train"), opt("--rules", "rules/"), "--list" in args)


if __name__ == "__main__":
    main(sys.argv)

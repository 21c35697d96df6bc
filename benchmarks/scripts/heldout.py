#!/usr/bin/env python3
"""Held-out discipline for source-derived rule families (issue 14, item 5).

Each family's source texts are transcribed, before any rule is written, into
benchmarks/heldout/<family>.tsv with the columns

    set  reply  to  reason  retryable  receiver  source  [host]

(`set` is empty until drawn; `reason` / `retryable` / `receiver` are what the source means, in our vocabulary;
`reason` and `retryable` may list documented alternatives separated by `|`; the optional `host` is the remote MTA that
gave the reply, for receivers known only by their MX hosts (forwarders, gateways): the reply is then measured as the
delivery-status fields of a DSN (Final-Recipient, Action, Remote-MTA: HOST, Diagnostic-Code: REPLY), which is how a
bounce names the host).

  heldout.py draw FAMILY [--seed N]   fills `set` with a seeded random 30% `heldout`, the rest `train`, and writes
                                      the held-out rows as tests/fixtures/heldout/FAMILY/NN.txt + NN.heldout.yaml
                                      (not *.expect.yaml, so `dbot rules test` does not run them as rule fixtures).
                                      Refuses to redraw a family that already has a set.
  heldout.py measure [FAMILY...]      classifies every row with `dbot explain --json` and prints, per family and set,
                                      how many agree with the source on reason, receiver and retryable, listing
                                      every disagreement. --part train|heldout measures one set only (while writing
                                      rules, measure the training part alone); --jobs N runs N classifications at once
                                      (default 2).

Run from the repository root; DBOT (default `dotnet src/DeliverabilityBot.Cli/bin/Release/net10.0/dbot.dll`,
else the Debug build) names the CLI; --rules DIR (default rules/) the rule folder.
"""
import csv, json, os, random, subprocess, sys, glob
from concurrent.futures import ThreadPoolExecutor

ROOT = os.getcwd()
TSV_DIR = os.path.join(ROOT, "benchmarks", "heldout")
FIX_DIR = os.path.join(ROOT, "tests", "fixtures", "heldout")
COLUMNS = ["set", "reply", "to", "reason", "retryable", "receiver", "source", "host"]


def read(family):
    with open(os.path.join(TSV_DIR, family + ".tsv"), newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE) if r["reply"].strip()]
    return rows


def write(family, rows):
    with open(os.path.join(TSV_DIR, family + ".tsv"), "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, COLUMNS, delimiter="\t", quoting=csv.QUOTE_NONE, quotechar=None, escapechar=None, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({k: r.get(k, "") for k in COLUMNS})


def yq(s):
    return "'" + s.replace("'", "''") + "'"


def draw(family, seed):
    rows = read(family)
    if any(r["set"] for r in rows):
        sys.exit(f"{family}: already drawn; a held-out set is drawn once")
    k = round(len(rows) * 0.3)
    held = set(random.Random(seed).sample(range(len(rows)), k))
    out = os.path.join(FIX_DIR, family)
    os.makedirs(out, exist_ok=True)
    for i, r in enumerate(rows):
        r["set"] = "heldout" if i in held else "train"
        if i in held:
            name = os.path.join(out, f"{i + 1:03d}")
            with open(name + ".txt", "w", encoding="utf-8") as f:
                f.write(r["reply"] + "\n")
            with open(name + ".heldout.yaml", "w", encoding="utf-8") as f:
                f.write(f"description: {yq('held-out ' + family + ' text from ' + r['source'])}\n")
                if (r.get("host") or "").strip():
                    f.write(f"remoteHost: {r['host'].strip()}\n")
                f.write(f"to: {r['to']}\nevents:\n  - reason: {r['reason'].split('|')[0]}\n")
                f.write(f"    receiver: {r['receiver']}\n    retryable: {r['retryable'].split('|')[0]}\n")
    write(family, rows)
    print(f"{family}: {len(rows)} texts, seed {seed}, held out {k}: {sorted(i + 1 for i in held)}")


def dbot():
    if os.environ.get("DBOT"):
        return os.environ["DBOT"].split()
    for cfg in ("Release", "Debug"):
        p = os.path.join(ROOT, "src", "DeliverabilityBot.Cli", "bin", cfg, "net10.0", "dbot.dll")
        if os.path.exists(p):
            return ["dotnet", p]
    sys.exit("build src/DeliverabilityBot.Cli first, or set DBOT")


def evidence(row):
    """The text measured for a row: the reply, or DSN fields naming the remote host when the row gives one."""
    host = (row.get("host") or "").strip()
    if not host:
        return row["reply"]
    action = "delayed" if row["reply"].lstrip().startswith("4") else "failed"
    return (f"Final-Recipient: rfc822; {row['to']}\nAction: {action}\nRemote-MTA: dns; {host}\n"
            f"Diagnostic-Code: smtp; {row['reply']}")


def classify(cmd, rules, reply, to):
    p = subprocess.run(cmd + ["explain", "--json", "--rules", rules, "--to", to, reply], capture_output=True, text=True)
    line = next((l for l in p.stdout.splitlines() if l.startswith("{")), None)
    return json.loads(line) if line else {}


def measure(families, rules, parts=("train", "heldout"), jobs=2):
    cmd = dbot()
    total_bad = 0
    pool = ThreadPoolExecutor(max_workers=max(1, jobs))
    for family in families:
        rows = read(family)
        for part in parts:
            sel = [r for r in rows if r["set"] == part]
            if not sel:
                continue
            bad = []
            results = list(pool.map(lambda r: classify(cmd, rules, evidence(r), r["to"]), sel))
            for r, got in zip(sel, results):
                want_reasons = r["reason"].split("|")
                diffs = []
                if got.get("reason") not in want_reasons:
                    diffs.append(f"reason {got.get('reason')} (source: {r['reason']})")
                if got.get("receiver") != r["receiver"]:
                    diffs.append(f"receiver {got.get('receiver')} (source: {r['receiver']})")
                if str(got.get("retryable")).lower() not in r["retryable"].lower().split("|"):
                    diffs.append(f"retryable {got.get('retryable')} (source: {r['retryable']})")
                if diffs:
                    bad.append((r["reply"], diffs))
            ok = len(sel) - len(bad)
            print(f"{family} {part}: {ok}/{len(sel)} agree ({100.0 * ok / len(sel):.1f}%)")
            for reply, diffs in bad:
                print(f"    - {reply[:110]}: {'; '.join(diffs)}")
            total_bad += len(bad)
    return total_bad


def main(argv):
    if len(argv) < 2 or argv[1] not in ("draw", "measure"):
        sys.exit(__doc__)
    rules = "rules/"
    if "--rules" in argv:
        i = argv.index("--rules"); rules = argv[i + 1]; del argv[i:i + 2]
    if argv[1] == "draw":
        seed = 14
        if "--seed" in argv:
            i = argv.index("--seed"); seed = int(argv[i + 1]); del argv[i:i + 2]
        draw(argv[2], seed)
    else:
        parts, jobs = ("train", "heldout"), 2
        if "--part" in argv:
            i = argv.index("--part"); parts = (argv[i + 1],); del argv[i:i + 2]
        if "--jobs" in argv:
            i = argv.index("--jobs"); jobs = int(argv[i + 1]); del argv[i:i + 2]
        fams = argv[2:] or sorted(os.path.basename(p)[:-4] for p in glob.glob(os.path.join(TSV_DIR, "*.tsv")))
        measure(fams, rules, parts, jobs)


if __name__ == "__main__":
    main(sys.argv)

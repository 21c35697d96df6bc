#!/usr/bin/env python3
"""Alert latency, whole process: the real server (Release build) follows a log and listens for syslog, a fake Slack Web
API on loopback records when the incident's headline arrives. Each trial starts a fresh server on a fresh data folder,
lets it follow the healthy hour of tests/fixtures/alerts/icloud-deferral-episode (the baseline), then writes the episode's
first 40 minutes (iCloud's 421 4.7.0 deferrals) at --rate lines/s, appended to the followed log or sent to the syslog
listener over TCP (RFC 5424, octet-counted), and measures from the moment the last of those lines is written to the
moment chat.postMessage arrives with the headline. The detector's timer is set to an hour, so what is measured is the
live path: follow or syslog -> pipeline commit -> detector woken -> diagnosis -> post.

Usage: benchmarks/alert-latency/run.py [--trials 10] [--source follow|syslog|both] [--rate 2000] [--server DIR]
Prints one line per trial and p50/p95 per source. Traffic stays on 127.0.0.1.
"""
import argparse, http.server, json, math, os, shutil, socket, sqlite3, statistics, subprocess, sys, tempfile, threading, time
from datetime import datetime

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
EPISODE = os.path.join(REPO, "tests", "fixtures", "alerts", "icloud-deferral-episode", "maillog")
CHANNEL = "C0ALERTBENCH"


class FakeSlack(http.server.BaseHTTPRequestHandler):
    headlines = []  # (monotonic time, text)

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        now = time.monotonic()
        reply = {"ok": True}
        if self.path.endswith("/chat.postMessage"):
            message = json.loads(body or b"{}")
            if "thread_ts" not in message:
                FakeSlack.headlines.append((now, message.get("text", "")))
            reply = {"ok": True, "channel": CHANNEL, "ts": "1763622000.%06d" % len(FakeSlack.headlines)}
        data = json.dumps(reply).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def log_time(line):
    return datetime.fromisoformat(line.split(" ", 1)[0])


def rfc5424(line):
    stamp, host, rest = line.split(" ", 2)
    program, message = rest.split(": ", 1)
    app, pid = program.rstrip("]").split("[")
    return "<22>1 %s %s %s %s - - %s" % (stamp, host, app, pid, message)


def attempts_stored(db):
    try:
        with sqlite3.connect("file:%s?mode=ro" % db, uri=True, timeout=1) as c:
            return c.execute("SELECT count(*) FROM events").fetchone()[0]
    except sqlite3.Error:
        return 0


def trial(server_dir, source, rate, slack_url, lines):
    healthy = [l for l in lines if log_time(l).hour < 7]
    burst = [l for l in lines if log_time(l).hour == 7 and log_time(l).minute < 40]
    work = tempfile.mkdtemp(prefix="dbot-alert-latency-")
    log = os.path.join(work, "maillog")
    with open(log, "w") as f:
        f.write("\n".join(healthy) + "\n")
    syslog_port = free_port()
    env = dict(os.environ,
               data=os.path.join(work, "data"),
               Live__Follow__0=log,
               Live__PollInterval="00:00:00.100",
               Live__Syslog__Listen__0="tcp://127.0.0.1:%d" % syslog_port,
               Alerts__SlackChannel=CHANNEL,
               Alerts__Interval="01:00:00",
               Slack__SigningSecret="bench-signing-secret",
               Slack__BotToken="xoxb-bench",
               Slack__ApiBaseUrl=slack_url,
               Slack__AllowedTeams__0="T0BENCH",
               Logging__LogLevel__Default="Warning",
               ASPNETCORE_URLS="http://127.0.0.1:%d" % free_port())
    server = subprocess.Popen(["dotnet", os.path.join(server_dir, "DeliverabilityBot.Server.dll")], env=env, cwd=server_dir,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        db = os.path.join(work, "data", "dbot.db")
        expected = sum(" to=<" in l for l in healthy)
        deadline = time.monotonic() + 180
        while attempts_stored(db) < expected:
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError("the server did not follow the baseline hour: " + server.stderr.read().decode()[-2000:] if server.poll() is not None else "timeout")
            time.sleep(0.1)
        time.sleep(1.0)  # let the detector's passes over the baseline finish
        FakeSlack.headlines.clear()
        interval = 1.0 / rate
        start = time.monotonic()
        if source == "follow":
            with open(log, "a") as f:
                for i, line in enumerate(burst):
                    f.write(line + "\n")
                    f.flush()
                    pause = start + (i + 1) * interval - time.monotonic()
                    if pause > 0:
                        time.sleep(pause)
        else:
            with socket.create_connection(("127.0.0.1", syslog_port), timeout=30) as s:
                for i, line in enumerate(burst):
                    frame = rfc5424(line).encode()
                    s.sendall(b"%d %s" % (len(frame), frame))
                    pause = start + (i + 1) * interval - time.monotonic()
                    if pause > 0:
                        time.sleep(pause)
        written = time.monotonic()
        deadline = written + 60
        while not FakeSlack.headlines and time.monotonic() < deadline:
            time.sleep(0.005)
        if not FakeSlack.headlines:
            raise RuntimeError("no alert posted within 60 s")
        posted, text = FakeSlack.headlines[0]
        if "DIAG1002" not in text:
            raise RuntimeError("unexpected headline: " + text)
        return posted - written, written - start
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(work, ignore_errors=True)


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered), max(1, math.ceil(p / 100.0 * len(ordered)))) - 1]  # nearest rank


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--trials", type=int, default=10)
    parser.add_argument("--source", choices=["follow", "syslog", "both"], default="both")
    parser.add_argument("--rate", type=float, default=2000.0, help="lines per second while writing the episode")
    parser.add_argument("--server", help="a built server folder (default: build src/DeliverabilityBot.Server, Release)")
    args = parser.parse_args()
    server_dir = args.server
    if server_dir is None:
        server_dir = os.path.join(tempfile.gettempdir(), "dbot-alert-latency-server")
        print("building the server (Release)...", file=sys.stderr)
        subprocess.run(["dotnet", "build", os.path.join(REPO, "src", "DeliverabilityBot.Server"), "-c", "Release", "-o", server_dir,
                        "-v", "quiet", "-nologo"], check=True, stdout=subprocess.DEVNULL)
    with open(EPISODE) as f:
        lines = [l.rstrip("\n") for l in f if l.strip()]
    slack = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FakeSlack)
    threading.Thread(target=slack.serve_forever, daemon=True).start()
    slack_url = "http://127.0.0.1:%d/api/" % slack.server_address[1]
    sources = ["follow", "syslog"] if args.source == "both" else [args.source]
    results = {s: [] for s in sources}
    for n in range(args.trials):
        for source in sources:
            latency, writing = trial(server_dir, source, args.rate, slack_url, lines)
            results[source].append(latency)
            print("trial %d %-6s: alert %.3f s after the last line (lines written in %.3f s)" % (n + 1, source, latency, writing), flush=True)
    load = os.getloadavg()
    for source, values in results.items():
        print("%s: n=%d p50 %.3f s, p95 %.3f s, max %.3f s (rate %d lines/s, load %.0f/%.0f/%.0f)" % (
            source, len(values), statistics.median(values), percentile(values, 95), max(values), args.rate, *load))
    slack.shutdown()


if __name__ == "__main__":
    main()

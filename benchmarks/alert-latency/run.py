#!/usr/bin/env python3
"""Alert latency under sustained load, whole process: the real server (Release build) follows a log, listens for syslog
and takes SparkPost webhooks; a fake Slack Web API on loopback records when the incident's headline arrives.

First, calibration (once per run, unless --decisive K is given): which line of the iCloud episode (the first 40 minutes of
tests/fixtures/alerts/icloud-deferral-episode, 421 4.7.0 deferrals) makes the incident decidable: the smallest K such
that a server following the healthy hour plus the episode's first K lines posts the DIAG1002 alert (bisection, a fresh
server per probe).

Then each trial starts a fresh server on a fresh data folder, lets it follow the healthy hour (the baseline), and sends a
stream of --rate events/s for --seconds: healthy Gmail deliveries (one line, or one event, each), with the episode's
lines spread evenly over [--lead, --lead + --spread) seconds in their place; every filler line is stamped as the newest
episode line sent before it, so the detector's data clock follows the episode as in the calibration. The stream goes to
the followed log (appended lines), to the syslog listener over TCP (RFC 5424, octet-counted), or to
/api/events/sparkpost (SparkPost events in batches of --batch). Measured: from the moment line K is written (follow,
syslog) or the request carrying it is acknowledged (webhook) to the moment chat.postMessage arrives with the headline.
The detector's timer is set to an hour, so what is measured is the live path: source -> pipeline commit -> detector
woken -> diagnosis -> post, while the sustained stream keeps the pipeline and the detector busy.

Usage: benchmarks/alert-latency/run.py [--trials 10] [--source follow|syslog|webhook|both|all] [--rate 2000]
                                       [--seconds 75] [--lead 20] [--spread 40] [--batch 100] [--decisive K] [--server DIR]
("both" is follow and syslog, "all" adds webhook.) Prints the decisive line, one line per trial and p50/p95 per source.
Traffic stays on 127.0.0.1.
"""
import argparse, base64, http.client, http.server, re, json, math, os, shutil, socket, sqlite3, statistics, subprocess, sys, tempfile, threading, time
from datetime import datetime, timezone

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


USER, PASSWORD = "bench", "bench-password-0123456789"
SMTP_LINE = re.compile(r"^(?P<ts>\S+) \S+ postfix/smtp\[\d+\]: (?P<q>\w+): to=<(?P<rcpt>[^>]+)>, relay=(?P<host>[^\[,]+)\[(?P<ip>[^\]]+)\]"
                       r".*?status=(?P<status>\w+) \((?P<text>.*)\)$")


def stamp(t):
    return datetime.fromtimestamp(t, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000000+00:00")


def filler_line(n, t):
    """A healthy Gmail delivery stamped at t (unix seconds), with its own queue id."""
    q = "%010X" % (0xB000000000 + n)
    return ("%s mta1 postfix/smtp[3047]: %s: to=<filler%d@gmail.com>, relay=gmail-smtp-in.l.google.com[142.250.102.27]:25, "
            "delay=0.8, delays=0.1/0/0.2/0.5, dsn=2.0.0, status=sent (250 2.0.0 OK %s - gsmtp)" % (stamp(t), q, n % 5000, q))


def sparkpost_event(line, n):
    """The SparkPost event saying what a Postfix smtp line says (delivery, delay or bounce), or None for other lines."""
    m = SMTP_LINE.match(line)
    if m is None:
        return None
    kind = {"sent": "delivery", "deferred": "delay", "bounced": "bounce"}.get(m.group("status"))
    if kind is None:
        return None
    text = m.group("text")
    reason = text.split(" said: ", 1)[1] if " said: " in text else text
    event = {"type": kind, "event_id": "alert-bench-%d" % n, "timestamp": str(int(log_time(line).timestamp())),
             "message_id": m.group("q"), "rcpt_to": m.group("rcpt"), "raw_rcpt_to": m.group("rcpt"),
             "recipient_domain": m.group("rcpt").split("@")[1], "msg_from": "news@example.com", "sending_domain": "example.com",
             "sending_ip": "192.0.2.10", "ip_pool": "default", "ip_address": m.group("ip")}
    if kind != "delivery":
        event.update({"raw_reason": reason, "reason": reason, "error_code": reason[:3], "bounce_class": "21" if kind == "delay" else "10"})
    return {"msys": {"message_event": event}}


class Server:
    """The real server on a fresh data folder, following a log that holds `initial`."""

    def __init__(self, server_dir, slack_url, initial):
        self.work = tempfile.mkdtemp(prefix="dbot-alert-latency-")
        self.log = os.path.join(self.work, "maillog")
        with open(self.log, "w") as f:
            f.write("\n".join(initial) + "\n")
        self.syslog_port = free_port()
        self.http_port = free_port()
        self.db = os.path.join(self.work, "data", "dbot.db")
        env = dict(os.environ,
                   data=os.path.join(self.work, "data"),
                   Live__Follow__0=self.log,
                   Live__PollInterval="00:00:00.100",
                   Live__Syslog__Listen__0="tcp://127.0.0.1:%d" % self.syslog_port,
                   Webhooks__SparkPost__Username=USER,
                   Webhooks__SparkPost__Password=PASSWORD,
                   Webhooks__SpoolPollInterval="00:00:00.100",
                   Alerts__SlackChannel=CHANNEL,
                   Alerts__Interval="01:00:00",
                   Slack__SigningSecret="bench-signing-secret",
                   Slack__BotToken="xoxb-bench",
                   Slack__ApiBaseUrl=slack_url,
                   Slack__AllowedTeams__0="T0BENCH",
                   Logging__LogLevel__Default="Warning",
                   urls="http://127.0.0.1:%d" % self.http_port)  # overrides appsettings.json's Urls (ASPNETCORE_URLS does not)
        FakeSlack.headlines.clear()
        self.process = subprocess.Popen(["dotnet", os.path.join(server_dir, "DeliverabilityBot.Server.dll")], env=env, cwd=server_dir,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def wait_stored(self, expected, timeout=300):
        deadline = time.monotonic() + timeout
        while attempts_stored(self.db) < expected:
            if self.process.poll() is not None:
                raise RuntimeError("the server stopped: " + self.process.stderr.read().decode()[-2000:])
            if time.monotonic() > deadline:
                raise RuntimeError("the server stored %d of %d attempts within %d s" % (attempts_stored(self.db), expected, timeout))
            time.sleep(0.1)

    def close(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.work, ignore_errors=True)


def attempts(lines):
    return sum(" to=<" in l for l in lines)


def decisive_line(server_dir, slack_url, healthy, burst):
    """The first k such that the baseline and the episode's first k lines, followed at once, post the alert: the line that
    makes the incident decidable (bisection; the detector runs after each commit and once all is stored)."""
    def fires(k):
        server = Server(server_dir, slack_url, healthy + burst[:k])
        try:
            server.wait_stored(attempts(healthy) + attempts(burst[:k]))
            time.sleep(3.0)  # the detector's pass after the last commit, and the post
            return any("DIAG1002" in text for _, text in FakeSlack.headlines)
        finally:
            server.close()
    lo, hi = 1, len(burst)
    if not fires(hi):
        raise RuntimeError("the whole episode does not raise DIAG1002")
    while lo < hi:
        mid = (lo + hi) // 2
        if fires(mid):
            hi = mid
        else:
            lo = mid + 1
        print("  calibration: the alert needs between %d and %d of the episode's %d lines" % (lo, hi, len(burst)), file=sys.stderr, flush=True)
    return lo


def schedule(burst, rate, seconds, lead, spread):
    """The stream: --rate items/s for `seconds`, the episode's lines spread evenly over [lead, lead + spread) s in place of
    filler, each filler line stamped as the newest episode line written before it (so the detector's clock follows the
    episode, as in the calibration). Yields (item, burst index or None)."""
    total = int(rate * seconds)
    first, count = int(rate * lead), len(burst)
    every = max(1, int(rate * spread) // count)
    slots = {first + i * every: i for i in range(count)}
    newest = log_time(burst[0]).timestamp() - 1
    for n in range(total):
        i = slots.get(n)
        if i is None:
            yield filler_line(n, newest), None
        else:
            newest = max(newest, log_time(burst[i]).timestamp())
            yield burst[i], i


def trial(server_dir, source, rate, seconds, lead, spread, batch, slack_url, lines, decisive):
    healthy = [l for l in lines if log_time(l).hour < 7]
    burst = [l for l in lines if log_time(l).hour == 7 and log_time(l).minute < 40]
    server = Server(server_dir, slack_url, healthy)
    try:
        server.wait_stored(attempts(healthy))
        time.sleep(1.0)  # let the detector's passes over the baseline finish
        FakeSlack.headlines.clear()
        interval = 1.0 / rate
        start = time.monotonic()
        at = None  # when the decisive episode line was written (or the request carrying it acknowledged)
        sent = 0
        if source == "webhook":
            auth = "Basic " + base64.b64encode(("%s:%s" % (USER, PASSWORD)).encode()).decode()
            conn = http.client.HTTPConnection("127.0.0.1", server.http_port, timeout=30)
            pending, carries = [], False
            for item, i in schedule(burst, rate, seconds, lead, spread):
                sent += 1
                event = sparkpost_event(item, sent)
                if event is not None:
                    pending.append(event)
                    carries = carries or i == decisive
                if len(pending) < batch:
                    continue
                pause = start + sent * interval - time.monotonic()
                if pause > 0:
                    time.sleep(pause)
                conn.request("POST", "/api/events/sparkpost", body=json.dumps(pending).encode(),
                             headers={"Content-Type": "application/json", "Authorization": auth, "X-MessageSystems-Batch-ID": "b%d" % sent})
                response = conn.getresponse()
                response.read()
                if response.status != 200:
                    raise RuntimeError("webhook answered %d" % response.status)
                if carries:
                    at = time.monotonic()
                pending, carries = [], False
            conn.close()
        else:
            sock = socket.create_connection(("127.0.0.1", server.syslog_port), timeout=30) if source == "syslog" else None
            f = open(server.log, "a") if source == "follow" else None
            try:
                for item, i in schedule(burst, rate, seconds, lead, spread):
                    if sock is not None:
                        frame = rfc5424(item).encode()
                        sock.sendall(b"%d %s" % (len(frame), frame))
                    else:
                        f.write(item + "\n")
                        f.flush()
                    sent += 1
                    if i == decisive:
                        at = time.monotonic()
                    pause = start + sent * interval - time.monotonic()
                    if pause > 0:
                        time.sleep(pause)
            finally:
                if sock is not None:
                    sock.close()
                if f is not None:
                    f.close()
        finished = time.monotonic()
        deadline = finished + 60
        while not FakeSlack.headlines and time.monotonic() < deadline:
            time.sleep(0.005)
        if not FakeSlack.headlines:
            raise RuntimeError("no alert posted (%d events sent in %.1f s)" % (sent, finished - start))
        posted, text = FakeSlack.headlines[0]
        if "DIAG1002" not in text:
            raise RuntimeError("unexpected headline: " + text)
        return posted - at, sent / (finished - start)
    finally:
        server.close()


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered), max(1, math.ceil(p / 100.0 * len(ordered)))) - 1]  # nearest rank


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--trials", type=int, default=10)
    parser.add_argument("--source", choices=["follow", "syslog", "webhook", "both", "all"], default="both")
    parser.add_argument("--rate", type=float, default=2000.0, help="events (lines) per second, sustained")
    parser.add_argument("--seconds", type=float, default=75.0, help="length of the sustained stream")
    parser.add_argument("--lead", type=float, default=20.0, help="seconds of the stream before the episode's first line")
    parser.add_argument("--spread", type=float, default=40.0, help="seconds over which the episode's lines are spread in the stream")
    parser.add_argument("--batch", type=int, default=100, help="events per webhook request")
    parser.add_argument("--decisive", type=int, help="the episode line (1-based) that makes the alert decidable; default: calibrated")
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
    sources = {"both": ["follow", "syslog"], "all": ["follow", "syslog", "webhook"]}.get(args.source, [args.source])
    healthy = [l for l in lines if log_time(l).hour < 7]
    burst = [l for l in lines if log_time(l).hour == 7 and log_time(l).minute < 40]
    if args.decisive is None:
        print("calibrating: which episode line makes the alert decidable...", file=sys.stderr, flush=True)
        args.decisive = decisive_line(server_dir, slack_url, healthy, burst)
    decisive = args.decisive - 1
    print("decisive line: %d of the episode's %d (written at %.1f s of the stream): %s" % (
        args.decisive, len(burst), args.lead + decisive * args.spread / len(burst), burst[decisive][:140]), flush=True)
    if " to=<" not in burst[decisive]:
        raise SystemExit("the decisive line is not an attempt; a webhook cannot carry it")
    results = {s: [] for s in sources}
    for n in range(args.trials):
        for source in sources:
            latency, achieved = trial(server_dir, source, args.rate, args.seconds, args.lead, args.spread, args.batch, slack_url, lines, decisive)
            results[source].append(latency)
            print("trial %d %-7s: alert %.3f s after the decisive event (stream %.0f events/s, load %.2f)" % (
                n + 1, source, latency, achieved, os.getloadavg()[0]), flush=True)
    load = os.getloadavg()
    for source, values in results.items():
        print("%s: n=%d p50 %.3f s, p95 %.3f s, max %.3f s (%d events/s sustained for %.0f s, load %.2f/%.2f/%.2f)" % (
            source, len(values), statistics.median(values), percentile(values, 95), max(values), args.rate, args.seconds, *load))
    slack.shutdown()


if __name__ == "__main__":
    main()

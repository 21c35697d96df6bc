#!/usr/bin/env python3
"""Webhook acknowledgement latency under load, whole process: the real server (Release build) on loopback with the
SparkPost webhook on (Basic auth; SparkPost posts batches of events), and an open-loop load of --rate events/s in
batches of --batch events, sent by --connections keep-alive connections for --seconds. Each batch is due at a fixed
time (start + i * batch / rate); its latency is measured from that due time to the response, so a server that falls
behind is charged for the wait (no coordinated omission). After the load, waits until every event acknowledged is in
the store and reports how long that took.

Usage: benchmarks/webhook-ack/run.py [--rate 10000] [--batch 100] [--seconds 30] [--warmup 5] [--connections 32]
                                     [--server DIR] [--store CONNECTION]
Prints p50/p95/p99/max of the acknowledgement, the statuses, the event rate achieved and the storing lag, with the load
average. Traffic stays on 127.0.0.1. Every event is a distinct SparkPost delay (its own event_id) to an iCloud address.
"""
import argparse, base64, http.client, json, math, os, shutil, socket, sqlite3, subprocess, sys, tempfile, threading, time

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
USER, PASSWORD = "bench", "bench-password-0123456789"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def event(n, now):
    return {"msys": {"message_event": {
        "type": "delay", "event_id": "bench-%d" % n, "timestamp": str(now - 60 + n % 60),
        "message_id": "bench%012d" % n, "transmission_id": str(6583215092 + n // 100),
        "rcpt_to": "user%d@icloud.com" % (n % 5000), "raw_rcpt_to": "user%d@icloud.com" % (n % 5000),
        "recipient_domain": "icloud.com", "msg_from": "bounces@bounces.example.com", "friendly_from": "news@example.com",
        "sending_domain": "example.com", "sending_ip": "192.0.2.%d" % (10 + n % 4), "ip_pool": "marketing",
        "bounce_class": "21", "error_code": "421",
        "raw_reason": "421 4.7.0 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137",
        "reason": "421 4.7.0 [CS01] Message rejected due to local policy.", "num_retries": "1", "rcpt_tags": ["newsletter"]}}}


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered), max(1, math.ceil(p / 100.0 * len(ordered)))) - 1]  # nearest rank


def stored(db):
    try:
        with sqlite3.connect("file:%s?mode=ro" % db, uri=True, timeout=1) as c:
            return c.execute("SELECT count(*) FROM events").fetchone()[0]
    except sqlite3.Error:
        return 0


def cpu_seconds(pid):
    """User + system CPU of a process so far (Linux /proc), or None elsewhere."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rate", type=float, default=10000.0, help="events per second, all connections together")
    parser.add_argument("--batch", type=int, default=100, help="events per request")
    parser.add_argument("--seconds", type=float, default=30.0, help="measured load duration")
    parser.add_argument("--warmup", type=float, default=5.0, help="load before the measured part (not counted)")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--server", help="a built server folder (default: build src/DeliverabilityBot.Server, Release)")
    parser.add_argument("--store", help="ConnectionStrings:History (a PostgreSQL database); default the SQLite store in a fresh folder")
    args = parser.parse_args()

    server_dir = args.server
    if server_dir is None:
        server_dir = os.path.join(tempfile.gettempdir(), "dbot-webhook-ack-server")
        print("building the server (Release)...", file=sys.stderr)
        subprocess.run(["dotnet", "build", os.path.join(REPO, "src", "DeliverabilityBot.Server"), "-c", "Release", "-o", server_dir,
                        "-v", "quiet", "-nologo"], check=True, stdout=subprocess.DEVNULL)

    interval = args.batch / args.rate
    total = int((args.warmup + args.seconds) / interval)
    warm = int(args.warmup / interval)
    now = int(time.time())
    print("preparing %d requests of %d events..." % (total, args.batch), file=sys.stderr)
    bodies = [json.dumps([event(i * args.batch + j, now) for j in range(args.batch)]).encode() for i in range(total)]

    work = tempfile.mkdtemp(prefix="dbot-webhook-ack-")
    port = free_port()
    env = dict(os.environ, data=os.path.join(work, "data"),
               Webhooks__SparkPost__Username=USER, Webhooks__SparkPost__Password=PASSWORD,
               Logging__LogLevel__Default="Warning", urls="http://127.0.0.1:%d" % port)  # overrides appsettings.json's Urls (ASPNETCORE_URLS does not)
    if args.store:
        env["ConnectionStrings__History"] = args.store
    server = subprocess.Popen(["dotnet", os.path.join(server_dir, "DeliverabilityBot.Server.dll")], env=env, cwd=server_dir,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    auth = "Basic " + base64.b64encode(("%s:%s" % (USER, PASSWORD)).encode()).decode()
    try:
        deadline = time.monotonic() + 120
        while True:
            if server.poll() is not None:
                raise RuntimeError("the server stopped: " + server.stderr.read().decode()[-3000:])
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("the server did not listen within 120 s")
                time.sleep(0.2)

        results = [None] * total  # (due, sent, done, status)
        start = time.monotonic() + 0.5

        def worker(k):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            for i in range(k, total, args.connections):
                due = start + i * interval
                pause = due - time.monotonic()
                if pause > 0:
                    time.sleep(pause)
                sent = time.monotonic()
                try:
                    conn.request("POST", "/api/events/sparkpost", body=bodies[i], headers={
                        "Content-Type": "application/json", "Authorization": auth, "X-MessageSystems-Batch-ID": "bench-batch-%d" % i})
                    response = conn.getresponse()
                    response.read()
                    status = response.status
                except (OSError, http.client.HTTPException) as e:
                    status = "error: %s" % e
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                results[i] = (due, sent, time.monotonic(), status)
            conn.close()

        load_before = os.getloadavg()
        cpu_before = cpu_seconds(server.pid)
        threads = [threading.Thread(target=worker, args=(k,), daemon=True) for k in range(args.connections)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        acked = time.monotonic()
        load_after = os.getloadavg()

        measured = results[warm:]
        latencies = [(done - due) * 1000 for due, sent, done, status in measured]
        service = [(done - sent) * 1000 for due, sent, done, status in measured]
        statuses = {}
        for r in results:
            statuses[str(r[3])] = statuses.get(str(r[3]), 0) + 1
        span = measured[-1][2] - measured[0][0]
        ok_events = sum(args.batch for r in results if r[3] == 200)

        store_lag = None
        if not args.store:
            db = os.path.join(work, "data", "dbot.db")
            deadline = time.monotonic() + 300
            while stored(db) < ok_events and time.monotonic() < deadline:
                time.sleep(0.1)
            count = stored(db)
            store_lag = time.monotonic() - acked if count >= ok_events else None
            print("stored %d of %d events acknowledged" % (count, ok_events))
        cpu_after = cpu_seconds(server.pid)
        if cpu_before is not None and cpu_after is not None and ok_events:
            # Load-independent: what the server spent per event, acknowledging and storing (the stream and the drain).
            print("server CPU %.1f s for %d events: %.0f us per event acknowledged and stored" % (
                cpu_after - cpu_before, ok_events, (cpu_after - cpu_before) / ok_events * 1e6))

        print("requests %d (%d measured after %.0f s warm-up), %d events each; statuses %s" % (
            total, len(measured), args.warmup, args.batch, statuses))
        print("ack latency from due time: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms" % (
            percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99), max(latencies)))
        print("ack latency from send:     p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms" % (
            percentile(service, 50), percentile(service, 95), percentile(service, 99), max(service)))
        print("offered %.0f events/s, achieved %.0f events/s over the measured %.1f s; all stored %s after the last ack" % (
            args.rate, len(measured) * args.batch / span, span, "%.1f s" % store_lag if store_lag is not None else "(not measured)"))
        print("load average before %.2f/%.2f/%.2f, after %.2f/%.2f/%.2f" % (*load_before, *load_after))
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The cluster check (issue 14): PostgreSQL, three `paperboy serve` nodes and HAProxy, all real and
local, and one line per behaviour a site on several nodes must keep. Run it through
bench/cluster-check.sh, which builds the jar and checks the Debian packages first.

Everything runs in a temporary folder that is removed at the end (--keep leaves it, with every
process's log). Nothing here is a stand-in for Paperboy: the nodes are the real launcher, the store
is Debian's PostgreSQL, the balancer Debian's HAProxy; the SMTP relay (aiosmtpd, slowed down) and
the arXiv OAI-PMH endpoint (one recorded page) are the only local stand-ins for outside services.
"""
import argparse
import asyncio
import concurrent.futures
import datetime as dt
import glob
import http.client
import json
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from email import message_from_bytes
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CSRF = re.compile(r'name="_csrf" value="([^"]+)"')
COUNT = re.compile(r'<span class="count">(\d+)</span><span class="label">upvotes')
PASSWORD = "cluster check password"
DB_PASSWORD = "cluster-check-" + os.urandom(6).hex()
FAKETIME_LIB = (glob.glob("/usr/lib/*/faketime/libfaketime.so.1") or [""])[0]

rows = []  # check, expected, seen, ok


def record(check, expected, seen, ok):
    rows.append((check, expected, seen, bool(ok)))
    print(f"  {'ok  ' if ok else 'FAIL'} {check}: {seen}", flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


# --- HTTP as a browser does it: cookies (per site, not per port), the last page's CSRF token ---

class Answer:
    def __init__(self, status, headers, body, seconds):
        self.status, self.headers, self.body, self.seconds = status, headers, body, seconds

    def header(self, name):
        return self.headers.get(name.lower())


def request(port, method, path, body=None, headers=None, timeout=30):
    started = time.monotonic()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        r = conn.getresponse()
        data = r.read().decode("utf-8", "replace")
        hdrs = {}
        for k, v in r.getheaders():
            hdrs.setdefault(k.lower(), []).append(v)
        return Answer(r.status, {k: v[0] if k != "set-cookie" else v for k, v in hdrs.items()}, data,
                      time.monotonic() - started)
    finally:
        conn.close()


class Browser:
    def __init__(self, port):
        self.port = port
        self.cookies = {}
        self.csrf = None

    def on(self, port):
        """The same browser (cookies, token) talking to another address."""
        other = Browser(port)
        other.cookies, other.csrf = self.cookies, self.csrf
        return other

    def _send(self, method, path, body=None, headers=None, timeout=30):
        h = dict(headers or {})
        if self.cookies:
            h["Cookie"] = "; ".join(f"{k}={v}" for k, v in list(self.cookies.items()))
        a = request(self.port, method, path, body, h, timeout)
        for c in a.headers.get("set-cookie", []):
            name, _, rest = c.partition("=")
            value = rest.split(";", 1)[0]
            if "max-age=0" in c.lower() or value == "":
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        m = CSRF.search(a.body)
        if m:
            self.csrf = m.group(1)
        return a

    def get(self, path, timeout=30):
        return self._send("GET", path, timeout=timeout)

    def post(self, path, fields, timeout=30):
        fields = dict(fields)
        if self.csrf:
            fields.setdefault("_csrf", self.csrf)
        return self._send("POST", path, urllib.parse.urlencode(fields),
                          {"Content-Type": "application/x-www-form-urlencoded"}, timeout)

    def api_post(self, path, timeout=30):
        return self._send("POST", path, b"", {"X-CSRF-Token": self.csrf or ""}, timeout)


def poll(seconds, probe, done, interval=0.05):
    """probe() until done(value) or seconds pass; returns (value, elapsed seconds or None)."""
    started = time.monotonic()
    value = None
    while time.monotonic() - started < seconds:
        try:
            value = probe()
            if done(value):
                return value, time.monotonic() - started
        except OSError:
            pass
        time.sleep(interval)
    return value, None


# --- the outside services: an SMTP relay that answers slowly, an OAI-PMH endpoint ---

class MailSink:
    """aiosmtpd on a free port, each message taking `delay` seconds, as a slow relay does."""

    def __init__(self, delay):
        from aiosmtpd.controller import Controller
        self.delay = delay
        self.mails = []
        self.lock = threading.Lock()
        sink = self

        class Handler:
            async def handle_DATA(self, server, session, envelope):
                await asyncio.sleep(sink.delay)
                message = message_from_bytes(envelope.content)
                with sink.lock:
                    sink.mails.append((list(envelope.rcpt_tos), message))
                return "250 OK"

        self.port = free_port()
        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def to(self, address, subject_part=""):
        with self.lock:
            return [m for rcpt, m in self.mails if address in rcpt and subject_part in str(m.get("Subject", ""))]

    def all(self):
        with self.lock:
            return list(self.mails)

    def stop(self):
        self.controller.stop()


def mail_text(message):
    parts = message.walk() if message.is_multipart() else [message]
    return "\n".join(p.get_payload(decode=True).decode("utf-8", "replace") for p in parts
                     if p.get_content_type() == "text/plain")


class OaiEndpoint:
    """Answers every ListRecords with one recorded arXiv page (no resumption), counting harvests."""

    def __init__(self):
        page = open(os.path.join(ROOT, "src/test/resources/samples/arxiv-oai-pmh/"
                                 "oaipmh-new-endpoint-listrecords-arXiv-plasm-ph-2026-01-05.xml"), "rb").read()
        endpoint = self
        self.first_pages = 0

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                if "resumptionToken" not in self.path:
                    endpoint.first_pages += 1
                self.send_response(200)
                self.send_header("Content-Type", "text/xml; charset=UTF-8")
                self.send_header("Content-Length", str(len(page)))
                self.end_headers()
                self.wfile.write(page)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.server.shutdown()


# --- PostgreSQL from Debian's binaries, in the work folder ---

class Postgres:
    def __init__(self, work):
        bins = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]))
        if not bins:
            sys.exit("needs Debian's PostgreSQL: apt-get install -y postgresql")
        self.bin = bins[-1]
        self.data = os.path.join(work, "pg")
        self.port = free_port()
        os.mkdir(self.data)
        # initdb refuses to run as root: then the cluster belongs to Debian's postgres user.
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_user:
            shutil.chown(self.data, "postgres", "postgres")
        pwfile = os.path.join(work, "pg-superuser-password")  # initdb wants an empty folder
        with open(pwfile, "w") as f:
            f.write(os.urandom(12).hex() + "\n")
        if self.as_user:
            shutil.chown(pwfile, "postgres", "postgres")
        self._run("initdb", "-D", self.data, "-U", "postgres", "--auth-local=trust", "--auth-host=scram-sha-256",
                  f"--pwfile={pwfile}", "-E", "UTF8", "--locale=C")
        self.start()
        self._run("psql", "-h", self.data, "-p", str(self.port), "-U", "postgres", "-d", "postgres", "-q",
                  "-c", f"CREATE ROLE paperboy LOGIN PASSWORD '{DB_PASSWORD}'", "-c", "CREATE DATABASE paperboy OWNER paperboy")
        self.url = f"jdbc:postgresql://127.0.0.1:{self.port}/paperboy?user=paperboy"

    def _run(self, tool, *args):
        done = subprocess.run(self.as_user + [os.path.join(self.bin, tool), *args], stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
        if done.returncode != 0:
            raise SystemExit(f"{tool} failed: {done.stderr.strip()}")

    def start(self):
        self._run("pg_ctl", "-D", self.data, "-l", os.path.join(self.data, "server.log"), "-w", "-o",
                  f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1 -c max_connections=100", "start")

    def stop(self):
        if os.path.exists(os.path.join(self.data, "postmaster.pid")):
            self._run("pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop")

    def query(self, sql):
        """One value or rows (tab-separated) as paperboy over TCP, the password from the environment."""
        out = subprocess.run([os.path.join(self.bin, "psql"), "-h", "127.0.0.1", "-p", str(self.port), "-U",
                              "paperboy", "-d", "paperboy", "-Atc", sql], check=True, capture_output=True, text=True,
                             env={**os.environ, "PGPASSWORD": DB_PASSWORD}).stdout
        return out.strip()


# --- the nodes and the balancer ---

class Node:
    def __init__(self, number, work, pg, mail, oai, site_port):
        self.number = number
        self.port = free_port()
        self.data = os.path.join(work, f"node{number}")
        os.makedirs(self.data, exist_ok=True)
        self.args = [os.path.join(ROOT, "paperboy"), "serve", "--port", str(self.port), "--data", self.data,
                     "--db", pg.url, "--no-embeddings", "--site-url", f"http://127.0.0.1:{site_port}",
                     "--smtp-host", "127.0.0.1", "--smtp-port", str(mail.port), "--smtp-security", "NONE",
                     "--trusted-proxy", "127.0.0.1", "--signups-per-address", "10000", "--mails-per-address", "10000",
                     "--harvest-set", "cs", "--harvest-base-url", f"http://127.0.0.1:{oai.port}/oai",
                     "--contact", "cluster-check@example.org",
                     "--drain-timeout", "20", "--db-pool-size", "10"]
        # The store's password from the environment, never on the command line.
        # Until shift(), the nightly hour is half a day away, so that it cannot come during the check.
        self.env = {**os.environ, "PAPERBOY_DB_PASSWORD": DB_PASSWORD, "PAPERBOY_JAVA_OPTS": "-Xmx512m",
                    "PAPERBOY_HARVEST_HOUR": str((dt.datetime.now(dt.timezone.utc).hour + 12) % 24)}
        self.proc = None
        self.pg = pg
        self.log = os.path.join(work, f"node{number}.log")

    def shift(self, seconds, harvest_hour):
        """From the next start on, the clock runs `seconds` ahead (libfaketime; timers keep the real
        monotonic clock), alike on every node, and the nightly harvest is at `harvest_hour` on it."""
        self.env.update({"LD_PRELOAD": FAKETIME_LIB, "FAKETIME": f"+{seconds}s", "FAKETIME_DONT_FAKE_MONOTONIC": "1",
                         "PAPERBOY_HARVEST_HOUR": str(harvest_hour)})

    def start(self, demo=False):
        with open(self.log, "a") as out:
            self.proc = subprocess.Popen(self.args + (["--demo"] if demo else []), env=self.env, stdout=out,
                                         stderr=subprocess.STDOUT, cwd=self.data, start_new_session=True)

    def ready(self, seconds=600):
        _, took = poll(seconds, lambda: request(self.port, "GET", "/health/ready", timeout=5).status,
                       lambda s: s == 200, 0.25)
        if took is None:
            self.diagnose()
            raise SystemExit(f"node {self.number} was not ready in {seconds} s; see {self.log} and its .threads and .pg files")
        return took

    def diagnose(self):
        """A node that does not answer: every thread of it, virtual ones too (jstack leaves out those
        not mounted, which may be the ones holding the pool's connections), and what PostgreSQL's
        sessions are doing."""
        dump = os.path.join(os.path.dirname(self.log), f"node{self.number}.threads.txt")
        if self.proc and self.proc.poll() is None:
            jcmd = os.path.join(os.path.dirname(os.path.realpath(f"/proc/{self.proc.pid}/exe")), "jcmd")  # the node's own JDK
            subprocess.run([jcmd, str(self.proc.pid), "Thread.dump_to_file", "-overwrite", dump],
                           capture_output=True, timeout=60)
        with open(os.path.join(os.path.dirname(self.log), f"node{self.number}.pg.txt"), "w") as f:
            f.write(self.pg.query("SELECT pid, application_name, state, wait_event_type, wait_event, "
                                  "now() - state_change, left(query, 200) FROM pg_stat_activity "
                                  "WHERE datname = 'paperboy' ORDER BY state, pid"))

    def kill9(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    def terminate(self):
        started = time.monotonic()
        self.proc.send_signal(signal.SIGTERM)
        self.proc.wait(timeout=60)
        return time.monotonic() - started

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()


class Balancer:
    """HAProxy: traffic to the nodes whose /health/ready answers; if none does (the store is away),
    to the nodes whose /health/live answers, which still serve cached pages and fail the rest fast."""

    def __init__(self, work, nodes, port):
        self.port = port
        self.socket = os.path.join(work, "haproxy.sock")
        servers = "\n".join(f"  server n{n.number} 127.0.0.1:{n.port} check" for n in nodes)
        config = f"""
global
  stats socket {self.socket} mode 600 level admin
defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  timeout check 2s
  retries 3
  option redispatch 1
  retry-on conn-failure empty-response
  default-server inter 500ms fall 2 rise 1
frontend site
  bind 127.0.0.1:{self.port}
  option forwardfor
  use_backend live if {{ nbsrv(ready) eq 0 }}
  default_backend ready
backend ready
  balance roundrobin
  option httpchk GET /health/ready
{servers}
backend live
  balance roundrobin
  option httpchk GET /health/live
{servers}
"""
        path = os.path.join(work, "haproxy.cfg")
        with open(path, "w") as f:
            f.write(config)
        self.log = open(os.path.join(work, "haproxy.log"), "w")
        self.proc = subprocess.Popen(["haproxy", "-f", path, "-db"], stdout=self.log, stderr=subprocess.STDOUT)

    def command(self, line):
        with socket.socket(socket.AF_UNIX) as s:
            s.connect(self.socket)
            s.sendall((line + "\n").encode())
            return s.recv(65536).decode()

    def set_state(self, node, state):
        for backend in ("ready", "live"):
            self.command(f"set server {backend}/n{node.number} state {state}")

    def stop(self):
        self.proc.terminate()
        self.proc.wait()


# --- the check ---

def sign_up(port, mail, name):
    b = Browser(port)
    b.get("/signup")
    a = b.post("/signup", {"email": f"{name}@example.org", "name": name, "display_name": f"Member {name}",
                           "password": PASSWORD})
    if a.status != 303:
        raise SystemExit(f"sign-up of {name} answered {a.status}: {a.body[:300]}")
    mails, _ = poll(30, lambda: mail.to(f"{name}@example.org"), lambda m: len(m) > 0)
    link = urllib.parse.urlsplit(re.search(r"https?://\S*/verify\?token=\S+", mail_text(mails[0])).group(0))
    log_in(b, name)  # the link confirms the address of the member signed in
    if b.get(f"{link.path}?{link.query}").status != 200:
        raise SystemExit(f"the confirmation link of {name} was refused")
    b.get("/settings")
    return b


def log_in(b, name):
    b.get("/login")
    a = b.post("/login", {"email": f"{name}@example.org", "password": PASSWORD})
    if a.status != 303:
        raise SystemExit(f"log-in of {name} answered {a.status}: {a.body[:300]}")
    b.get("/settings")
    return a


def papers(pg, limit):
    return pg.query(f"SELECT id FROM papers ORDER BY id DESC LIMIT {limit}").split("\n")


def check_sessions(nodes, mail):
    member = sign_up(nodes[0].port, mail, "cluster-session")
    seen = []
    for n in nodes[1:]:
        a = member.on(n.port).get("/settings")
        seen.append(a.status == 200 and "cluster-session@example.org" in a.body)
    # A token read on node 3, sent to node 2.
    token = member.on(nodes[2].port)
    token.get("/settings")
    posted = token.on(nodes[1].port).post("/settings/tokens", {"label": "across nodes"})
    record("session and CSRF token across nodes", "signed in on nodes 2, 3; form of node 3 taken by node 2",
           f"signed in on {sum(seen)} of 2; form answered {posted.status}", all(seen) and posted.status == 200)


def check_comment(nodes, mail):
    paper = "2606.11662"
    text = f"Seen on every node {os.urandom(3).hex()}"
    nodes[2].port and request(nodes[2].port, "GET", f"/papers/{paper}")  # in node 3's page cache
    author = sign_up(nodes[0].port, mail, "cluster-author")
    author.get(f"/papers/{paper}")
    posted = author.post(f"/papers/{paper}/comments", {"body": text})
    _, took = poll(10, lambda: request(nodes[2].port, "GET", f"/papers/{paper}").body, lambda b: text in b, 0.02)
    record("comment via node 1 on node 3's anonymous page", "within 2 s",
           f"{took:.2f} s" if took is not None else f"not in 10 s (post {posted.status})",
           posted.status == 303 and took is not None and took <= 2)


def check_vote(nodes, voter):
    paper = "2606.00467"
    before = int(COUNT.search(request(nodes[0].port, "GET", f"/papers/{paper}").body).group(1))
    request(nodes[2].port, "GET", f"/papers/{paper}")
    b = voter.on(nodes[1].port)
    b.get(f"/papers/{paper}")
    voted = b.api_post(f"/api/papers/{paper}/upvote")
    answered = time.monotonic()
    took = []
    for n in (nodes[0], nodes[2]):
        _, t = poll(10, lambda: int(COUNT.search(request(n.port, "GET", f"/papers/{paper}").body).group(1)),
                    lambda c: c == before + 1, 0.02)
        took.append(None if t is None else time.monotonic() - answered)  # both from the vote's answer
    ok = voted.status == 200 and all(t is not None and t <= 2 for t in took)
    record("vote via node 2 on nodes 1 and 3's anonymous pages", "within 2 s",
           ", ".join(f"{t:.2f} s" if t is not None else "not in 10 s" for t in took), ok)


def check_search(nodes, pg, work, count):
    token = "quokkacluster" + os.urandom(3).hex()
    path = os.path.join(work, "papers.jsonl")
    with open(path, "w") as f:
        for i in range(count):
            f.write(json.dumps({
                "id": f"2501.9{i:04d}", "submitter": "Cluster Check", "authors": "A. Author, B. Author",
                "title": f"Paper {i} of the cluster check" + (f" about {token}" if i == count - 1 else ""),
                "comments": None, "journal-ref": None, "doi": None, "report-no": None, "categories": "cs.DC",
                "license": None, "abstract": f"Synthetic paper {i} imported while three nodes serve.",
                "versions": [{"version": "v1", "created": "Mon, 6 Jan 2025 10:00:00 GMT"}],
                "update_date": "2025-01-06", "authors_parsed": [["Author", "A.", ""], ["Author", "B.", ""]]}) + "\n")
    imported = subprocess.run([os.path.join(ROOT, "paperboy"), "import", "--db", pg.url, "--data",
                               os.path.join(work, "cli"), path], capture_output=True, text=True,
                              env={**os.environ, "PAPERBOY_DB_PASSWORD": DB_PASSWORD})
    exited = time.monotonic()
    stored = int(pg.query("SELECT count(*) FROM papers WHERE id LIKE '2501.9%'"))
    # Every node polled at once, each timed from the import's exit (polled one after another, a
    # node's time included the time the ones before it took to be found).
    def searchable(n):
        _, t = poll(60, lambda: request(n.port, "GET", f"/api/papers/search?q={token}").body,
                    lambda b: f"2501.9{count - 1:04d}" in b, 0.05)
        return None if t is None else time.monotonic() - exited
    with concurrent.futures.ThreadPoolExecutor(len(nodes)) as pool:
        took = list(pool.map(searchable, nodes))
    ok = imported.returncode == 0 and stored == count and all(t is not None and t <= 5 for t in took)
    record(f"search catch-up: {count:,} papers imported by another process", "searchable on every node within 5 s",
           f"{stored:,} stored; " + ", ".join(f"{t:.1f} s" if t is not None else "not in 60 s" for t in took)
           + (f" (import exit {imported.returncode})" if imported.returncode else ""), ok)


def subscribe(member, hour):
    member.get("/settings/digest")
    a = member.post("/settings/digest", {"frequency": "daily", "hour": str(hour), "zone": "UTC", "searches": "",
                                         "authors": "", "categories": ""})
    if a.status != 303:
        raise SystemExit(f"digest settings answered {a.status}: {a.body[:300]}")


def check_digests(pg, mail, work, members, now_fake):
    """Two `digest run`s at once (the nodes' own ticks may join in), through a relay answering slowly."""
    now = (now_fake + dt.timedelta(minutes=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
    before = {m: len(mail.to(f"{m}@example.org", "")) for m in members}
    runs = [subprocess.Popen([os.path.join(ROOT, "paperboy"), "digest", "run", "--db", pg.url, "--data",
                              os.path.join(work, f"digest{i}"), "--now", now, "--smtp-host", "127.0.0.1",
                              "--smtp-port", str(mail.port), "--smtp-security", "NONE",
                              "--site-url", "http://127.0.0.1"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             text=True, env={**os.environ, "PAPERBOY_DB_PASSWORD": DB_PASSWORD}) for i in (1, 2)]
    outputs = [r.communicate()[0] for r in runs]
    with open(os.path.join(work, "digest-runs.log"), "w") as f:
        f.write("\n---\n".join(outputs))
    poll(60, lambda: pg.query("SELECT count(*) FROM digest_outbox WHERE status IN ('pending','sending')"),
         lambda c: c == "0", 0.5)
    counts = [sum(1 for m in mail.to(f"{name}@example.org") if "igest" in str(m.get("Subject", "")))
              - 0 for name in members]
    ids = [m.get("Message-ID") for rcpt, m in mail.all() if "igest" in str(m.get("Subject", ""))]
    sent_by = [re.search(r"(\d+) sent", o) for o in outputs]
    record(f"digests once: two `digest run`s at once, relay 0.3 s a mail, {len(members)} subscribers",
           "1 mail each", f"{min(counts)}-{max(counts)} each, {len(ids)} mails, {len(set(ids))} Message-IDs"
           f" (runs sent {'+'.join(s.group(1) if s else '?' for s in sent_by)})",
           all(c == 1 for c in counts) and len(ids) == len(set(ids)) == len(members))


def check_nightly(pg, oai, nodes, boundary_fake):
    """At the hour every node wakes up; one claims the day's run, the others log that it is another's."""
    day = boundary_fake.date().isoformat()
    value, _ = poll(180, lambda: pg.query("SELECT count(*), count(finished_at), string_agg(node, ',') FROM job_runs "
                                          f"WHERE job = 'harvest:arxiv' AND run_key = '{day}'"),
                    lambda v: v.split("|")[1] == "1", 0.5)
    time.sleep(3)  # a second node's harvest, if any, would have asked by now
    runs, finished, node = value.split("|")
    declined = sum(1 for n in nodes if f"harvest:arxiv of {day} is another node's" in open(n.log).read())
    record("nightly harvest at its hour, three nodes", "1 run, 2 nodes decline, 1 harvest asked of arXiv",
           f"{runs} run ({node}), {declined} declined, {oai.first_pages} harvest asked",
           runs == "1" and finished == "1" and declined == 2 and oai.first_pages == 1)


def check_kill(nodes, balancer, members, pg):
    """Upvotes through HAProxy from every member on many papers; node 2 is killed -9 a third of the way."""
    ids = papers(pg, 40)
    plan = [(m, p) for p in ids for m in members]
    acknowledged, failures, done = [], [], [0]
    lock = threading.Lock()

    def vote(item):
        name, paper = item
        b = members[name].on(balancer.port)
        try:
            a = b.api_post(f"/api/papers/{paper}/upvote")
            with lock:
                done[0] += 1
                (acknowledged if a.status == 200 else failures).append((name, paper, a.status))
        except OSError as e:
            with lock:
                done[0] += 1
                failures.append((name, paper, str(e)))

    killer = threading.Thread(target=lambda: (poll(120, lambda: done[0], lambda d: d >= len(plan) // 3, 0.01),
                                              nodes[1].kill9()))
    killer.start()
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        list(pool.map(vote, plan))
    killer.join()
    uids = dict(line.split("|") for line in pg.query(
        "SELECT name, id FROM users WHERE name LIKE 'cluster-m%'").split("\n"))
    stored = set(tuple(line.split("|")) for line in pg.query(
        "SELECT user_id, paper_id FROM votes v JOIN users u ON u.id = v.user_id WHERE u.name LIKE 'cluster-m%'")
        .split("\n") if line)
    lost = [a for a in acknowledged if (uids[a[0]], a[1]) not in stored]
    record(f"kill -9 of node 2 during {len(plan):,} upvotes through HAProxy", "no acknowledged vote lost",
           f"{len(acknowledged):,} acknowledged, {len(lost)} lost; {len(failures)} refused or cut "
           f"({', '.join(sorted(set(str(f[2]) for f in failures))) or 'none'})", not lost and acknowledged)


class Load:
    """Visitors and members through HAProxy while something happens: counts every answer."""

    def __init__(self, port, members, pages, threads=4):
        self.port, self.members, self.pages = port, list(members.values()), pages
        self.stop_flag = threading.Event()
        self.answers, self.failures = 0, []
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self.run, args=(i,)) for i in range(threads)]

    def run(self, i):
        k = 0
        while not self.stop_flag.is_set():
            k += 1
            path = self.pages[k % len(self.pages)]
            try:
                if i % 2 == 0:  # a visitor: the pages anyone may see
                    path = "/" if path == "/settings" else path
                    a = request(self.port, "GET", path, timeout=30)
                else:
                    a = self.members[k % len(self.members)].on(self.port).get(path, timeout=30)
                ok = a.status == 200
                seen = a.status
            except OSError as e:
                ok, seen = False, type(e).__name__
            with self.lock:
                self.answers += 1
                if not ok:
                    self.failures.append(seen)

    def __enter__(self):
        for t in self.threads:
            t.start()
        return self

    def __exit__(self, *exc):
        self.stop_flag.set()
        for t in self.threads:
            t.join()


def check_store_outage(nodes, balancer, pg, members):
    member = next(iter(members.values())).on(balancer.port)
    # Each node keeps anonymous pages per Host: the one visitors send is the balancer's. Round robin
    # over the three nodes, so nine requests leave "/" in every node's cache.
    for _ in range(9):
        request(balancer.port, "GET", "/")
    pg.stop()
    stopped = time.monotonic()
    cached, needs_store, slowest, retry_after = [], [], 0.0, set()
    time.sleep(2)  # HAProxy sees /health/ready fail (2 checks 0.5 s apart) and turns to /health/live
    while time.monotonic() - stopped < 20:
        cached.append(request(balancer.port, "GET", "/", timeout=30).status)
        a = member.get("/settings", timeout=30)
        needs_store.append(a.status)
        slowest = max(slowest, a.seconds)
        retry_after.add(a.header("retry-after"))
        time.sleep(0.5)
    pg.start()
    back = time.monotonic()
    took = []
    for n in nodes:
        _, t = poll(60, lambda: request(n.port, "GET", "/health/ready", timeout=5).status, lambda s: s == 200, 0.1)
        took.append(time.monotonic() - back if t is not None else None)
    answered = member.get("/settings").status
    record("PostgreSQL stopped 20 s: cached page through HAProxy", "200 throughout",
           f"{cached.count(200)} of {len(cached)} answered 200"
           + ("" if all(s == 200 for s in cached) else f" ({', '.join(map(str, cached))})"),
           cached and all(s == 200 for s in cached))
    record("PostgreSQL stopped 20 s: member's page through HAProxy", "503 with Retry-After, in ≤ 4 s",
           f"{needs_store.count(503)} of {len(needs_store)} 503, Retry-After {'/'.join(sorted(map(str, retry_after)))},"
           f" slowest {slowest:.1f} s", all(s == 503 for s in needs_store) and None not in retry_after
           and slowest <= 4)
    record("PostgreSQL back: every node ready again", "within 10 s",
           ", ".join(f"{t:.1f} s" if t is not None else "not in 60 s" for t in took) + f"; member's page {answered}",
           all(t is not None and t <= 10 for t in took) and answered == 200)


def check_rolling_restart(nodes, balancer, members):
    pages = ["/", "/papers/2606.00467", "/papers/2606.11662", "/settings", "/papers?q=retrieval"]
    with Load(balancer.port, members, pages) as load:
        time.sleep(2)
        slowest = 0
        for n in nodes:
            balancer.set_state(n, "drain")
            time.sleep(1.5)  # requests already sent to it finish; new ones go to the others
            n.terminate()
            n.start()
            slowest = max(slowest, n.ready())
            balancer.set_state(n, "ready")
            time.sleep(2)
        time.sleep(2)
    record(f"rolling restart of 3 nodes under load ({load.answers:,} requests)", "0 failed",
           f"{len(load.failures)} failed" + (f" ({', '.join(sorted(set(map(str, load.failures))))})"
                                             if load.failures else ""), not load.failures)
    return slowest


def guarded(name, check, *args):
    """Runs one check; if it breaks (a tool missing, an answer not as the check reads it), the line says so."""
    try:
        return check(*args)
    except Exception as e:  # noqa: BLE001 - any breakage is this check's failure, and the others still run
        record(name, "as above", f"the check broke: {type(e).__name__}: {e}"[:160], False)
        return None


def table():
    widths = [max(len(str(r[i])) for r in rows + [("check", "expected", "seen", "ok")]) for i in range(3)]
    lines = [f"| {'check'.ljust(widths[0])} | {'expected'.ljust(widths[1])} | {'seen'.ljust(widths[2])} | ok |",
             f"| {'-' * widths[0]} | {'-' * widths[1]} | {'-' * widths[2]} | -- |"]
    for check, expected, seen, ok in rows:
        lines.append(f"| {check.ljust(widths[0])} | {expected.ljust(widths[1])} | {str(seen).ljust(widths[2])} | "
                     f"{'✓ ' if ok else '✗ '} |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--keep", action="store_true", help="keep the work folder and its logs")
    parser.add_argument("--papers", type=int, default=2000, help="papers imported for the search catch-up")
    parser.add_argument("--members", type=int, default=20, help="members voting and subscribed to digests")
    parser.add_argument("--settle", type=int, default=0,
                        help="seconds from the nodes' last start until their shifted clock reaches the nightly hour "
                             "(default: three times the slowest start of the rolling restart, plus 30)")
    opts = parser.parse_args()
    if not FAKETIME_LIB or not shutil.which("haproxy"):
        sys.exit("needs Debian's haproxy and faketime: apt-get install -y haproxy faketime")
    work = tempfile.mkdtemp(prefix="paperboy-cluster.")
    os.chmod(work, 0o755)
    started = time.monotonic()
    pg = mail = oai = balancer = None
    nodes = []
    try:
        log(f"work folder {work}")
        pg = Postgres(work)
        log(f"PostgreSQL {pg.query('SHOW server_version')} on port {pg.port}")
        mail = MailSink(0.3)
        oai = OaiEndpoint()
        site_port = free_port()
        nodes = [Node(i, work, pg, mail, oai, site_port) for i in (1, 2, 3)]
        nodes[0].start(demo=True)
        log(f"node 1 laid out the demo site in {nodes[0].ready():.0f} s")
        for n in nodes[1:]:
            n.start()
        for n in nodes[1:]:
            n.ready()
        # HAProxy listens on the port the nodes were told is the site's address.
        balancer = Balancer(work, nodes, site_port)
        balancer_port = balancer.port
        poll(20, lambda: request(balancer_port, "GET", "/health/ready").status, lambda s: s == 200, 0.2)
        log(f"three nodes and HAProxy up on port {balancer_port} after {time.monotonic() - started:.0f} s")

        check_sessions(nodes, mail)
        check_comment(nodes, mail)
        members = {}
        for i in range(opts.members):
            name = f"cluster-m{i:02d}"
            members[name] = sign_up(balancer_port, mail, name)
        log(f"{len(members)} members signed up through HAProxy and confirmed from their mail")
        guarded("vote across nodes", check_vote, nodes, next(iter(members.values())))
        guarded("search catch-up", check_search, nodes, pg, work, opts.papers)
        guarded("kill -9 during a vote burst", check_kill, nodes, balancer, members, pg)
        nodes[1].start()
        nodes[1].ready()
        guarded("PostgreSQL stopped", check_store_outage, nodes, balancer, pg, members)
        slowest_start = guarded("rolling restart", check_rolling_restart, nodes, balancer, members) or 90

        # The nightly hour: every node restarted with its clock ahead (libfaketime), alike on all,
        # so that it reaches a whole hour once all three are up again.
        settle = opts.settle or int(slowest_start * 3 + 30)
        boundary_real = dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=settle)
        boundary_fake = (boundary_real + dt.timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)
        offset = int((boundary_fake - boundary_real).total_seconds())
        for name, member in members.items():
            subscribe(member.on(balancer_port), boundary_fake.hour)
        log(f"{len(members)} members subscribed to the daily digest at {boundary_fake:%H}:00 UTC; restarting the "
            f"nodes with their clocks +{offset} s, so that their nightly hour comes in {settle} s")
        for n in nodes:
            n.terminate()
        # The harvest hour is the site's (the store's site_settings, as the operator page stores it),
        # not each node's option: the first node seeded it from its own; the check sets it as an admin would.
        pg.query("INSERT INTO site_settings (name, value, updated_at, updated_by) VALUES ('harvest_hour', "
                 f"'{boundary_fake.hour}', '{dt.datetime.now(dt.timezone.utc):%Y-%m-%dT%H:%M:%SZ}', 'cluster check') "
                 "ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, "
                 "updated_by = excluded.updated_by")
        for n in nodes:
            n.shift(offset, boundary_fake.hour)
            n.start()
        for n in nodes:
            n.ready()
        wait = (boundary_real - dt.datetime.now(dt.timezone.utc)).total_seconds()
        log(f"three nodes up again, {wait:.0f} s before their nightly hour")
        time.sleep(max(0, wait) + 2)
        guarded("nightly harvest", check_nightly, pg, oai, nodes, boundary_fake)
        guarded("digests once", check_digests, pg, mail, work, list(members), boundary_fake)
    finally:
        for n in nodes:
            n.stop()
        if balancer:
            balancer.stop()
        if pg:
            pg.stop()
        if mail:
            mail.stop()
        if oai:
            oai.stop()
        if opts.keep:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
        # The lines measured so far, even when the check stopped early.
        print()
        print(f"PostgreSQL, 3 nodes, HAProxy; {os.cpu_count()} cores; {time.monotonic() - started:.0f} s in all")
        print(table())
    sys.exit(0 if rows and all(r[3] for r in rows) else 1)


if __name__ == "__main__":
    main()

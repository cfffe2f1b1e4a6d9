"""Median answer times of POST /reset and POST /signup for addresses with and without an account,
against a running `./paperboy serve --demo --signups-per-address 100000` on 127.0.0.1:PORT.
Each client speaks from its own loopback address (127.0.x.y) so no throttle answers instead.
usage: python3 security/enumeration-timing.py PORT LABEL"""
import http.client, re, sys, time, statistics, urllib.parse

PORT = int(sys.argv[1]); LABEL = sys.argv[2]; K = 60
CSRF = re.compile(r'name="_csrf" value="([^"]+)"')

class Client:
    def __init__(self, ip):
        self.ip = ip; self.cookies = {}
    def req(self, method, path, fields=None):
        c = http.client.HTTPConnection("127.0.0.1", PORT, source_address=(self.ip, 0), timeout=30)
        headers = {"Origin": f"http://127.0.0.1:{PORT}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if fields is not None:
            body = urllib.parse.urlencode(fields); headers["Content-Type"] = "application/x-www-form-urlencoded"
        t = time.perf_counter()
        c.request(method, path, body=body, headers=headers)
        r = c.getresponse(); data = r.read().decode()
        elapsed = time.perf_counter() - t
        for h, v in r.getheaders():
            if h.lower() == "set-cookie":
                k, _, rest = v.partition("="); val = rest.split(";")[0]
                if val: self.cookies[k] = val
                else: self.cookies.pop(k, None)
        m = CSRF.search(data)
        if m: self.csrf = m.group(1)
        c.close()
        return r.status, elapsed

def form(client, page, path, fields):
    client.req("GET", page)
    return client.req("POST", path, dict(fields, _csrf=client.csrf))

# accounts k0..k59 exist
for i in range(K):
    st, _ = form(Client("127.0.0.1"), "/signup", "/signup", {"email": f"k{i}@example.org", "name": f"k{i}x",
        "display_name": f"Known {i}", "password": "correct horse battery"})
    assert st in (303,), st

known, unknown = [], []
for rnd in range(3):
    for i in range(K):
        c = Client(f"127.0.{rnd + 1}.{i + 1}")
        st1, t1 = form(c, "/reset", "/reset", {"email": f"k{i}@example.org"})
        st2, t2 = form(c, "/reset", "/reset", {"email": f"nobody{rnd}-{i}@example.org"})
        assert st1 == 200 and st2 == 200, (st1, st2)
        known.append(t1); unknown.append(t2)

taken, fresh = [], []
for i in range(K):
    c = Client(f"127.0.9.{i + 1}")
    st1, t1 = form(c, "/signup", "/signup", {"email": f"k{i}@example.org", "name": f"t{i}y",
        "display_name": f"Taken {i}", "password": "correct horse battery"})
    st2, t2 = form(c, "/signup", "/signup", {"email": f"fresh{i}@example.org", "name": f"f{i}y",
        "display_name": f"Fresh {i}", "password": "correct horse battery"})
    taken.append((st1, t1)); fresh.append((st2, t2))

ms = lambda xs: round(statistics.median(xs) * 1000, 2)
print(f"{LABEL}: POST /reset median over {len(known)} each: known {ms(known)} ms, unknown {ms(unknown)} ms")
print(f"{LABEL}: POST /signup median over {K} each: taken address {ms([t for _, t in taken])} ms (status {sorted(set(s for s, _ in taken))}), "
      f"new address {ms([t for _, t in fresh])} ms (status {sorted(set(s for s, _ in fresh))})")

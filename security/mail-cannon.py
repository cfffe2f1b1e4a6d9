"""Issue 17, finding 2 rerun: how many mails one mailbox gets when a client asks again and again,
against a running `./paperboy serve --demo --data DIR` on 127.0.0.1:PORT (mail written as .eml
files under DIR/mail). Prints the answers' status codes and the mails each mailbox received.
usage: python3 security/mail-cannon.py PORT DATA_DIR"""
import collections, email, http.client, pathlib, re, sys, urllib.parse

PORT = int(sys.argv[1]); MAIL = pathlib.Path(sys.argv[2]) / "mail"
CSRF = re.compile(r'name="_csrf" value="([^"]+)"')

class Client:
    def __init__(self, ip):
        self.ip = ip; self.cookies = {}; self.csrf = None
    def req(self, method, path, fields=None):
        c = http.client.HTTPConnection("127.0.0.1", PORT, source_address=(self.ip, 0), timeout=30)
        headers = {"Origin": f"http://127.0.0.1:{PORT}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if fields is not None:
            body = urllib.parse.urlencode(fields); headers["Content-Type"] = "application/x-www-form-urlencoded"
        c.request(method, path, body=body, headers=headers)
        r = c.getresponse(); data = r.read().decode()
        for h, v in r.getheaders():
            if h.lower() == "set-cookie":
                k, _, rest = v.partition("="); val = rest.split(";")[0]
                if val: self.cookies[k] = val
                else: self.cookies.pop(k, None)
        m = CSRF.search(data)
        if m: self.csrf = m.group(1)
        c.close()
        return r.status

def form(client, page, path, fields):
    client.req("GET", page)
    return client.req("POST", path, dict(fields, _csrf=client.csrf))

def mails_to(local):
    counts = collections.Counter()
    for f in MAIL.rglob("*.eml"):
        to = email.message_from_bytes(f.read_bytes())["To"] or ""
        if local in to.lower():
            counts[to] += 1
    return sum(counts.values())

# 1. 30 POST /settings/verify by an unconfirmed member.
member = Client("127.0.0.1")
print("sign-up", form(member, "/signup", "/signup", {"email": "cannon@example.org", "name": "cannon",
      "display_name": "Cannon", "password": "correct horse battery"}))
print("login", form(member, "/login", "/login", {"email": "cannon@example.org", "password": "correct horse battery"}))
answers = collections.Counter(form(member, "/settings", "/settings/verify", {}) for _ in range(30))
print("30 x POST /settings/verify:", dict(answers), "-> mails to cannon@:", mails_to("cannon@example.org"))

# 2. 20 subscribe requests to victim+N@ from 4 client addresses.
answers = collections.Counter(form(Client(f"127.0.5.{n % 4 + 1}"), "/subscribe", "/subscribe",
    {"email": f"victim+{n}@example.org", "frequency": "daily", "hour": "8", "zone": "UTC"}) for n in range(20))
print("20 x POST /subscribe victim+N@ from 4 addresses:", dict(answers), "-> mails to victim:", mails_to("victim"))

# 3. 20 resets of the member's address and a sign-up with it, each from its own client address.
answers = collections.Counter(form(Client(f"127.0.6.{n + 1}"), "/reset", "/reset", {"email": "cannon@example.org"})
    for n in range(20))
answers[form(Client("127.0.7.1"), "/signup", "/signup", {"email": "CANNON@example.org", "name": "impostor",
    "display_name": "Impostor", "password": "correct horse battery"})] += 1
print("20 x POST /reset cannon@ from 20 addresses + a sign-up with CANNON@:", dict(answers),
      "-> mails to cannon@:", mails_to("cannon@example.org"))

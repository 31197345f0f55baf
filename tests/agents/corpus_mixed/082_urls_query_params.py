# Normalize links found in pages with urllib.parse, build export query strings
# with urlencode and read them back with parse_qs; html.escape the report.
import html
import re
from urllib.parse import parse_qs, quote, urlencode, urljoin, urlparse, urlunparse

link_re = re.compile(r"https?://\S+")
base = urlparse("https://docs.example/export")
report = []
text = fetch_page(base.geturl())
for line in text.splitlines():
    if line.startswith("GET "):
        path = line.split()[1]
        u = urlparse(urljoin(base.geturl(), path))
        qs = parse_qs(u.query)
        print(u.scheme, u.netloc, u.path, qs)
        for table in ("orders", "customers"):
            q = urlencode({"table": table, "fmt": "csv", "cols": "id,name"}, doseq=True)
            report.append(urlunparse(u._replace(query=q)))
    for m in link_re.finditer(line):
        p = urlparse(m.group(0))
        print("link", p.hostname, p.path, p.port)

print(*report, sep="\n")
decision = approval(f"Run {len(report)} exports from {base.netloc}")
for url in report:
    p = urlparse(url)
    params = parse_qs(p.query)
    print(decision, params["table"][0], params["cols"], quote(p.path + "?x=a b&c"))

title = llm("Summarize <export> & \"auth\" pages for the report")
escaped = html.escape(title)
print(escaped)
print(html.unescape(escaped) == title, html.escape("<a href='x'>"), html.unescape("&lt;b&gt; &amp; &#39;"))
page = fetch_page("https://docs.example/auth")
print(html.escape(page.strip()).replace("\n", "<br>"))

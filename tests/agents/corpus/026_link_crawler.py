# Breadth-first crawl of the shop and docs sites with a deque, recording the
# depth of every page found.
import re
from collections import deque

LINK = re.compile(r"https://[\w./-]+")
frontier = deque([("https://news.example/launch", 0), ("https://shop.example/pricing", 0)])
depth_of = {}
broken = []

while frontier:
    url, depth = frontier.popleft()
    if url in depth_of or depth > 2:
        continue
    depth_of[url] = depth
    text = fetch_page(url)
    if text.startswith("404"):
        broken.append(url)
        continue
    for link in LINK.findall(text):
        frontier.append((link, depth + 1))
    print(f"depth {depth}: {url} ({len(frontier)} queued)")

print("visited:", sorted(depth_of))
print("broken:", broken)
print("max depth:", max(depth_of.values()), "rotated:", list(deque([1, 2, 3], maxlen=2)))

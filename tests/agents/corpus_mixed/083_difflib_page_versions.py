# Compare two fetched pages and two model drafts with difflib: unified_diff,
# SequenceMatcher ratios, get_close_matches; the old text is kept across waits.
import difflib

old = fetch_page("https://shop.example/pricing")
matcher = difflib.SequenceMatcher(None, old, "")
new = fetch_page("https://shop.example/faq")
matcher.set_seq2(new)
print("ratio:", round(matcher.ratio(), 4), round(matcher.quick_ratio(), 4))
diff = list(difflib.unified_diff(old.splitlines(), new.splitlines(), "pricing", "faq", lineterm="", n=1))
print("\n".join(diff[:8]))
print(len(diff), sum(1 for d in diff if d.startswith("+") and not d.startswith("+++")))

draft1 = llm("Summarize the pricing page: " + old)
draft2 = llm("Summarize the faq page: " + new)
sm = difflib.SequenceMatcher(None, draft1.split(), draft2.split())
for tag, i1, i2, j1, j2 in sm.get_opcodes():
    if tag != "equal":
        print(tag, draft1.split()[i1:i2], draft2.split()[j1:j2])
print(round(sm.ratio(), 3))
print(difflib.get_close_matches("pricng", ["pricing", "faq", "terms", "price"], n=2))
words = old.split()
blocks = difflib.SequenceMatcher(None, words, new.split()).get_matching_blocks()
print([tuple(b) for b in blocks])
ok = approval(f"Replace pricing page (similarity {matcher.ratio():.2f})")
ndiff = list(difflib.ndiff(["Starter", "Team"], ["Starter", "Teams"]))
print(ok, ndiff)
print(difflib.SequenceMatcher(None, "abcd", "bcde").find_longest_match(0, 4, 0, 4))

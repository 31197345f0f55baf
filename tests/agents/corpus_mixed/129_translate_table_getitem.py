# Redaction agent: the model decides per character class how to redact a
# retrieved passage; str.translate reads a table whose __getitem__ waits,
# and re.sub callbacks and format_map look answers up lazily.
import re
import string


class RedactTable:
    def __init__(self):
        self.verdict = llm("Answer yes or no: should digits be masked?")
        self.hits = 0

    def __getitem__(self, codepoint):
        ch = chr(codepoint)
        if ch in string.digits and self.verdict == "yes":
            self.hits += 1
            return "#"
        if ch == "@":
            return " at "
        raise LookupError(ch)


page = fetch_page("https://shop.example/faq")
table = RedactTable()
print(page.translate(table).splitlines()[2:4], table.hits)


class Lazy(dict):
    def __missing__(self, key):
        return llm(f"Classify this field: {key}").upper()


print("{title} / {kind}".format_map(Lazy(title=page.partition("\n")[0])))
emails = re.sub(r"[\w.]+@[\w.]+", lambda m: m.group(0).split("@")[0] + "@" + llm("Classify this domain: " + m.group(0)), page)
print(emails.splitlines()[-2])
digits = "".join(ch for ch in fetch_page("https://docs.example/auth") if ch.isdigit())
print("digits:", digits.zfill(8), int(digits).bit_length())

# Replace every ticket reference in a text with the model's label for it:
# re.sub calls the script's callback, which waits.
import re

tickets = {t["id"]: t["subject"] for t in export("tickets")}
text = "Please look at #7 and #9 first, then #11."
seen = []


def label(match):
    subject = tickets[int(match.group(1))]
    seen.append(int(match.group(1)))
    return f"[{llm(f'Classify: {subject}')}]"


print(re.sub(r"#(\d+)", label, text))
print("labelled:", seen)

# Validate customer emails with a regular expression, fix the broken ones
# with the model's help, and send the welcome mail.
import re

VALID = re.compile(r"^[\w.+-]+@[\w-]+(\.[\w-]+)+$")
sent, skipped = [], []
for customer in export("customers"):
    address = customer["email"]
    if not VALID.match(address):
        suggestion = llm(f"Answer yes or no: should we guess a domain for {address}?")
        if suggestion == "yes":
            address = address + ".example"
        print(f"{customer['name']}: {customer['email']!r} -> {address!r}")
    try:
        receipt = send_email(address, f"Welcome, {customer['name']}!")
        sent.append(receipt["id"])
    except ToolError as err:
        skipped.append((customer["name"], err.code))

for name in ["ana", "zoe"]:
    try:
        print(lookup_user(name)["email"])
    except ToolError as err:
        print(f"{err.tool}: {err} ({err.code}, retryable={err.retryable})")
print(sent, skipped)
print(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "ops@acme"), re.split(r"[;,]\s*", "a, b;c"))

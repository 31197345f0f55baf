# Build a newsletter from news pages: each section is a model summary; the
# whole text is assembled from parts and mailed to subscribers.
sections = []
for url in ["https://news.example/outage", "https://news.example/launch"]:
    page = fetch_page(url)
    title = page.splitlines()[0]
    summary = llm(f"Summarize for customers: {page}")
    sections.append(f"## {title}\n{summary}\n")

header = "=" * 40 + "\nACME NEWS\n" + "=" * 40
body = header + "\n" + "\n".join(sections)
footer = "-- \nUnsubscribe: reply STOP"
letter = f"{body}\n{footer}"
print(letter)
print("length:", len(letter), "lines:", letter.count("\n"))

subscribers = ["ana@example.com", "ben@example.com", "not-an-address"]
sent = []
for address in subscribers:
    try:
        receipt = send_email(address, letter)
        sent.append(receipt["id"])
    except ToolError as err:
        print("skipped:", err.message)
print(" | ".join(sent))
print(letter.title().split("\n")[1], letter.upper().count("EXPORT"))

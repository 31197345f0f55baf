# Assemble a newsletter from model summaries: "\n".join receives a list of
# pending answers, and the newsletter is emailed.
topics = [
    "the new export API",
    "the upload outage",
    "the pricing change",
]
parts = [llm(f"Summarize: {topic}") for topic in topics]
body = "\n".join(parts)

print(body)
print("characters:", len(body))

receipt = send_email("team@example.com", body)
print("sent as", receipt["id"])
footer = " / ".join(topic.title() for topic in topics)
print(footer)

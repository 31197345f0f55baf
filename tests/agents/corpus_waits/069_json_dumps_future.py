# Build a JSON payload from model answers: json.dumps receives a dict whose
# values are pending answers, and the payload is sent as an email.
import json

subject = "Invoice shows wrong VAT"
payload = {
    "ticket": 9,
    "label": llm(f"Classify: {subject}"),
    "summary": llm(f"Summarize: {subject}"),
}
text = json.dumps(payload, sort_keys=True)
print(text)

decoded = json.loads(text)
print("label:", decoded["label"])
receipt = send_email("billing@example.com", text)
print("sent", receipt["id"], "with", len(decoded), "fields")

# Alert the on-call channel: functools.partial binds the address of a
# notify function that waits for the model's summary.
import functools


def notify(address, text):
    summary = llm(f"Summarize: {text}").removeprefix("Summary: ")
    return send_email(address, summary)["id"]


alert_ops = functools.partial(notify, "ops@example.com")
print(alert_ops("Uploads failed between 10:05 and 10:19 UTC"))
print(alert_ops(text="Certificate renewed, uploads back to normal"))
print(alert_ops.args, sorted(alert_ops.keywords))
print("bound to:", alert_ops.func.__name__)

# Prepare an onboarding email with nested helper functions; the innermost
# helper asks the model for a greeting.
def onboarding(user_name):
    profile = lookup_user(user_name)

    def greeting():
        def tone():
            return "formal" if profile["team"] == "exec" else "friendly"

        text = llm(f"Write a {tone()} greeting for {profile['name']}")
        return text.replace("Summary: ", "")

    def checklist():
        steps = ["set up laptop", "read handbook"]
        if profile["team"] == "sales":
            steps.append("shadow a call")
        return "\n".join(f"- {s}" for s in steps)

    return f"{greeting()}\n\n{checklist()}\nManager: {profile['manager']}"


for name in ["ana", "cho"]:
    mail = onboarding(name)
    print(mail)
    print("---")
    send_email(lookup_user(name)["email"], mail)

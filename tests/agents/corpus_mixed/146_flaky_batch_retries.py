# Push 60 records through a flaky enrichment service: a hot retry helper with
# try/except/finally, attempt counters, `continue` and `break` inside except
# blocks, and a model note every 12th record from inside the retry loop.
import json

stats = {"ok": 0, "retried": 0, "gave_up": 0, "garbage": 0}
attempts_by_n = {}
notes = []


def note(n, outcome):
    if n % 12 == 0:
        label = llm(f"Classify: enrichment of record {n} ended with {outcome}")
        notes.append(f"{n}:{label}")
        return label
    return None


def enrich(n, limit=3):
    tries = 0
    result = None
    while tries < limit:
        tries += 1
        try:
            result = flaky_tool(n)
        except json.JSONDecodeError:
            stats["garbage"] += 1
            continue
        except ToolError as error:
            if not error.retryable:
                stats["gave_up"] += 1
                break
            stats["retried"] += 1
            continue
        else:
            stats["ok"] += 1
            break
        finally:
            attempts_by_n[n] = tries
    note(n, "ok" if result else "failed")
    return result


squares = []
for n in range(1, 61):
    r = enrich(n)
    if r is None:
        continue
    squares.append(r["square"] if r["attempt"] == 1 else -r["square"])
    if len(squares) >= 45:
        break

print(json.dumps(stats, sort_keys=True))
print("notes:", notes)
print("squares:", len(squares), sum(squares), squares[:8])
hist = {}
for n, t in attempts_by_n.items():
    hist[t] = hist.get(t, 0) + 1
print("attempt histogram:", sorted(hist.items()))
worst = max(attempts_by_n, key=lambda n: (attempts_by_n[n], -n))
verdict = approval(f"Publish {len(squares)} enriched records (worst {worst})")
effect({"verdict": verdict, "stats": stats})
print(verdict, worst)

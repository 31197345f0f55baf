# Fetch pages with gather(return_exceptions=True) at top level: one URL is
# missing and its ToolError comes back as a result; then wait for an export.
import asyncio

urls = [
    "https://shop.example/pricing",
    "https://shop.example/missing",
    "https://shop.example/faq",
    "https://docs.example/export",
]
results = await asyncio.gather(*(fetch_url(u) for u in urls), return_exceptions=True)

ok, failed = {}, []
for url, result in zip(urls, results):
    if isinstance(result, ToolError):
        failed.append((url, result.code, result.message))
    elif isinstance(result, BaseException):
        raise result
    else:
        ok[url] = result.splitlines()[0]
print(ok)
print(failed)

rows = export("invoices")
overdue = [r["number"] for r in rows if r["due"] < "2024-04-01"]
print("overdue:", overdue, "of", len(rows))
effect({"pages": len(ok), "failed": [code for _, code, _ in failed], "overdue": overdue})

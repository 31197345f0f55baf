"""An agent that starts a background export, waits for it durably, then uses its URL.

    cd examples/export
    statek-vm run agent.py             # starts export 1 and prints SUSPENDED: where it waits
    statek-vm worker --until-idle      # the export is still running: the job stays suspended
    python3 finish_export.py 1          # the exporter, another process, finishes export 1
    statek-vm worker --until-idle      # resumes the job: it builds the report from the URL
    statek-vm show JOB_ID              # its status, history and whole output

``statek-vm`` is also ``python3 -m statek_vm.cli``. The job suspends where the
URL is first needed, at ``build_report(output_url)``; the export is started
once, before the wait, and never again. ``python3 demo.py`` tells the whole
story in a scratch folder.
"""

import os

from tools import build_report, start_export, wait_for_export

dataset = "orders-2026-11"
print(f"preparing in process {os.getpid()}: exporting {dataset}")
export = start_export(dataset)
print(f"export {export.export_id} started; finish it with: python3 finish_export.py {export.export_id}")

output_url = wait_for_export(export)
report = build_report(output_url)
print(f"resumed in process {os.getpid()}: report: {report}")

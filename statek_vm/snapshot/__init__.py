"""Stage 3 of the pipeline: a suspended job as bytes, resumable in another process.

``Job.dumps(key=...)`` and ``Job.loads(data, globals, key=...)`` are the
public entry points; this package holds the envelope (:mod:`.envelope`) and
the payload (:mod:`.pickling`).
"""

from statek_vm.snapshot.envelope import FORMAT, open_envelope, read_header, seal
from statek_vm.snapshot.pickling import check_picklable, dump_payload, load_payload

__all__ = ["FORMAT", "check_picklable", "dump_payload", "load_payload", "open_envelope", "read_header", "seal"]

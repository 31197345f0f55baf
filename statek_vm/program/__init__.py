"""Stage 1 of the pipeline: source to numbered instruction blocks."""

from statek_vm.program.code_unit import CodeUnit, Handler, Op
from statek_vm.program.program import Program, compile_program, program_hash

__all__ = ["CodeUnit", "Handler", "Op", "Program", "compile_program", "program_hash"]

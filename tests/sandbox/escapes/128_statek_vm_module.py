# The VM's own package: statek_vm.job imports sys.
import statek_vm
statek_vm.job.sys.modules["os"].mkdir(SENTINEL)

#!/usr/bin/env bash
# A throw-away single-node Slurm cluster on this machine, for the sweep test (test/unit/cli/sweep-slurm.test.ts).
#
#   local-slurm.sh start DIR   writes DIR/slurm.conf and a fresh munge key, starts munged (as the munge user),
#                              slurmctld and slurmd in the foreground of background shells, waits until the
#                              node is idle, and prints "SLURM_CONF=DIR/slurm.conf" (export it for sbatch,
#                              squeue, sinfo). The daemons' PIDs go to DIR/pids.
#   local-slurm.sh stop DIR    stops exactly the daemons listed in DIR/pids (by PID) and waits for them.
#
# Everything (key, socket, state, spool, logs) lives under DIR, so the machine's own /etc/munge and
# /etc/slurm are never touched. Needs root (slurmd runs jobs as the submitting user) and Debian's
# slurm-wlm + munge packages. Ports are picked free at start, so two clusters can run side by side.
set -euo pipefail

cmd=${1:-}
dir=${2:-}
if [[ -z "$cmd" || -z "$dir" ]]; then
  echo "usage: $0 start|stop DIR" >&2
  exit 2
fi

stop_all() {
  [[ -f "$dir/pids" ]] || return 0
  # Reverse start order: slurmd, slurmctld, munged.
  for pid in $(tac "$dir/pids"); do
    kill "$pid" 2>/dev/null || true
  done
  for pid in $(cat "$dir/pids"); do
    for _ in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null || true
  done
  rm -f "$dir/pids"
}

if [[ "$cmd" == stop ]]; then
  stop_all
  exit 0
fi
[[ "$cmd" == start ]] || { echo "unknown command $cmd (start|stop)" >&2; exit 2; }

for bin in munged slurmctld slurmd sinfo; do
  command -v "$bin" >/dev/null || { echo "missing $bin: apt-get install -y slurm-wlm munge" >&2; exit 3; }
done
[[ $(id -u) == 0 ]] || { echo "local-slurm.sh needs root (slurmd runs jobs as their user)" >&2; exit 3; }

# A free TCP port (bind to 0, read what the kernel chose).
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
mkdir -p "$dir/munge" "$dir/state" "$dir/spool" "$dir/log"
chmod 755 "$dir"
trap 'stop_all' ERR

# Munge: a fresh 1,024-byte key readable by the munge user only (munged refuses looser permissions), in its
# own directory; the socket directory must be open to every user (job steps authenticate through it).
mkdir -p "$dir/munge-key"
chown munge: "$dir/munge-key" "$dir/munge"
chmod 700 "$dir/munge-key"
chmod 755 "$dir/munge"
if ! runuser -u munge -- test -x "$dir/munge"; then
  echo "the munge user cannot reach $dir: use a folder whose parent folders everyone may enter (e.g. under /tmp)" >&2
  exit 3
fi
dd if=/dev/urandom of="$dir/munge-key/munge.key" bs=1024 count=1 status=none
chown munge: "$dir/munge-key/munge.key"
chmod 400 "$dir/munge-key/munge.key"
runuser -u munge -- munged --foreground --key-file="$dir/munge-key/munge.key" \
  --socket="$dir/munge/munge.socket" --pid-file="$dir/munge/munged.pid" \
  --seed-file="$dir/munge/munged.seed" --log-file="$dir/munge/munged.log" >"$dir/log/munged.out" 2>&1 &
echo $! >>"$dir/pids"
for _ in $(seq 1 50); do [[ -S "$dir/munge/munge.socket" ]] && break; sleep 0.1; done
if [[ ! -S "$dir/munge/munge.socket" ]]; then
  echo "munged did not start; see $dir/munge/munged.log" >&2
  stop_all
  exit 1
fi

host=$(hostname -s)
cat >"$dir/slurm.conf" <<EOF
ClusterName=labtest
SlurmctldHost=$host
SlurmctldPort=$(free_port)
SlurmdPort=$(free_port)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$dir/munge/munge.socket
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
ReturnToService=2
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
NodeName=$host CPUs=$(nproc) State=UNKNOWN
PartitionName=lab Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF="$dir/slurm.conf"

slurmctld -D -i -f "$SLURM_CONF" >"$dir/log/slurmctld.out" 2>&1 &
echo $! >>"$dir/pids"
slurmd -D -f "$SLURM_CONF" >"$dir/log/slurmd.out" 2>&1 &
echo $! >>"$dir/pids"

for _ in $(seq 1 100); do
  state=$(sinfo -h -N -o '%t' 2>/dev/null | head -1 || true)
  [[ "$state" == idle ]] && break
  sleep 0.2
done
if [[ "${state:-}" != idle ]]; then
  echo "the Slurm node did not become idle (state: ${state:-none}); logs in $dir/log" >&2
  stop_all
  exit 1
fi
echo "SLURM_CONF=$SLURM_CONF"

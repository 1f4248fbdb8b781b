#!/usr/bin/env bash
# Starts or stops a one-node Slurm cluster on this machine, as root, for CI
# and for trying deploy/slurm without a real cluster (Debian's slurm-wlm
# 22.05 and munge).
#
#   deploy/slurm/cluster.sh start DIR    state, logs and slurm.conf in DIR;
#                                        prints the SLURM_CONF to export
#   deploy/slurm/cluster.sh stop DIR     stops the daemons it started, by
#                                        their pid files
set -euo pipefail
cmd=${1:?usage: cluster.sh start|stop DIR}
dir=$(realpath -m "${2:?usage: cluster.sh start|stop DIR}")
case $cmd in
start)
	mkdir -p "$dir/state" "$dir/spool" "$dir/log" "$dir/munge"
	install -d -o munge -g munge -m 0700 /etc/munge /var/lib/munge /var/log/munge
	install -d -o munge -g munge -m 0755 /run/munge
	if [ ! -f /etc/munge/munge.key ]; then
		dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
		chown munge:munge /etc/munge/munge.key
		chmod 0400 /etc/munge/munge.key
	fi
	runuser -u munge -- /usr/sbin/munged --pid-file=/run/munge/munged.pid
	cp /run/munge/munged.pid "$dir/munged.pid"
	host=$(hostname)
	cat >"$dir/slurm.conf" <<CONF
ClusterName=local
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
ReturnToService=2
MpiDefault=none
SchedulerParameters=sched_interval=1
NodeName=$host CPUs=$(nproc) RealMemory=$(($(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 * 9 / 10)) State=UNKNOWN
PartitionName=main Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
	/usr/sbin/slurmctld -f "$dir/slurm.conf"
	/usr/sbin/slurmd -f "$dir/slurm.conf"
	export SLURM_CONF=$dir/slurm.conf
	for _ in $(seq 100); do
		sinfo -h -o %t 2>/dev/null | grep -q idle && break
		sleep 0.2
	done
	echo "export SLURM_CONF=$dir/slurm.conf"
	;;
stop)
	for daemon in slurmd slurmctld munged; do
		if [ -f "$dir/$daemon.pid" ]; then
			pid=$(cat "$dir/$daemon.pid")
			kill "$pid" 2>/dev/null || true
			for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
		fi
	done
	;;
*)
	echo "usage: cluster.sh start|stop DIR" >&2
	exit 2
	;;
esac

# Shared by the benchmark scripts (run.sh, scale.sh, scaleout.sh, peer/run.sh): the jar, loopback ports and Debian
# packages. Source it after defining say() and die() and setting ROOT to the repository root.

# Runs a command as root: directly, or through passwordless sudo; fails otherwise.
as_root() {
	if [[ "$(id -u)" == 0 ]]; then "$@"
	elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo -n "$@"
	else return 1
	fi
}

# Installs a Debian package when its command is missing (apt-get install, then apt-get update and again); never
# exits, answers whether the command is there afterwards.
apt_install() { # $1: package, $2: command it provides (default: the package's name)
	local command="${2:-$1}"
	command -v "$command" >/dev/null && return 0
	[[ -x "/usr/bin/$command" ]] && return 0
	command -v apt-get >/dev/null || return 1
	export DEBIAN_FRONTEND=noninteractive
	say "installing $1 from Debian (apt-get install -y $1)"
	as_root timeout 300 apt-get install -y -qq "$1" >/dev/null 2>&1 \
		|| { as_root timeout 300 apt-get update -qq >/dev/null 2>&1 \
			&& as_root timeout 300 apt-get install -y -qq "$1" >/dev/null 2>&1; } || return 1
	command -v "$command" >/dev/null || [[ -x "/usr/bin/$command" ]]
}

# Sets JAR to the absolute path of the jar to measure: $JAR as given, else target/deskgraph-*.jar, built with Maven
# when there is none (an existing jar is used as is).
find_jar() {
	if [[ -z "${JAR:-}" ]]; then
		JAR="$(ls "$ROOT"/target/deskgraph-*.jar 2>/dev/null | grep -v '\.original$' | head -n1 || true)"
		if [[ -z "$JAR" ]]; then
			command -v mvn >/dev/null || die "no target/deskgraph-*.jar and no mvn to build it; set JAR=..."
			say "building the jar: (cd $ROOT && mvn -q -B -DskipTests package)"
			(cd "$ROOT" && mvn -q -B -DskipTests package) || die "Maven build failed"
			JAR="$(ls "$ROOT"/target/deskgraph-*.jar 2>/dev/null | grep -v '\.original$' | head -n1 || true)"
		fi
	fi
	[[ -f "$JAR" ]] || die "jar not found: $JAR"
	JAR="$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")"
}

# Whether a loopback port is free to listen on.
port_free() {
	python3 - "$1" <<-'PY'
		import socket, sys
		s = socket.socket()
		s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
		try:
		    s.bind(("127.0.0.1", int(sys.argv[1])))
		except OSError:
		    sys.exit(1)
		finally:
		    s.close()
	PY
}

# A loopback port free right now.
free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# A port: the one from the environment as is, else the default when free, else any free one.
pick_port() { # $1: value from the environment, $2: default
	if [[ -n "$1" ]]; then echo "$1"
	elif port_free "$2"; then echo "$2"
	else free_port
	fi
}

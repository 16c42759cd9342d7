# Shared by the cluster tests and the benchmark (sourced): a free loopback port range for a throwaway cluster.
# cluster.sh uses base..base+21; the tests use base+30 for a scratch server.

ports_free() { # base, count
  /usr/bin/python3 - "$1" "$2" <<'PY'
import socket, sys
base, count = int(sys.argv[1]), int(sys.argv[2])
for port in range(base, base + count):
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        s.bind(("127.0.0.1", port))
    except OSError:
        sys.exit(1)
    finally:
        s.close()
PY
}

# Exports JC_CLUSTER_PORT_BASE as the first free range among a few candidates; fails if none is free.
choose_port_base() {
  local base
  for base in 56432 56532 56632 57432 57532 57632 58432 58532; do
    if ports_free "$base" 32; then
      export JC_CLUSTER_PORT_BASE=$base
      return 0
    fi
  done
  echo "no free loopback port range for a test cluster" >&2
  return 1
}

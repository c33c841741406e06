#!/usr/bin/env bash
# Runs the reconciler tests (test/reconciler) and the TokenReview authentication tests
# (test/auth/token-review.test.ts: ServiceAccount tokens from the real TokenRequest API, reviewed by
# the real TokenReview API) against a REAL kube-apiserver instead of the fake:
# Kubernetes 1.20 built from Debian's source package, with etcd from Debian, as measured in
# shared/notes/kubernetes.md. The binaries live in .cache/kube (ignored by git).
#
#   scripts/real-kube-tests.sh           run the tests; skipped (exit 0) when the binaries are absent
#   scripts/real-kube-tests.sh --build   download and build the binaries first (≈20 min, ≈1.5 GB)
#   scripts/real-kube-tests.sh [--build] <test files…>   run only those test files against the real server
#
# Tests that need the fake's controls (injected faults, dropped watches, compaction) are skipped
# against the real server; everything else runs unchanged (test/reconciler/cluster.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
CACHE=$ROOT/.cache/kube
BIN=$CACHE/bin

# A private apt configuration: the machine's own sources (whatever mirror and suite it is configured
# with), each also as deb-src, without touching the system's configuration.
private_apt_sources() {
  local parts=$CACHE/apt/sources.list.d
  rm -rf "$parts" && mkdir -p "$parts"
  : > "$CACHE/apt/sources.list"
  local file
  for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [[ -f "$file" ]] || continue
    # One-line format: every `deb` line once more as `deb-src`.
    sed -n -e '/^[[:space:]]*deb[[:space:]]/{p;s/^\([[:space:]]*\)deb\([[:space:]]\)/\1deb-src\2/p}' "$file" >> "$CACHE/apt/sources.list"
  done
  for file in /etc/apt/sources.list.d/*.sources; do
    [[ -f "$file" ]] || continue
    # deb822 format: `Types: deb` becomes `Types: deb deb-src`.
    sed -e 's/^Types:[[:space:]]*deb[[:space:]]*$/Types: deb deb-src/' "$file" > "$parts/$(basename "$file")"
  done
  if ! grep -qs 'deb-src' "$CACHE/apt/sources.list" "$parts"/*.sources; then
    echo "real-kube-tests: no deb entries in the machine's apt sources to derive deb-src entries from" >&2
    exit 1
  fi
}

build() {
  mkdir -p "$CACHE/apt/lists/partial" "$CACHE/debs" "$CACHE/root" "$BIN"
  private_apt_sources
  local apt=(apt-get -o "Dir::Etc::SourceList=$CACHE/apt/sources.list" -o "Dir::Etc::SourceParts=$CACHE/apt/sources.list.d"
    -o "Dir::State::Lists=$CACHE/apt/lists" -o "Dir::Cache=$CACHE/apt/cache")
  "${apt[@]}" update
  (cd "$CACHE" && "${apt[@]}" source --download-only kubernetes)
  (cd "$CACHE/debs" && "${apt[@]}" download golang-1.19-go golang-1.19-src etcd-server golang-github-modern-go-reflect2-dev)
  for deb in "$CACHE"/debs/*.deb; do dpkg-deb -x "$deb" "$CACHE/root"; done
  cp "$CACHE/root/usr/bin/etcd" "$BIN/etcd"

  # GOPATH mode: module mode fails on the vendored tree.
  local gopath=$CACHE/gopath
  local src=$gopath/src/k8s.io/kubernetes
  rm -rf "$gopath" && mkdir -p "$gopath/src/k8s.io"
  local dsc
  dsc=$(ls "$CACHE"/kubernetes_*.dsc | head -n 1)
  (cd "$CACHE" && rm -rf kubernetes-src && dpkg-source -x "$dsc" kubernetes-src)
  mv "$CACHE/kubernetes-src" "$src"
  # The build cache stays under .cache/ too (not ~/.cache/go-build), so a rebuild reuses it.
  export GOROOT=$CACHE/root/usr/lib/go-1.19 GOPATH=$gopath GO111MODULE=off CGO_ENABLED=0 GOFLAGS= GOCACHE=$CACHE/go-build
  export PATH=$GOROOT/bin:$PATH
  # The vendored reflect2 1.0.1 panics on Go >= 1.18: use Debian's 1.0.2.
  rm -rf "$src/vendor/github.com/modern-go/reflect2"
  cp -r "$CACHE/root/usr/share/gocode/src/github.com/modern-go/reflect2" "$src/vendor/github.com/modern-go/reflect2"
  rm -f "$src/vendor/github.com/modern-go/reflect2/go.mod"
  # pkg/generated/openapi is generated, not shipped: build openapi-gen and run it over the tagged
  # packages. As upstream's Makefile.generated_files does, a package counts when any of its .go files
  # carries a `+k8s:openapi-gen=` tag, in doc.go or on a type (resource.Quantity is tagged on the type).
  (cd "$src" && go build -o "$CACHE/openapi-gen" ./vendor/k8s.io/kube-openapi/cmd/openapi-gen)
  local inputs
  inputs=$(cd "$src" && grep -rl --include='*.go' --exclude='*_test.go' -e '+k8s:openapi-gen=' pkg staging/src |
    xargs -n1 dirname | sed -e 's#^staging/src/##' -e 's#^pkg/#k8s.io/kubernetes/pkg/#' | sort -u | paste -sd, -)
  (cd "$src" && "$CACHE/openapi-gen" --input-dirs "$inputs" --output-package k8s.io/kubernetes/pkg/generated/openapi \
    --output-base "$gopath/src" -O zz_generated.openapi --go-header-file hack/boilerplate/boilerplate.generatego.txt \
    --report-filename /dev/null)
  (cd "$src" && go build -ldflags='-s -w' -o "$BIN/kube-apiserver" k8s.io/kubernetes/cmd/kube-apiserver)
  (cd "$src" && go build -ldflags='-s -w' -o "$BIN/kube-controller-manager" k8s.io/kubernetes/cmd/kube-controller-manager)
}

if [[ "${1:-}" == "--build" ]]; then
  build
  shift
fi
TESTS=("$@")
if [[ ${#TESTS[@]} -eq 0 ]]; then TESTS=(test/reconciler test/auth/token-review.test.ts); fi
for binary in etcd kube-apiserver kube-controller-manager; do
  if [[ ! -x "$BIN/$binary" ]]; then
    echo "real-kube-tests: skipped, $BIN/$binary is absent (build it with: $0 --build)"
    exit 0
  fi
done

RUN=$(mktemp -d)
cleanup() {
  local status=$?
  kill $(jobs -p) 2>/dev/null || true
  wait 2>/dev/null || true
  if [[ $status -eq 0 ]]; then
    rm -rf "$RUN"
    return
  fi
  # A failed run keeps its logs: the apiserver's says why it refused to start or to serve.
  echo "real-kube-tests: failed (exit $status); logs kept in $RUN" >&2
  if [[ -f "$RUN/apiserver.log" ]]; then
    echo "----- last 200 lines of $RUN/apiserver.log -----" >&2
    tail -n 200 "$RUN/apiserver.log" >&2
  fi
  exit "$status"
}
trap cleanup EXIT

TOKEN=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
echo "$TOKEN,admin,admin,system:masters" > "$RUN/tokens.csv"
openssl genrsa -out "$RUN/sa.key" 2048 2>/dev/null
openssl rsa -in "$RUN/sa.key" -pubout -out "$RUN/sa.pub" 2>/dev/null
ETCD_PORT=$((20000 + RANDOM % 10000))
API_PORT=$((30000 + RANDOM % 10000))

"$BIN/etcd" --data-dir "$RUN/etcd" --listen-client-urls "http://127.0.0.1:$ETCD_PORT" --advertise-client-urls "http://127.0.0.1:$ETCD_PORT" \
  --listen-peer-urls "http://127.0.0.1:$((ETCD_PORT + 1))" > "$RUN/etcd.log" 2>&1 &
"$BIN/kube-apiserver" --etcd-servers "http://127.0.0.1:$ETCD_PORT" --secure-port "$API_PORT" --bind-address 127.0.0.1 \
  --token-auth-file "$RUN/tokens.csv" --authorization-mode RBAC --disable-admission-plugins ServiceAccount \
  --service-account-issuer https://kubernetes.default.svc --service-account-key-file "$RUN/sa.pub" \
  --service-account-signing-key-file "$RUN/sa.key" --cert-dir "$RUN/certs" > "$RUN/apiserver.log" 2>&1 &

cat > "$RUN/kubeconfig" <<EOF
apiVersion: v1
kind: Config
clusters: [{ name: real, cluster: { server: "https://127.0.0.1:$API_PORT", insecure-skip-tls-verify: true } }]
users: [{ name: admin, user: { token: "$TOKEN" } }]
contexts: [{ name: real, context: { cluster: real, user: admin } }]
current-context: real
EOF
for _ in $(seq 1 60); do
  curl -fsk -H "Authorization: Bearer $TOKEN" "https://127.0.0.1:$API_PORT/readyz" > /dev/null 2>&1 && break
  sleep 1
done
curl -fsk -H "Authorization: Bearer $TOKEN" "https://127.0.0.1:$API_PORT/readyz" > /dev/null
# Namespace finalization and owner-reference garbage collection need their controllers. `--port 0`:
# 1.20 otherwise also opens its insecure port, on 0.0.0.0.
"$BIN/kube-controller-manager" --kubeconfig "$RUN/kubeconfig" --controllers namespace,garbagecollector \
  --leader-elect=false --bind-address 127.0.0.1 --secure-port 0 --port 0 > "$RUN/controller-manager.log" 2>&1 &

echo "real-kube-tests: kube-apiserver ready on https://127.0.0.1:$API_PORT"
REAL_KUBE_URL="https://127.0.0.1:$API_PORT" REAL_KUBE_TOKEN=$TOKEN NODE_TLS_REJECT_UNAUTHORIZED=0 \
  npx vitest run "${TESTS[@]}" --testTimeout 120000

"""A rolling deploy of the sample app, as docs/horde.md ("Rebalancing when a member joins") measures it.

Three sample-app JVMs on 127.0.0.1 (HTTP 18181-18183, Hazelcast from 15801, cluster
sagents-roll-<mode>) sharing one data directory under /tmp/roll, 30 agents under load from one
sender through all three nodes, SIGTERM of n1, n2, n3 twice, then SIGKILL of n2 and its restart.
Prints the agents each node hosts after every step and every call that failed: the node it was
sent to, the agent, the step under way, the UTC time (to find it in /tmp/roll/<mode>-n<i>.log) and
the problem the node answered (RFC 9457 type, title and detail), or the connection error. A call
the sender sends to a node that is stopped or being stopped is sent again to a node that is up, as
a load balancer would, and counted apart ("failed over"): only a call that fails on a node that is
up counts as failed, and so does a call that gets an answer (a problem) from the node being stopped.
The calls that failed with member-lost during the SIGKILL (in flight to the killed node's agents,
which a crash fails as documented) are also counted apart from the rest.

Usage, from the repository root after `./mvnw -q -DskipTests package`:
    python3 sample-app/scripts/rolling-restart.py passive|active sample-app/target/sample-app.jar
"""
import datetime, json, os, signal, subprocess, sys, threading, time, urllib.error, urllib.request, random, shutil

MODE = sys.argv[1]
JAR = sys.argv[2]
BASE = 18180
DATA = f"/tmp/roll/data-{MODE}"
LOGS = "/tmp/roll"
shutil.rmtree(DATA, ignore_errors=True)
os.makedirs(DATA)
procs = {}

def start(i):
    env = dict(os.environ, SAGENTS_DISTRIBUTION="horde", NOTES_DATA_DIRECTORY=DATA, SERVER_PORT=str(BASE + i),
               SAGENTS_NODE_NAME=f"n{i}", SAGENTS_HORDE_REBALANCE=MODE, SAGENTS_HORDE_NETWORK_PORT="15801",
               SPRING_APPLICATION_NAME=f"roll-{MODE}")
    log = open(f"{LOGS}/{MODE}-n{i}.log", "a")
    procs[i] = subprocess.Popen(["java", "-Xmx384m", "-jar", JAR], env=env, stdout=log, stderr=log)

def get(i, path, timeout=5):
    with urllib.request.urlopen(f"http://127.0.0.1:{BASE + i}{path}", timeout=timeout) as r:
        return json.loads(r.read())

def req(i, method, path, body):
    r = urllib.request.Request(f"http://127.0.0.1:{BASE + i}{path}", data=json.dumps(body).encode(), method=method,
                               headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(r, timeout=10) as resp:
        return resp.status

def alive(i, n):
    try:
        s = get(i, "/actuator/sagents")
        members = s["instances"]["agentsSupervisor"]["members"]
        return s["consistent"] and sum(1 for m in members if m["status"] == "alive") == n
    except Exception:
        return False

def wait(cond, what, limit=180):
    end = time.time() + limit
    while time.time() < end:
        if cond():
            return
        time.sleep(0.5)
    raise SystemExit("timed out: " + what)

def hosted():
    out = {}
    for i in (1, 2, 3):
        out[f"n{i}"] = len(get(i, "/actuator/sagents")["hosted"]["agents"])
    return out

for i in (1, 2, 3):
    start(i)
wait(lambda: all(alive(i, 3) for i in (1, 2, 3)), "cluster")
ids = [f"roll-{k}" for k in range(30)]
for a in ids:
    req(1, "PUT", f"/api/agents/{a}", {"filesystemScope": f"user:{a}"})
print(MODE, "start spread", hosted(), flush=True)
stop = threading.Event()
stats = {"ok": 0, "failed": 0, "failed over": {}, "errors": {}, "failures": []}
up = {1, 2, 3}
step = ["steady"]

def problem(e):
    """What a failed call says of its cause: the problem the node answered, or the connection error."""
    if isinstance(e, urllib.error.HTTPError):
        try:
            body = json.loads(e.read() or b"{}")
        except ValueError:
            body = {}
        return {"status": e.code, "type": body.get("type"), "title": body.get("title"), "detail": body.get("detail")}
    return {"status": None, "type": None, "title": type(e).__name__, "detail": str(e)[:200]}

def send(a, k):
    """Sends one message to agent a through a node that is up, failing over while the chosen one is down."""
    tried = set()
    while True:
        i = random.choice(sorted(up - tried) or sorted(up))
        try:
            req(i, "POST", f"/api/agents/{a}/messages", {"text": f"remember item {k}"})
            return None
        except Exception as e:
            # Only a refused connection to a node stopped under us never reached it: sent elsewhere, as a
            # load balancer would. A reset or a timeout may have been handled: counted as failed.
            refused = isinstance(getattr(e, "reason", e), ConnectionRefusedError)
            if i in up or not refused:
                return dict(problem(e), node=f"n{i}", node_up=i in up, agent=a, step=step[0],
                            at=datetime.datetime.now(datetime.timezone.utc).strftime("%H:%M:%S.%f")[:-3])
            stats["failed over"][step[0]] = stats["failed over"].get(step[0], 0) + 1
            tried.add(i)

def sender():
    k = 0
    while not stop.is_set():
        a = ids[k % 30]; k += 1
        failure = send(a, k)
        if failure is None:
            stats["ok"] += 1
            continue
        stats["failed"] += 1
        key = f'{failure["status"]} {failure["type"] or failure["title"]}'
        stats["errors"][key] = stats["errors"].get(key, 0) + 1
        stats["failures"].append(failure)
        print(MODE, "call failed", json.dumps(failure), flush=True)

threading.Thread(target=sender, daemon=True).start()

def restart(i, sig, name):
    up.discard(i)
    step[0] = f"{name}: n{i} stopping"
    procs[i].send_signal(sig)
    procs[i].wait(60)
    step[0] = f"{name}: n{i} starting"
    start(i)
    wait(lambda: alive(i, 3), f"n{i} back")
    step[0] = f"{name}: n{i} back"
    up.add(i)
    time.sleep(1)

for rnd in (1, 2):
    for i in (1, 2, 3):
        restart(i, signal.SIGTERM, f"round {rnd} SIGTERM")
        print(MODE, f"round {rnd} after n{i}", hosted(), flush=True)
restart(2, signal.SIGKILL, "SIGKILL")
print(MODE, "after SIGKILL of n2", hosted(), flush=True)
time.sleep(5)
stop.set()
time.sleep(1)
# A call in flight to a member that crashes fails with member-lost, as documented for a crash (the
# message may or may not have been handled): counted apart from the graceful restarts' failures.
in_crash = [f for f in stats["failures"]
            if f["step"] == "SIGKILL: n2 stopping" and (f["type"] or "").endswith(":member-lost")]
print(MODE, "end spread", hosted(), "calls ok", stats["ok"], "failed", stats["failed"], stats["errors"],
      "of which member-lost in the SIGKILL", len(in_crash), "failed over (refused, by step)", stats["failed over"],
      flush=True)
for p in procs.values():
    p.terminate()
for p in procs.values():
    p.wait(60)

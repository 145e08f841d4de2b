"""A rolling deploy of the sample app, as docs/horde.md ("Rebalancing when a member joins") measures it.

Three sample-app JVMs on 127.0.0.1 (HTTP 18181-18183, Hazelcast from 15801, cluster
sagents-roll-<mode>) sharing one data directory under /tmp/roll, 30 agents under load from one
sender through all three nodes, SIGTERM of n1, n2, n3 twice, then SIGKILL of n2 and its restart.
Prints the agents each node hosts after every step and the calls that failed (a call sent to the
node being stopped does not count).

Usage, from the repository root after `./mvnw -q -DskipTests package`:
    python3 sample-app/scripts/rolling-restart.py passive|active sample-app/target/sample-app.jar
"""
import json, os, signal, subprocess, sys, threading, time, urllib.request, random, shutil

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
stats = {"ok": 0, "failed": 0, "errors": {}}
up = {1, 2, 3}

def sender():
    k = 0
    while not stop.is_set():
        a = ids[k % 30]; k += 1
        i = random.choice(sorted(up))
        try:
            req(i, "POST", f"/api/agents/{a}/messages", {"text": f"remember item {k}"})
            stats["ok"] += 1
        except Exception as e:
            if i not in up:
                continue  # the node went down under us: not the cluster's failure
            stats["failed"] += 1
            key = str(e)[:80]
            stats["errors"][key] = stats["errors"].get(key, 0) + 1

threading.Thread(target=sender, daemon=True).start()

def restart(i, sig):
    up.discard(i)
    procs[i].send_signal(sig)
    procs[i].wait(60)
    start(i)
    wait(lambda: alive(i, 3), f"n{i} back")
    up.add(i)
    time.sleep(1)

for rnd in (1, 2):
    for i in (1, 2, 3):
        restart(i, signal.SIGTERM)
        print(MODE, f"round {rnd} after n{i}", hosted(), flush=True)
restart(2, signal.SIGKILL)
print(MODE, "after SIGKILL of n2", hosted(), flush=True)
time.sleep(5)
stop.set()
time.sleep(1)
print(MODE, "end spread", hosted(), "calls ok", stats["ok"], "failed", stats["failed"], stats["errors"], flush=True)
for p in procs.values():
    p.terminate()
for p in procs.values():
    p.wait(60)

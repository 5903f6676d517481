# Reads an async-profiler 4.x HTML flame graph (benchmarks/results/flames/*.html): the share of each framework in all
# samples and on the request (virtual) threads, the top self frames, and inclusive shares of frames named on the command line.
# python3 flame-attribution.py FILE.html [frame-substring ...]
import re, sys, collections
src = open(sys.argv[1]).read()
cp = src[src.index('const cpool = ['):]
cp = cp[:cp.index('];')]
strs = re.findall(r"'((?:[^'\\]|\\.)*)'", cp)
strs = [s.encode().decode('unicode_escape') if '\\' in s else s for s in strs]
for i in range(1, len(strs)):
    strs[i] = strs[i-1][:ord(strs[i][0]) - 32] + strs[i][1:]
body = src[src.index('unpack(cpool);') + 14: src.index('search();')]
frames = []  # (level, left, width, title)
level0 = left0 = width0 = 0
for m in re.finditer(r'([fun])\(([^)]*)\)', body):
    op, args = m.group(1), [int(x) for x in m.group(2).split(',')]
    key = args[0]
    if op == 'f':
        level, left, width = args[1], args[2], (args[3] if len(args) > 3 else None)
    elif op == 'u':
        level, left, width = level0 + 1, 0, (args[1] if len(args) > 1 else None)
    else:
        level, left, width = level0, width0, (args[1] if len(args) > 1 else None)
    level0 = level; left0 += left; width0 = width if width else width0
    frames.append((level, left0, width0, strs[key >> 3]))
# parents: stack walk in order (frames emitted depth-first)
stack = []; parent = []; children_w = collections.Counter()
for i, (lv, l, w, t) in enumerate(frames):
    while stack and frames[stack[-1]][0] >= lv: stack.pop()
    p = stack[-1] if stack else -1
    parent.append(p)
    if p >= 0: children_w[p] += w
    stack.append(i)
total = frames[0][2]
groups = [('HTTP client to upstream (Apache HC5)', 'org.apache.hc.'), ('HTTP client to upstream (Apache HC5)', 'org/apache/hc/'),
 ('JDK HTTP client', 'jdk.internal.net.http'), ('JDK HTTP client', 'jdk/internal/net/http'),
 ('Micrometer / OTel', 'io.micrometer'), ('Micrometer / OTel', 'io/micrometer'), ('Micrometer / OTel', 'io.opentelemetry'), ('Micrometer / OTel', 'io/opentelemetry'),
 ('Spring Security', 'org.springframework.security'), ('Spring Security', 'org/springframework/security'),
 ('Spring Session', 'org.springframework.session'), ('Spring Session', 'org/springframework/session'),
 ('Spring Cloud Gateway/CB', 'org.springframework.cloud'), ('Spring Cloud Gateway/CB', 'org/springframework/cloud'),
 ('Spring Web / MVC', 'org.springframework.web'), ('Spring Web / MVC', 'org/springframework/web'), ('Spring Web / MVC', 'org.springframework.http'), ('Spring Web / MVC', 'org/springframework/http'),
 ('Spring (other)', 'org.springframework'), ('Spring (other)', 'org/springframework'),
 ('Tomcat', 'org.apache.'), ('Tomcat', 'org/apache/'),
 ('Jackson', 'tools.jackson'), ('Jackson', 'tools/jackson'), ('Jackson', 'com.fasterxml'), ('Jackson', 'com/fasterxml'),
 ('Hikari / JDBC', 'com.zaxxer'), ('Hikari / JDBC', 'org.postgresql'), ('Hikari / JDBC', 'com/zaxxer'), ('Hikari / JDBC', 'org/postgresql'),
 ('Resilience4j', 'io.github.resilience4j'), ('Resilience4j', 'io/github/resilience4j'),
 ('platform/gateway code', 'dev.toolverdicts'), ('platform/gateway code', 'dev/toolverdicts'),
 ('Logging', 'ch.qos.logback'), ('Logging', 'org.slf4j'), ('Logging', 'ch/qos'), ('Logging', 'org/slf4j'),
]
def cat_of(title):
    for g, p in groups:
        if title.startswith(p): return g
    return None
by = collections.Counter(); selfby = collections.Counter()
threads = collections.Counter()
for i, (lv, l, w, t) in enumerate(frames):
    s = w - children_w[i]
    if s <= 0: continue
    selfby[t] += s
    j = i; c = None
    chain = []
    while j >= 0:
        c = cat_of(frames[j][3])
        if c: break
        j = parent[j]
    # JIT/GC threads: find root child
    k = i
    while parent[k] > 0: k = parent[k]
    root = frames[k][3] if k > 0 else 'all'
    if c is None:
        if any(x in root for x in ('Compile', 'GC', 'VM Thread', 'C2', 'C1')) or not ('java' in root.lower() or 'thread' in root.lower() or 'Continuation' in root):
            c = 'JVM/native (JIT, GC, kernel outside Java)'
        else:
            c = 'JDK only (NIO, collections, VT scheduling)'
    by[c] += s
print(f'total samples {total}')
for g, c in by.most_common(): print(f'| {g} | {100.0*c/total:.1f}% |')
print('--- top self frames')
for t, c in selfby.most_common(25): print(f'{100.0*c/total:5.1f}% {t[:150]}')
# inclusive for substrings: count each sample once (ignore nested frames that also match)
for sub in sys.argv[2:]:
    inc = 0
    for i, (lv, l, w, t) in enumerate(frames):
        if sub in t:
            j = parent[i]; nested = False
            while j >= 0:
                if sub in frames[j][3]: nested = True; break
                j = parent[j]
            if not nested: inc += w
    print(f'inclusive {100.0*inc/total:5.1f}%  {sub}')
# request threads only: self time under VirtualThread.run, by category, and chosen inclusive shares
if True:
    vt = [False]*len(frames)
    for i,(lv,l,w,t) in enumerate(frames):
        p = parent[i]
        vt[i] = ('VirtualThread.run' in t) or (p >= 0 and vt[p])
    roots = sum(w for i,(lv,l,w,t) in enumerate(frames) if 'VirtualThread.run' in t and not (parent[i]>=0 and vt[parent[i]]))
    by2 = collections.Counter(); self2 = collections.Counter()
    for i,(lv,l,w,t) in enumerate(frames):
        if not vt[i]: continue
        s = w - children_w[i]
        if s <= 0: continue
        self2[t] += s
        j = i; c = None
        while j >= 0:
            c = cat_of(frames[j][3])
            if c: break
            j = parent[j]
        by2[c or 'JDK only'] += s
    print(f'=== request (virtual) threads: {roots} samples = {100.0*roots/total:.1f}% of all')
    for g, c in by2.most_common(): print(f'| {g} | {100.0*c/roots:.1f}% |')
    print('--- top self frames on request threads')
    for t, c in self2.most_common(30): print(f'{100.0*c/roots:5.1f}% {t[:150]}')

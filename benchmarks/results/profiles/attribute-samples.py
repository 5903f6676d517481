# Attributes a JFR recording's execution samples to the nearest framework on each stack: python3 attribute-samples.py FILE.jfr
import json, subprocess, sys, collections
jfr = sys.argv[1]
import os; java = os.path.join(os.environ.get('JAVA_HOME', '/usr/lib/jvm/temurin-25-jdk-amd64'), 'bin', 'jfr')
out = subprocess.run([java, 'print', '--json', '--stack-depth', '64', '--events', 'jdk.ExecutionSample', jfr], capture_output=True, text=True).stdout
samples = json.loads(out)['recording']['events']
groups = [
 ('JDK HTTP client (upstream calls)', 'jdk.internal.net.http.'), ('JDK HTTP client (upstream calls)', 'java.net.http.'),
 ('Micrometer / OpenTelemetry (observations, metrics, tracing)', 'io.micrometer.'), ('Micrometer / OpenTelemetry (observations, metrics, tracing)', 'io.opentelemetry.'),
 ('Spring Security filters', 'org.springframework.security.'),
 ('Spring Session', 'org.springframework.session.'),
 ('Spring Cloud Gateway', 'org.springframework.cloud.'),
 ('Spring Web / MVC', 'org.springframework.web.'), ('Spring Web / MVC', 'org.springframework.http.'),
 ('Spring (other)', 'org.springframework.'),
 ('Tomcat', 'org.apache.'),
 ('Jackson', 'tools.jackson.'), ('Jackson', 'com.fasterxml.'),
 ('Hikari / PostgreSQL JDBC', 'com.zaxxer.'), ('Hikari / PostgreSQL JDBC', 'org.postgresql.'),
 ('Resilience4j', 'io.github.resilience4j.'),
 ('platform code (dev.toolverdicts)', 'dev.toolverdicts.'),
 ('Logging', 'ch.qos.logback.'), ('Logging', 'org.slf4j.'),
]
by = collections.Counter()
for e in samples:
    st = e['values'].get('stackTrace')
    frames = st['frames'] if st else []
    cat = None
    for f in frames:  # leaf first
        n = f['method']['type']['name'].replace('/', '.')
        for g, p in groups:
            if n.startswith(p):
                cat = g; break
        if cat: break
    by[cat or 'JDK only (NIO, collections, strings, virtual-thread scheduling)'] += 1
total = len(samples)
print(f'{total} execution samples; each attributed to the nearest framework on its stack (self time, not inclusive)')
for g, c in by.most_common():
    print(f'| {g} | {100.0*c/total:.1f}% |')

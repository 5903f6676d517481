package dev.toolverdicts.devstack.jvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which jar a service runs from and whether it uses, records or skips its AOT cache; stale caches never survive. */
class AotCacheTest {

    private static final List<String> FLAGS = List.of("-Xmx256m", "-XX:+UseSerialGC");

    @TempDir
    Path folder;

    private Path jar;
    private Path dir;

    private AotCache cache(List<String> flags) throws IOException {
        jar = folder.resolve("vote-service.jar");
        if (!Files.exists(jar)) {
            Files.writeString(jar, "not a Boot jar");
        }
        dir = folder.resolve("aot/vote-service");
        return new AotCache("vote-service", jar, dir, flags);
    }

    /** What a finished extraction leaves: the extracted jar and the stamp of the jar it came from. */
    private void extracted(AotCache cache) throws IOException {
        Files.createDirectories(dir.resolve("app"));
        Files.writeString(dir.resolve("app/vote-service.jar"), "extracted");
        Files.writeString(dir.resolve("jar.stamp"), cache.stamp());
    }

    @Test
    void aCurrentCacheIsUsedFromTheExtractedJar() throws Exception {
        AotCache cache = cache(FLAGS);
        extracted(cache);
        Files.writeString(dir.resolve("app.aot"), "cache");

        AotCache.Launch launch = cache.prepare(true);

        assertThat(launch.jar()).isEqualTo(dir.resolve("app/vote-service.jar"));
        assertThat(launch.flags()).contains("-XX:AOTCache=" + dir.resolve("app.aot"));
        assertThat(launch.recording()).isFalse();
    }

    @Test
    void withoutACacheTheFirstInstanceRecordsOne() throws Exception {
        AotCache cache = cache(FLAGS);
        extracted(cache);

        AotCache.Launch launch = cache.prepare(true);

        assertThat(launch.flags()).contains("-XX:AOTCacheOutput=" + dir.resolve("app.aot"));
        assertThat(launch.recording()).isTrue();
    }

    @Test
    void aFurtherInstanceNeverRecordsNorExtracts() throws Exception {
        AotCache cache = cache(FLAGS);

        AotCache.Launch notExtracted = cache.prepare(false);
        extracted(cache);
        AotCache.Launch noCacheYet = cache.prepare(false);

        assertThat(notExtracted).isEqualTo(new AotCache.Launch(jar, List.of(), false));
        assertThat(noCacheYet).isEqualTo(new AotCache.Launch(dir.resolve("app/vote-service.jar"), List.of(), false));
        assertThat(dir.resolve("app.aot")).doesNotExist();
    }

    @Test
    void aCacheWhoseWritingWasCutShortIsRecordedAgain() throws Exception {
        AotCache cache = cache(FLAGS);
        extracted(cache);
        Files.writeString(dir.resolve("app.aot"), "half a cache");
        Files.writeString(dir.resolve("app.aot.config"), "left over by a killed JVM");

        AotCache.Launch launch = cache.prepare(true);

        assertThat(launch.recording()).isTrue();
        assertThat(dir.resolve("app.aot")).doesNotExist();
        assertThat(dir.resolve("app.aot.config")).doesNotExist();
    }

    @Test
    void aRebuiltJarThrowsTheExtractedCopyAndItsCacheAway() throws Exception {
        AotCache cache = cache(FLAGS);
        extracted(cache);
        Files.writeString(dir.resolve("app.aot"), "cache of the old jar");
        Files.writeString(jar, "the rebuilt jar, longer than before");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5_000));

        // this test's jar is no Boot jar, so the new extraction fails: what matters is that nothing stale is left
        assertThatThrownBy(() -> cache.prepare(true)).hasMessageContaining("could not extract");
        assertThat(dir.resolve("app.aot")).doesNotExist();
        assertThat(dir.resolve("jar.stamp")).doesNotExist();
    }

    @Test
    void otherFlagsMakeAnotherStamp() throws Exception {
        assertThat(cache(FLAGS).stamp()).isNotEqualTo(cache(List.of("-Xmx512m", "-XX:+UseSerialGC")).stamp());
    }
}

package dev.toolverdicts.devstack.jvm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code JAVA_TOOL_OPTIONS} that {@code docker/Dockerfile} gives its service image (the stage {@code AS service}),
 * read from the file so performance mode follows the image instead of a copy that drifts.
 */
final class ImageJvmOptions {

    private static final Pattern STAGE = Pattern.compile("(?i)^FROM\\s+\\S+\\s+AS\\s+(\\S+)\\s*$");
    private static final Pattern OPTIONS = Pattern.compile("JAVA_TOOL_OPTIONS=\"([^\"]*)\"");

    private ImageJvmOptions() {
    }

    static List<String> of(Path dockerfile) {
        try {
            return parse(Files.readAllLines(dockerfile), dockerfile.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dockerfile, e);
        }
    }

    static List<String> parse(List<String> lines, String source) {
        String stage = "";
        for (String line : lines) {
            Matcher from = STAGE.matcher(line.trim());
            if (from.matches()) {
                stage = from.group(1);
                continue;
            }
            Matcher options = OPTIONS.matcher(line);
            if (stage.equals("service") && options.find()) {
                return Arrays.stream(options.group(1).trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
            }
        }
        throw new IllegalStateException(source + " has no ENV JAVA_TOOL_OPTIONS=\"...\" in its stage AS service");
    }
}

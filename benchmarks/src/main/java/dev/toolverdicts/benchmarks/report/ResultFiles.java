package dev.toolverdicts.benchmarks.report;

import dev.toolverdicts.benchmarks.stack.JsonHttp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes a run's results: {@code <date>.json}, {@code <date>.html} (the chart) and {@code latest.md} (the table). */
public final class ResultFiles {

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm").withZone(ZoneOffset.UTC);

    private ResultFiles() {
    }

    public static List<Path> write(SuiteReport report, Path folder) throws IOException {
        Files.createDirectories(folder);
        String stem = NAME.format(report.startedAt());
        String markdown = MarkdownTable.of(report);
        Path json = folder.resolve(stem + ".json");
        Path html = folder.resolve(stem + ".html");
        Path md = folder.resolve("latest.md");
        JsonMapper mapper = JsonHttp.JSON.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
        Files.writeString(json, mapper.writeValueAsString(asJson(report)));
        Files.writeString(html, SvgChart.html(report, markdown));
        Files.writeString(md, markdown + "\nChart: [" + html.getFileName() + "](" + html.getFileName() + "), data: ["
                + json.getFileName() + "](" + json.getFileName() + ")\n");
        return List.of(json, html, md);
    }

    static Map<String, Object> asJson(SuiteReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("startedAt", report.startedAt().toString());
        root.put("machine", report.machine());
        root.put("figures", report.figures().stream().map(ResultFiles::figure).toList());
        root.put("details", report.details());
        return root;
    }

    private static Map<String, Object> figure(Figure f) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", f.id());
        out.put("title", f.title());
        out.put("subject", f.subject());
        out.put("subjectValue", f.subjectValue());
        out.put("baseline", f.baseline());
        out.put("baselineValue", f.baselineValue());
        out.put("unit", f.unit());
        out.put("ratio", f.ratio());
        out.put("higherIsBetter", f.higherIsBetter());
        out.put("subjectLatencyMs", f.subjectLatency());
        out.put("baselineLatencyMs", f.baselineLatency());
        out.put("target", f.target());
        out.put("targetMet", f.targetMet());
        out.put("note", f.note());
        return out;
    }
}

package dev.toolverdicts.comparison.rebuild;

import dev.toolverdicts.problem.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** ADMIN: start a rebuild of the read model, and watch its progress. */
@RestController
class RebuildController {

    private final Rebuilds rebuilds;

    RebuildController(Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @PostMapping("/api/comparisons/admin/rebuilds")
    ResponseEntity<RebuildProgress> start() {
        RebuildProgress started = rebuilds.start().orElseThrow(() -> new FieldProblem(HttpStatus.CONFLICT,
                "rebuild", "a rebuild is running already"));
        return ResponseEntity.accepted().header("Location", "/api/comparisons/admin/rebuilds/current").body(started);
    }

    @GetMapping("/api/comparisons/admin/rebuilds/current")
    RebuildProgress current() {
        return rebuilds.last().orElseThrow(() -> new FieldProblem(HttpStatus.NOT_FOUND, "rebuild",
                "no rebuild has run since this instance started"));
    }
}

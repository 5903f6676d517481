package dev.toolverdicts.servicedefaults.sample;

import static dev.toolverdicts.servicedefaults.security.AccessRules.anyOf;
import static dev.toolverdicts.servicedefaults.security.Role.ADMIN;
import static dev.toolverdicts.servicedefaults.security.Role.EDITOR;

import dev.toolverdicts.servicedefaults.security.AccessRules;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A service as small as one can be that uses the defaults: a few endpoints and its access rules, nothing more. */
@SpringBootApplication
public class SampleService {

    @Bean
    AccessRules sampleAccess() {
        return requests -> requests
                .requestMatchers(HttpMethod.GET, "/api/things", "/api/things/*", "/api/things/*/stream").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/things").access(anyOf(EDITOR, ADMIN))
                .requestMatchers("/api/admin/**").access(anyOf(ADMIN))
                .requestMatchers(HttpMethod.POST, "/api/forms", "/api/framing").permitAll()
                .requestMatchers("/api/conflicts/**", "/api/stream").permitAll();
    }

    record Thing(String id, String name) {
    }

    @RestController
    static class Things {

        @GetMapping("/api/things")
        String list() {
            return "[]";
        }

        /** A public JSON read; "missing" is a 404, as any unknown thing would be. */
        @GetMapping("/api/things/{id}")
        Thing thing(@PathVariable String id) {
            if (id.equals("missing")) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no thing " + id);
            }
            return new Thing(id, "a thing");
        }

        /** A public event stream: one event, then the end. */
        @GetMapping(path = "/api/things/{id}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
        SseEmitter stream(@PathVariable String id) throws java.io.IOException {
            SseEmitter emitter = new SseEmitter();
            emitter.send(new Thing(id, "changed"), MediaType.APPLICATION_JSON);
            emitter.complete();
            return emitter;
        }

        /** Answers how many bytes of body arrived, so a test sees what a replayed body carried. */
        @PostMapping("/api/things")
        String create(@RequestBody byte[] body) {
            return Integer.toString(body.length);
        }

        @PostMapping("/api/forms")
        String form(@RequestParam String name) {
            return name;
        }

        /** Answers how the body's length reached the app: {@code Transfer-Encoding} and {@code Content-Length}. */
        @PostMapping("/api/framing")
        String framing(HttpServletRequest request, @RequestBody byte[] body) {
            return "TE=" + request.getHeader("Transfer-Encoding") + ";CL=" + request.getHeader("Content-Length");
        }

        @PostMapping("/api/admin/rebuild")
        String rebuild() {
            return "rebuilt";
        }

        /** An error status and no body, as {@code ResponseEntity.status(409).build()} answers it. */
        @GetMapping("/api/conflicts/bare")
        ResponseEntity<Void> bareConflict() {
            return ResponseEntity.status(HttpStatus.CONFLICT).build();
        }

        /** An error status that already has a body of its own. */
        @GetMapping("/api/conflicts/told")
        ResponseEntity<String> toldConflict() {
            return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.TEXT_PLAIN).body("taken");
        }

        /** A status only, set on the servlet response and flushed, as some filters and entry points do. */
        @GetMapping("/api/conflicts/flushed")
        void flushedConflict(HttpServletResponse response) throws java.io.IOException {
            response.setStatus(HttpStatus.CONFLICT.value());
            response.flushBuffer();
        }

        /** A body written and flushed piece by piece, as a stream does. */
        @GetMapping("/api/stream")
        void stream(HttpServletResponse response) throws java.io.IOException {
            response.setContentType(MediaType.TEXT_PLAIN_VALUE);
            response.getWriter().write("one\n");
            response.flushBuffer();
            response.getWriter().write("two\n");
        }

        @GetMapping("/api/unlisted")
        String unlisted() {
            return "never";
        }
    }
}

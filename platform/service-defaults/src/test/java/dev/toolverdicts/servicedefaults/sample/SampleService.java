package dev.toolverdicts.servicedefaults.sample;

import static dev.toolverdicts.servicedefaults.security.AccessRules.anyOf;
import static dev.toolverdicts.servicedefaults.security.Role.ADMIN;
import static dev.toolverdicts.servicedefaults.security.Role.EDITOR;

import dev.toolverdicts.servicedefaults.security.AccessRules;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
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
                .requestMatchers(HttpMethod.GET, "/api/things").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/things").access(anyOf(EDITOR, ADMIN))
                .requestMatchers("/api/admin/**").access(anyOf(ADMIN))
                .requestMatchers(HttpMethod.POST, "/api/forms", "/api/framing").permitAll();
    }

    @RestController
    static class Things {

        @GetMapping("/api/things")
        String list() {
            return "[]";
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

        @GetMapping("/api/unlisted")
        String unlisted() {
            return "never";
        }
    }
}

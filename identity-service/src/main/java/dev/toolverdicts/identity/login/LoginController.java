package dev.toolverdicts.identity.login;

import dev.toolverdicts.identity.throttle.LoginThrottleFilter;
import dev.toolverdicts.identity.user.UserRepository;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Serves the login page (Spring Security processes its POST), its 429 variant for an address out of sign-in attempts,
 * and the page a signed-in person lands on.
 */
@Controller
class LoginController {

    private final UserRepository users;

    LoginController(UserRepository users) {
        this.users = users;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    /** Where {@link LoginThrottleFilter} forwards a login form posted from an address out of attempts. */
    @RequestMapping(LoginThrottleFilter.THROTTLED_PATH)
    String throttled(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object retryAfter = request.getAttribute(LoginThrottleFilter.RETRY_AFTER);
        long seconds = retryAfter instanceof Long value ? value : 60;
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        model.addAttribute("retryAfter", seconds);
        return "login";
    }

    @GetMapping("/")
    String signedIn(Authentication authentication, Model model) {
        users.findById(UUID.fromString(authentication.getName()))
                .ifPresent(user -> model.addAttribute("displayName", user.displayName()));
        return "signed-in";
    }
}

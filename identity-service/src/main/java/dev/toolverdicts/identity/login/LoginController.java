package dev.toolverdicts.identity.login;

import dev.toolverdicts.identity.user.UserRepository;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Serves the login page (Spring Security processes its POST) and the page a signed-in person lands on. */
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

    @GetMapping("/")
    String signedIn(Authentication authentication, Model model) {
        users.findById(UUID.fromString(authentication.getName()))
                .ifPresent(user -> model.addAttribute("displayName", user.displayName()));
        return "signed-in";
    }
}

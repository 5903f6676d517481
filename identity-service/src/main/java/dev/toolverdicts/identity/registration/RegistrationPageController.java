package dev.toolverdicts.identity.registration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The registration page, its "check your inbox" answer, and the confirmation page a verification link opens. */
@Controller
class RegistrationPageController {

    private final RegistrationService registrations;

    RegistrationPageController(RegistrationService registrations) {
        this.registrations = registrations;
    }

    @GetMapping("/register")
    String form(@ModelAttribute("form") RegistrationForm form) {
        return "register";
    }

    @PostMapping("/register")
    ModelAndView register(@Valid @ModelAttribute("form") RegistrationForm form, BindingResult errors,
            HttpServletRequest request, HttpServletResponse response) {
        if (errors.hasErrors()) {
            return formAgain(HttpStatus.BAD_REQUEST);
        }
        try {
            registrations.register(form, request.getRemoteAddr());
        } catch (RegistrationRejected rejected) {
            errors.rejectValue(rejected.field(), "rejected", rejected.getMessage());
            return formAgain(HttpStatus.BAD_REQUEST);
        } catch (RegistrationThrottled throttled) {
            errors.reject("throttled", throttled.getMessage());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
            return formAgain(HttpStatus.TOO_MANY_REQUESTS);
        } catch (MailException mailDown) {
            errors.reject("mail", "We could not send the confirmation mail just now. Please try again in a minute.");
            return formAgain(HttpStatus.SERVICE_UNAVAILABLE);
        }
        return new ModelAndView("redirect:/register/sent");
    }

    @GetMapping("/register/sent")
    String sent() {
        return "register-sent";
    }

    /** The page a verification link opens: a form to choose the password and confirm; opening it changes nothing. */
    @GetMapping("/verify")
    ModelAndView verifyPage(@RequestParam(required = false) String token) {
        return verification(registrations.check(token), token, null);
    }

    @PostMapping("/verify")
    ModelAndView verify(@RequestParam(required = false) String token,
            @RequestParam(required = false) String password) {
        try {
            return verification(registrations.confirm(token, password), token, null);
        } catch (RegistrationRejected rejected) {
            return verification(RegistrationService.Verification.PENDING, token, rejected.getMessage());
        }
    }

    private static ModelAndView verification(RegistrationService.Verification result, String token,
            String passwordError) {
        ModelAndView page = new ModelAndView("verified");
        page.addObject("result", result.name());
        page.addObject("token", token);
        page.addObject("passwordError", passwordError);
        page.setStatus(result == RegistrationService.Verification.INVALID || passwordError != null
                ? HttpStatus.BAD_REQUEST : HttpStatus.OK);
        return page;
    }

    private static ModelAndView formAgain(HttpStatus status) {
        ModelAndView page = new ModelAndView("register");
        page.setStatus(status);
        return page;
    }
}

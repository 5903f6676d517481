package dev.toolverdicts.identity.registration;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The registration page, its "check your inbox" answer, and the page a verification link opens. */
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
    ModelAndView register(@Valid @ModelAttribute("form") RegistrationForm form, BindingResult errors) {
        if (errors.hasErrors()) {
            return formAgain(HttpStatus.BAD_REQUEST);
        }
        try {
            registrations.register(form);
        } catch (RegistrationRejected rejected) {
            errors.rejectValue(rejected.field(), "rejected", rejected.getMessage());
            return formAgain(HttpStatus.BAD_REQUEST);
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

    @GetMapping("/verify")
    ModelAndView verify(@RequestParam(required = false) String token) {
        RegistrationService.Verification result = registrations.verify(token);
        ModelAndView page = new ModelAndView("verified");
        page.addObject("result", result.name());
        page.setStatus(result == RegistrationService.Verification.INVALID ? HttpStatus.BAD_REQUEST : HttpStatus.OK);
        return page;
    }

    private static ModelAndView formAgain(HttpStatus status) {
        ModelAndView page = new ModelAndView("register");
        page.setStatus(status);
        return page;
    }
}

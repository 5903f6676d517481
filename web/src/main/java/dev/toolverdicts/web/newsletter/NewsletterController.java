package dev.toolverdicts.web.newsletter;

import dev.toolverdicts.web.api.IssueDetail;
import dev.toolverdicts.web.api.NewsletterApi;
import dev.toolverdicts.web.api.ServiceFailure;
import dev.toolverdicts.web.page.NotFound;
import dev.toolverdicts.web.page.SafeRedirect;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The newsletter's pages: the sign-up box's POST (a page, or an htmx fragment in place of the box), the results of
 * the confirmation and unsubscribe links, and the archive of issues that went out.
 */
@Controller
class NewsletterController {

    private static final Pattern ISO_WEEK = Pattern.compile("\\d{4}-W\\d{2}");

    private final NewsletterApi newsletter;

    NewsletterController(NewsletterApi newsletter) {
        this.newsletter = newsletter;
    }

    @GetMapping("/newsletter")
    String archive(Model model) {
        model.addAttribute("pageFeed", "/feeds/newsletter.atom");
        model.addAttribute("pageFeedTitle", "Tool Verdicts weekly digest");
        model.addAttribute("issues", newsletter.issues(52));
        return "newsletter/archive";
    }

    @GetMapping("/newsletter/issues/{week}")
    String issue(@PathVariable String week, Model model) {
        if (!ISO_WEEK.matcher(week).matches()) {
            throw new NotFound("newsletter issues are named by ISO week, like 2026-W14");
        }
        IssueDetail issue = newsletter.issue(week).orElseThrow(() -> new NotFound("no issue went out in " + week));
        model.addAttribute("issue", issue);
        return "newsletter/issue";
    }

    @PostMapping("/newsletter/subscriptions")
    String subscribe(@RequestParam(required = false) String email, @RequestParam(required = false) String back,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            HttpServletResponse response) {
        boolean fragment = "true".equals(htmx);
        model.addAttribute("back", SafeRedirect.back(back, "/"));
        try {
            newsletter.subscribe(email == null ? "" : email);
        } catch (ServiceFailure failure) {
            if (failure.status() >= 500) {
                throw failure;
            }
            response.setStatus(400);
            model.addAttribute("email", email);
            model.addAttribute("emailError", failure.errors().isEmpty() ? failure.detail()
                    : "Email " + failure.errors().getFirst().message() + ".");
            return fragment ? "fragments/signup :: box" : "newsletter/signup";
        }
        return fragment ? "fragments/signup :: sent" : "redirect:/newsletter/check-your-inbox";
    }

    @GetMapping("/newsletter/check-your-inbox")
    String sent() {
        return "newsletter/sent";
    }

    /** The confirmation link only opens this page (mail scanners fetch links); its button confirms. */
    @GetMapping("/newsletter/confirm")
    String confirmPage(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        try {
            newsletter.checkConfirmLink(token == null ? "" : token);
            model.addAttribute("token", token);
            return "newsletter/confirm";
        } catch (ServiceFailure failure) {
            linkProblem(failure, model, response);
            return "newsletter/result";
        }
    }

    @PostMapping("/newsletter/confirm")
    String confirm(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        try {
            newsletter.confirm(token == null ? "" : token);
            model.addAttribute("title", "You are subscribed");
            model.addAttribute("message", "Thanks: the weekly verdicts digest will reach you every Monday. "
                    + "Every mail has a link to stop it.");
        } catch (ServiceFailure failure) {
            linkProblem(failure, model, response);
        }
        return "newsletter/result";
    }

    @GetMapping("/newsletter/unsubscribe")
    String unsubscribePage(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        try {
            newsletter.checkUnsubscribeLink(token == null ? "" : token);
            model.addAttribute("token", token);
            return "newsletter/unsubscribe";
        } catch (ServiceFailure failure) {
            linkProblem(failure, model, response);
            return "newsletter/result";
        }
    }

    @PostMapping("/newsletter/unsubscribe")
    String unsubscribe(@RequestParam(required = false) String token, Model model, HttpServletResponse response) {
        try {
            newsletter.unsubscribe(token == null ? "" : token);
            model.addAttribute("title", "You are unsubscribed");
            model.addAttribute("message", "You will get no more mail from us. Changed your mind? Sign up again "
                    + "on any page.");
        } catch (ServiceFailure failure) {
            linkProblem(failure, model, response);
        }
        return "newsletter/result";
    }

    private static void linkProblem(ServiceFailure failure, Model model, HttpServletResponse response) {
        if (failure.status() >= 500) {
            throw failure;
        }
        response.setStatus(400);
        model.addAttribute("title", "This link does not work");
        model.addAttribute("message", "The link is broken, expired or already used (" + failure.detail()
                + "). Sign up again to get a fresh one.");
    }
}

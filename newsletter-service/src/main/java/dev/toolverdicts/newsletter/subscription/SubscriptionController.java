package dev.toolverdicts.newsletter.subscription;

import dev.toolverdicts.newsletter.SiteLinks;
import dev.toolverdicts.newsletter.mail.MailTemplates;
import dev.toolverdicts.newsletter.mail.OutgoingMail;
import dev.toolverdicts.problem.FieldProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public subscription API. Subscribing always answers 202 with the same body, whether the address is new,
 * pending or confirmed (or 429 with {@code Retry-After} past the sign-up limits). The links in mails answer JSON, or a
 * small page for a browser. Following a confirm or unsubscribe link (GET) changes nothing, because mail scanners
 * prefetch links; it shows a one-button form that POSTs. The unsubscribe POST is also the RFC 8058 one-click
 * request mail clients send.
 */
@RestController
@RequestMapping("/api/newsletter/subscriptions")
class SubscriptionController {

    private static final Map<String, String> ACCEPTED = Map.of(
            "status", "CHECK_YOUR_INBOX",
            "detail", "If this address can take mail, a confirmation link is on its way.");

    private final SubscriptionService subscriptions;
    private final MailTemplates templates;
    private final SiteLinks links;

    SubscriptionController(SubscriptionService subscriptions, MailTemplates templates, SiteLinks links) {
        this.subscriptions = subscriptions;
        this.templates = templates;
        this.links = links;
    }

    @PostMapping
    ResponseEntity<Map<String, String>> subscribe(@Valid @RequestBody SubscribeRequest request,
            HttpServletRequest http) {
        subscriptions.subscribe(request.email(), http.getRemoteAddr());
        return ResponseEntity.accepted().body(ACCEPTED);
    }

    @GetMapping("/confirm")
    Map<String, String> checkConfirm(@RequestParam(required = false) String token) {
        subscriptions.checkConfirmLink(token);
        return Map.of("status", "VALID_LINK", "detail", "POST to this same URL to confirm the subscription.");
    }

    @GetMapping(path = "/confirm", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> confirmPage(@RequestParam(required = false) String token) {
        try {
            subscriptions.checkConfirmLink(token);
            return page(HttpStatus.OK, "Confirm your subscription",
                    "One click and the weekly verdicts digest will reach you every Monday.",
                    new Action(links.confirm(token), "Confirm subscription"));
        } catch (FieldProblem problem) {
            return linkProblem(problem);
        }
    }

    @PostMapping("/confirm")
    Map<String, String> confirm(@RequestParam(required = false) String token) {
        return Map.of("status", subscriptions.confirm(token).name());
    }

    @PostMapping(path = "/confirm", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> confirmFromPage(@RequestParam(required = false) String token) {
        try {
            subscriptions.confirm(token);
            return page(HttpStatus.OK, "You are subscribed", "Thanks: the weekly verdicts digest will reach you "
                    + "every Monday. Every mail has a link to stop it.", null);
        } catch (FieldProblem problem) {
            return linkProblem(problem);
        }
    }

    @GetMapping("/unsubscribe")
    Map<String, String> checkUnsubscribe(@RequestParam(required = false) String token) {
        subscriptions.checkUnsubscribeLink(token);
        return Map.of("status", "VALID_LINK",
                "detail", "POST to this same URL (body " + OutgoingMail.ONE_CLICK + ") to unsubscribe.");
    }

    @GetMapping(path = "/unsubscribe", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> unsubscribePage(@RequestParam(required = false) String token) {
        try {
            subscriptions.checkUnsubscribeLink(token);
            return page(HttpStatus.OK, "Unsubscribe from the digest?",
                    "One click and you get no more mail from us.",
                    new Action(links.unsubscribe(token), "Unsubscribe", OutgoingMail.ONE_CLICK));
        } catch (FieldProblem problem) {
            return linkProblem(problem);
        }
    }

    @PostMapping("/unsubscribe")
    Map<String, String> unsubscribe(@RequestParam(required = false) String token) {
        return Map.of("status", subscriptions.unsubscribe(token).name());
    }

    @PostMapping(path = "/unsubscribe", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> unsubscribeFromPage(@RequestParam(required = false) String token) {
        try {
            subscriptions.unsubscribe(token);
            return page(HttpStatus.OK, "You are unsubscribed",
                    "You will get no more mail from us. Changed your mind? Subscribe again on the site.", null);
        } catch (FieldProblem problem) {
            return linkProblem(problem);
        }
    }

    private ResponseEntity<String> linkProblem(FieldProblem problem) {
        String detail = problem.getBody().getDetail();
        return page(HttpStatus.BAD_REQUEST, "This link does not work",
                "The link " + detail.substring(detail.indexOf(": ") + 2) + ".", null);
    }

    /** The one button a link's page offers: where it posts, its label, and an optional {@code name=value} field. */
    record Action(String url, String label, String fieldName, String fieldValue) {

        Action(String url, String label) {
            this(url, label, null, null);
        }

        Action(String url, String label, String field) {
            this(url, label, field.substring(0, field.indexOf('=')), field.substring(field.indexOf('=') + 1));
        }
    }

    private ResponseEntity<String> page(HttpStatus status, String title, String message, Action action) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", title);
        model.put("message", message);
        model.put("siteUrl", links.siteUrl());
        if (action != null) {
            model.put("actionUrl", action.url());
            model.put("actionLabel", action.label());
            model.put("actionField", action.fieldName());
            model.put("actionValue", action.fieldValue());
        }
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML)
                .body(templates.html("pages/subscription", model));
    }
}

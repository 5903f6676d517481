package dev.toolverdicts.identity.login;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the product's home URL ({@code identity.site-url}, the gateway) for the header link. */
@ControllerAdvice
class SiteLinks {

    private final String siteUrl;

    SiteLinks(@Value("${identity.site-url:http://localhost:8080/}") String siteUrl) {
        this.siteUrl = siteUrl;
    }

    @ModelAttribute("siteUrl")
    String siteUrl() {
        return siteUrl;
    }
}

package dev.toolverdicts.newsletter.subscription;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The sign-up box: one email address (RFC 5321 caps an address at 254 characters), blanks around it ignored. */
record SubscribeRequest(
        @NotBlank(message = "is required")
        @Size(max = 254, message = "must be at most 254 characters")
        @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be an email address like name@example.com")
        String email) {

    SubscribeRequest {
        email = email == null ? null : email.strip();
    }
}

package dev.toolverdicts.identity.registration;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What a person enters to become a member: the registration page's form and the JSON API's body. */
public class RegistrationForm {

    @NotBlank(message = "enter your email address")
    @Email(message = "is not a valid email address")
    @Size(max = 254, message = "must be at most 254 characters")
    private String email;

    @NotNull(message = "choose a password")
    @Size(min = PasswordPolicy.MIN_LENGTH, max = PasswordPolicy.MAX_LENGTH,
            message = PasswordPolicy.LENGTH_MESSAGE)
    private String password;

    @NotBlank(message = "enter the name to show with your votes")
    @Size(min = 2, max = 60, message = "must be 2 to 60 characters")
    private String displayName;

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }
}

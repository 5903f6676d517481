package dev.toolverdicts.vote.moderation;

import dev.toolverdicts.vote.abuse.Flag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admin endpoints (role ADMIN) to review flagged votes: open ones by default, resolved ones on request. */
@RestController
@RequestMapping("/api/votes/admin/flags")
class FlagController {

    private final FlagResolutions resolutions;

    FlagController(FlagResolutions resolutions) {
        this.resolutions = resolutions;
    }

    @GetMapping
    List<Flag> list(@RequestParam(defaultValue = "true") boolean open) {
        return resolutions.list(open);
    }

    @PostMapping("/{flagId}/resolution")
    Flag resolve(@PathVariable long flagId, @Valid @RequestBody ResolutionRequest request,
            @AuthenticationPrincipal Jwt admin) {
        return resolutions.resolve(flagId, request.resolution(), admin.getSubject());
    }
}

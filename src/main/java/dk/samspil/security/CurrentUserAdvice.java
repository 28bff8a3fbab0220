package dk.samspil.security;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user (or null) into every page's model for the layout's header and menu. */
@ControllerAdvice
class CurrentUserAdvice {

    @ModelAttribute("currentUser")
    SamspilPrincipal currentUser(@AuthenticationPrincipal SamspilPrincipal user) {
        return user;
    }
}

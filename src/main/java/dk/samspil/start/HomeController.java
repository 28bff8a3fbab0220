package dk.samspil.start;

import dk.samspil.security.SamspilPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The public front page (a signed-in user goes on to their start page) and the accessibility statement. */
@Controller
class HomeController {

    static final String HOME_VIEW = "start/home";
    static final String ACCESSIBILITY_VIEW = "start/accessibility";

    @GetMapping("/")
    String home(@AuthenticationPrincipal SamspilPrincipal user) {
        return user == null ? HOME_VIEW : "redirect:/start";
    }

    @GetMapping("/tilgaengelighed")
    String accessibility() {
        return ACCESSIBILITY_VIEW;
    }
}

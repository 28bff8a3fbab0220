package dk.samspil.platform;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The front page and the accessibility statement. */
@Controller
class HomeController {

    static final String HOME_VIEW = "platform/home";
    static final String ACCESSIBILITY_VIEW = "platform/accessibility";

    @GetMapping("/")
    String home() {
        return HOME_VIEW;
    }

    @GetMapping("/tilgaengelighed")
    String accessibility() {
        return ACCESSIBILITY_VIEW;
    }
}

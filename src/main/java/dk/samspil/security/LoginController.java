package dk.samspil.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    static final String VIEW = "security/login";

    @GetMapping("/login")
    String login() {
        return VIEW;
    }
}

package dk.samspil;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import dk.samspil.security.SamspilPrincipal;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The demo users as MockMvc request post-processors, loaded from the database like a real sign-in. */
@Component
public class DemoUsers {

    public static final String[] ALL = {
        "konsulent",
        "midtkraft",
        "koordinator",
        "koordinator2",
        "medlem",
        "kommune",
        "kommune2",
        "pko",
        "pkokoordinator",
        "pkolaege",
        "pkonord",
        "pkokommune",
        "redaktoer",
        "admin"
    };

    private final UserDetailsService users;

    DemoUsers(UserDetailsService users) {
        this.users = users;
    }

    public SamspilPrincipal principal(String username) {
        return (SamspilPrincipal) users.loadUserByUsername(username);
    }

    public RequestPostProcessor as(String username) {
        return user(principal(username));
    }
}

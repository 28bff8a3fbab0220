package dk.samspil.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page: a button per work-identity provider, beside the local password; and the page of a refusal. */
@Controller
class LoginController {

    static final String VIEW = "security/login";
    static final String REFUSED = "security/login-refused";

    /** A work-identity provider as the sign-in page shows it: {@code /oauth2/authorization/<id>}, "Log ind med <name>". */
    record Provider(String id, String name) {}

    private final List<Provider> providers;

    LoginController(ObjectProvider<ClientRegistrationRepository> registrations) {
        var found = new ArrayList<Provider>();
        if (registrations.getIfAvailable() instanceof Iterable<?> all) {
            for (Object registration : all) {
                var client = (ClientRegistration) registration;
                found.add(new Provider(client.getRegistrationId(), client.getClientName()));
            }
        }
        this.providers = List.copyOf(found);
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("providers", providers);
        return VIEW;
    }

    @GetMapping("/login/afvist")
    String refused(@RequestParam(name = "aarsag", defaultValue = "fejl") String reason, Model model) {
        model.addAttribute("reason", WorkIdentityRefusal.byReason(reason).reason());
        return REFUSED;
    }
}
